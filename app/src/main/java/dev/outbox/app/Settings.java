package dev.outbox.app;

import dev.outbox.api.config.ApiConfig;
import dev.outbox.config.ConfigReader;
import dev.outbox.config.Environment;
import dev.outbox.core.config.DatabaseConfig;
import dev.outbox.notifier.config.NotifierConfig;
import dev.outbox.relay.config.RelayConfig;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;
import java.util.function.Function;

/**
 * What each command runs on, read from the resolved environment in one pass per command: every
 * record the command needs is read by one {@link ConfigReader}, which then throws one {@link
 * dev.outbox.config.ConfigException} (exit 78) naming every bad variable, so that no role starts on
 * a half-valid configuration and an operator fixes all of them in one go.
 */
final class Settings {

  static final String SECRET = "EMAIL_VERIFICATION_SECRET";

  /** Stands in for the secret where nothing is signed (status, dlq); long enough to be valid. */
  private static final String NOT_SIGNING = "not-used-by-status-or-dlq-they-sign-no-links";

  /** The {@code api} command. */
  record ApiRole(ApiConfig api, DatabaseConfig database) {}

  /** The {@code relay} command. */
  record RelayRole(RelayConfig relay, DatabaseConfig database, int metricsPort) {}

  /** The {@code notifier} command. */
  record NotifierRole(NotifierConfig notifier, DatabaseConfig database, int metricsPort) {}

  /** The {@code all} command; {@code secretGenerated} when the environment had no secret. */
  record AllRoles(
      ApiConfig api,
      RelayConfig relay,
      NotifierConfig notifier,
      DatabaseConfig database,
      boolean secretGenerated) {}

  /** The {@code replay} command. */
  record Replay(RelayConfig relay, DatabaseConfig database) {}

  /**
   * The {@code status} and {@code dlq} commands: the relay, the notifier's queues, the database.
   */
  record Operations(RelayConfig relay, NotifierConfig notifierQueues, DatabaseConfig database) {}

  private final Environment environment;

  Settings(Environment environment) {
    this.environment = environment;
  }

  ApiRole api() {
    return read(c -> new ApiRole(api(c), database(c)));
  }

  RelayRole relay() {
    return read(c -> new RelayRole(relay(c), database(c), c.get(MetricsServer.PORT)));
  }

  NotifierRole notifier() {
    return read(c -> new NotifierRole(notifier(c), database(c), c.get(MetricsServer.PORT)));
  }

  /** The three roles; without a secret in the environment, with a fresh one for this run. */
  AllRoles all() {
    if (hasSecret()) {
      return read(c -> new AllRoles(api(c), relay(c), notifier(c), database(c), false));
    }
    Settings generated = new Settings(environment.with(SECRET, generatedSecret()));
    return generated.read(
        c ->
            new AllRoles(
                generated.api(c),
                generated.relay(c),
                generated.notifier(c),
                generated.database(c),
                true));
  }

  /** The {@code migrate} command. */
  DatabaseConfig database() {
    return read(this::database);
  }

  Replay replay() {
    return read(c -> new Replay(relay(c), database(c)));
  }

  /**
   * The notifier's queue and broker settings for {@code status} and {@code dlq}, which sign no
   * links: the secret the notifier config insists on is irrelevant there, so a stand-in fills it
   * when absent.
   */
  Operations operations() {
    Settings queues = hasSecret() ? this : new Settings(environment.with(SECRET, NOT_SIGNING));
    return queues.read(
        c -> new Operations(queues.relay(c), queues.notifier(c), queues.database(c)));
  }

  /** The notifier's queues alone (tests clean them up with it). */
  NotifierConfig notifierQueues() {
    return operations().notifierQueues();
  }

  /** Whether the secret is set, directly or as a file. */
  boolean hasSecret() {
    return environment.value(SECRET).isPresent() || environment.value(SECRET + "_FILE").isPresent();
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

  // Until the role records read through a ConfigReader, each reads the variables itself and
  // ConfigReader.build turns the first rule it breaks into a problem: the records' problems still
  // add up to one report.

  private DatabaseConfig database(ConfigReader c) {
    return c.build(x -> DatabaseConfig.fromEnv(variables()));
  }

  private RelayConfig relay(ConfigReader c) {
    return c.build(
        x -> {
          RelayConfig relay = RelayConfig.fromEnv(variables());
          relay.databaseAddress(); // Debezium needs host/port/database; fail now, not later
          return relay;
        });
  }

  private ApiConfig api(ConfigReader c) {
    return c.build(x -> ApiConfig.fromEnv(variables()));
  }

  private NotifierConfig notifier(ConfigReader c) {
    return c.build(x -> NotifierConfig.fromEnv(variables()));
  }

  private Map<String, String> variables() {
    return environment.asMap();
  }
}
