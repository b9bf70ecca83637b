package dev.outbox.app;

import dev.outbox.api.config.ApiConfig;
import dev.outbox.config.ConfigReader;
import dev.outbox.core.config.DatabaseConfig;
import dev.outbox.notifier.config.NotifierConfig;
import dev.outbox.relay.config.RelayConfig;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Each role's configuration record, read from the resolved environment. Every record validates
 * itself and names the variable in its message; this class turns those failures into a {@link
 * ConfigException} (exit 78) so that no role starts on a half-valid configuration.
 */
final class Settings {

  static final String SECRET = "EMAIL_VERIFICATION_SECRET";

  private final Map<String, String> env;

  Settings(Map<String, String> env) {
    this.env = env;
  }

  Map<String, String> env() {
    return env;
  }

  DatabaseConfig database() {
    return read(() -> DatabaseConfig.fromEnv(env));
  }

  RelayConfig relay() {
    try {
      return ConfigReader.read(dev.outbox.config.Environment.of(env), RelayConfig::read);
    } catch (dev.outbox.config.ConfigException e) {
      throw new ConfigException(e.getMessage(), e);
    }
  }

  MetricsConfig metrics() {
    return read(() -> MetricsConfig.fromEnv(env));
  }

  /** The api alone: EMAIL_VERIFICATION_SECRET is required. */
  ApiConfig api() {
    return read(() -> ApiConfig.fromEnv(env));
  }

  ApiConfig api(String secret) {
    return read(() -> ApiConfig.fromEnv(env, secret));
  }

  /** The notifier alone: EMAIL_VERIFICATION_SECRET is required. */
  NotifierConfig notifier() {
    return read(() -> NotifierConfig.fromEnv(env));
  }

  NotifierConfig notifier(String secret) {
    Map<String, String> withSecret = new HashMap<>(env);
    withSecret.put(SECRET, secret);
    return read(() -> NotifierConfig.fromEnv(withSecret));
  }

  /**
   * The notifier's queue and broker settings for {@code status} and {@code dlq}, which sign no
   * links: the secret the notifier config insists on is irrelevant there, so a stand-in fills it
   * when absent.
   */
  NotifierConfig notifierQueues() {
    return hasSecret() ? notifier() : notifier("not-used-by-status-or-dlq");
  }

  boolean hasSecret() {
    String secret = env.get(SECRET);
    return secret != null && !secret.isBlank();
  }

  /** A fresh random secret for one run of {@code all} (links die with the process). */
  static String generatedSecret() {
    byte[] key = new byte[32];
    new SecureRandom().nextBytes(key);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(key);
  }

  private static <T> T read(Supplier<T> reader) {
    try {
      return reader.get();
    } catch (IllegalArgumentException | NullPointerException e) {
      throw new ConfigException(e.getMessage(), e);
    }
  }
}
