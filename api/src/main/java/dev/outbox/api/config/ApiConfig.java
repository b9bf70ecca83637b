package dev.outbox.api.config;

import dev.outbox.core.config.DatabaseConfig;
import java.net.URI;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What the api role needs, read from the environment:
 *
 * <ul>
 *   <li>{@code HTTP_PORT} (default 8080; 0 picks a free port).
 *   <li>{@code ADMIN_TOKEN} (no default): the bearer token of the read-only /admin routes; when
 *       absent those routes do not exist (404). A secret: never logged.
 *   <li>{@code EMAIL_VERIFICATION_SECRET}: HMAC key of the email verification token, at least 32
 *       characters. Required when the api runs alone, since the notifier in another process must
 *       mint tokens with the same key; {@code all} may pass a generated one. A secret.
 *   <li>{@code CDC_SLOT_NAME} (default {@code outbox_relay}): the slot /admin/relay reports on.
 *   <li>{@code EVENT_BUS_URL} (default {@code amqp://guest:guest@localhost:5672/}): the broker
 *       /ready checks. Its password is a secret.
 *   <li>{@code DATABASE_URL}, {@code DATABASE_USER}, {@code DATABASE_PASSWORD}: see {@link
 *       DatabaseConfig}.
 * </ul>
 */
public record ApiConfig(
    int httpPort,
    Optional<String> adminToken,
    String emailVerificationSecret,
    String cdcSlotName,
    URI eventBusUrl,
    DatabaseConfig database) {

  public static final int DEFAULT_HTTP_PORT = 8080;
  public static final String DEFAULT_SLOT_NAME = "outbox_relay";
  public static final String DEFAULT_EVENT_BUS_URL = "amqp://guest:guest@localhost:5672/";
  static final int MIN_SECRET_LENGTH = 32;

  public ApiConfig {
    Objects.requireNonNull(adminToken, "ADMIN_TOKEN is required (empty means disabled)");
    Objects.requireNonNull(emailVerificationSecret, "EMAIL_VERIFICATION_SECRET is required");
    Objects.requireNonNull(cdcSlotName, "CDC_SLOT_NAME is required");
    Objects.requireNonNull(eventBusUrl, "EVENT_BUS_URL is required");
    Objects.requireNonNull(database, "DATABASE_URL is required");
    if (httpPort < 0 || httpPort > 65_535) {
      throw new IllegalArgumentException("HTTP_PORT must be between 0 and 65535, got " + httpPort);
    }
    if (emailVerificationSecret.length() < MIN_SECRET_LENGTH) {
      throw new IllegalArgumentException(
          "EMAIL_VERIFICATION_SECRET must be at least " + MIN_SECRET_LENGTH + " characters long");
    }
    if (adminToken.isPresent() && adminToken.get().length() < 16) {
      throw new IllegalArgumentException("ADMIN_TOKEN must be at least 16 characters long");
    }
    if (!cdcSlotName.matches("[a-z0-9_]{1,63}")) {
      throw new IllegalArgumentException(
          "CDC_SLOT_NAME must be 1-63 lower-case letters, digits or underscores, got "
              + cdcSlotName);
    }
    if (!"amqp".equals(eventBusUrl.getScheme()) && !"amqps".equals(eventBusUrl.getScheme())) {
      throw new IllegalArgumentException("EVENT_BUS_URL must be an amqp:// or amqps:// URL");
    }
  }

  /** For the api running alone: EMAIL_VERIFICATION_SECRET must be set. */
  public static ApiConfig fromEnv(Map<String, String> env) {
    String secret = env.get("EMAIL_VERIFICATION_SECRET");
    if (secret == null || secret.isBlank()) {
      throw new IllegalArgumentException(
          "EMAIL_VERIFICATION_SECRET is required when the api runs as its own process");
    }
    return fromEnv(env, secret);
  }

  /**
   * For {@code all}: the caller's generated secret stands in for a missing
   * EMAIL_VERIFICATION_SECRET (the caller warns that links die with the process).
   */
  public static ApiConfig fromEnv(Map<String, String> env, String generatedSecret) {
    String secret = env.get("EMAIL_VERIFICATION_SECRET");
    String token = env.get("ADMIN_TOKEN");
    return new ApiConfig(
        port(env.getOrDefault("HTTP_PORT", String.valueOf(DEFAULT_HTTP_PORT))),
        token == null || token.isBlank() ? Optional.empty() : Optional.of(token),
        secret == null || secret.isBlank() ? generatedSecret : secret,
        env.getOrDefault("CDC_SLOT_NAME", DEFAULT_SLOT_NAME),
        eventBusUrl(env.getOrDefault("EVENT_BUS_URL", DEFAULT_EVENT_BUS_URL)),
        DatabaseConfig.fromEnv(env));
  }

  private static int port(String value) {
    try {
      return Integer.parseInt(value.trim());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("HTTP_PORT must be a number, got " + value, e);
    }
  }

  private static URI eventBusUrl(String value) {
    try {
      return URI.create(value);
    } catch (IllegalArgumentException e) {
      // The message of URI.create would echo the URL, password included.
      throw new IllegalArgumentException("EVENT_BUS_URL is not a valid URI", null);
    }
  }

  /** The broker address without its credentials, for logs. */
  public String eventBusAddress() {
    return eventBusUrl.getScheme()
        + "://"
        + eventBusUrl.getHost()
        + (eventBusUrl.getPort() == -1 ? "" : ":" + eventBusUrl.getPort())
        + eventBusUrl.getPath();
  }

  @Override
  public String toString() {
    return "ApiConfig[httpPort="
        + httpPort
        + ", admin="
        + (adminToken.isPresent() ? "enabled" : "disabled")
        + ", cdcSlotName="
        + cdcSlotName
        + ", eventBus="
        + eventBusAddress()
        + ", database="
        + database
        + "]";
  }
}
