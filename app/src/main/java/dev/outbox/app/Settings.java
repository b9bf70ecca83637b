package dev.outbox.app;

import dev.outbox.api.config.ApiConfig;
import dev.outbox.config.ConfigReader;
import dev.outbox.config.DatabaseSettings;
import dev.outbox.config.EmailVerificationSettings;
import dev.outbox.config.Environment;
import dev.outbox.config.ReplicationSettings;
import dev.outbox.config.tracing.TracingSettings;
import dev.outbox.notifier.config.NotifierConfig;
import dev.outbox.relay.config.RelayConfig;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.function.Function;

/**
 * What each command runs on, read from the resolved environment in one pass per command: every
 * record the command needs is read by one {@link ConfigReader}, which then throws one {@link
 * dev.outbox.config.ConfigException} (exit 78) naming every bad variable, so that no role starts on
 * a half-valid configuration and an operator fixes all of them in one go.
 */
final class Settings {

  static final String SECRET = EmailVerificationSettings.SECRET.name();

  /** Stands in for the secret where nothing is signed (status, dlq); long enough to be valid. */
  private static final String NOT_SIGNING = "not-used-by-status-or-dlq-they-sign-no-links";

  /** The spans' service.name of each traced role, unless OTEL_SERVICE_NAME says otherwise. */
  static final String API_SERVICE = "outbox-api";

  static final String NOTIFIER_SERVICE = "outbox-notifier";

  /** The {@code api} command. */
  record ApiRole(
      ApiConfig api,
      DatabaseSettings database,
      ReplicationSettings replication,
      TracingSettings tracing) {}

  /** The {@code relay} command. */
  record RelayRole(RelayConfig relay, DatabaseSettings database, int metricsPort) {}

  /** The {@code notifier} command. */
  record NotifierRole(
      NotifierConfig notifier,
      DatabaseSettings database,
      int metricsPort,
      TracingSettings tracing) {}

  /** The {@code all} command; {@code secretGenerated} when the environment had no secret. */
  record AllRoles(
      ApiConfig api,
      RelayConfig relay,
      NotifierConfig notifier,
      DatabaseSettings database,
      ReplicationSettings replication,
      TracingSettings apiTracing,
      TracingSettings notifierTracing,
      boolean secretGenerated) {}

  /** The {@code migrate} command. */
  record Migration(DatabaseSettings database, ReplicationSettings replication) {}

  /** The {@code replay} command. */
  record Replay(RelayConfig relay, DatabaseSettings database) {}

  /**
   * The {@code status} and {@code dlq} commands: the relay, the notifier's queues, the database.
   */
  record Operations(
      RelayConfig relay,
      NotifierConfig notifierQueues,
      DatabaseSettings database,
      ReplicationSettings replication) {}

  private final Environment environment;

  Settings(Environment environment) {
    this.environment = environment;
  }

  ApiRole api() {
    return read(
        c ->
            new ApiRole(
                ApiConfig.read(c),
                DatabaseSettings.read(c),
                ReplicationSettings.read(c),
                TracingSettings.read(c, API_SERVICE)));
  }

  RelayRole relay() {
    return read(
        c -> new RelayRole(RelayConfig.read(c), DatabaseSettings.read(c), c.get(ProbeServer.PORT)));
  }

  NotifierRole notifier() {
    return read(
        c ->
            new NotifierRole(
                NotifierConfig.read(c),
                DatabaseSettings.read(c),
                c.get(ProbeServer.PORT),
                TracingSettings.read(c, NOTIFIER_SERVICE)));
  }

  /** The three roles; without a secret in the environment, with a fresh one for this run. */
  AllRoles all() {
    boolean generate = !hasSecret();
    Settings settings = generate ? new Settings(environment.with(SECRET, generatedSecret())) : this;
    return settings.read(
        c ->
            new AllRoles(
                ApiConfig.read(c),
                RelayConfig.read(c),
                NotifierConfig.read(c),
                DatabaseSettings.read(c),
                ReplicationSettings.read(c),
                TracingSettings.read(c, API_SERVICE),
                TracingSettings.read(c, NOTIFIER_SERVICE),
                generate));
  }

  LogOutput.Format logFormat() {
    return read(c -> c.get(LogOutput.FORMAT));
  }

  Migration migration() {
    return read(c -> new Migration(DatabaseSettings.read(c), ReplicationSettings.read(c)));
  }

  Replay replay() {
    return read(c -> new Replay(RelayConfig.read(c), DatabaseSettings.read(c)));
  }

  /**
   * The relay's and the notifier's queue and broker settings for {@code status} and {@code dlq},
   * which sign no links: the secret the notifier config insists on is irrelevant there, so a
   * stand-in fills it when absent.
   */
  Operations operations() {
    Settings settings = hasSecret() ? this : new Settings(environment.with(SECRET, NOT_SIGNING));
    return settings.read(
        c ->
            new Operations(
                RelayConfig.read(c),
                NotifierConfig.read(c),
                DatabaseSettings.read(c),
                ReplicationSettings.read(c)));
  }

  /** The notifier's queues alone (tests clean them up with it). */
  NotifierConfig notifierQueues() {
    return operations().notifierQueues();
  }

  /** Whether the secret is set, directly or as a file. */
  boolean hasSecret() {
    return environment.value(SECRET).isPresent()
        || environment.value(EmailVerificationSettings.SECRET.fileVariable()).isPresent();
  }

  /** A fresh random secret for one run of {@code all} (links die with the process). */
  static String generatedSecret() {
    byte[] key = new byte[32];
    new SecureRandom().nextBytes(key);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(key);
  }

  private <T> T read(Function<ConfigReader, T> reader) {
    return ConfigReader.read(environment, reader);
  }
}
