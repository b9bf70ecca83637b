package dev.outbox.config;

/**
 * Where the application database is, for every role and command. {@code DATABASE_URL} is any pgjdbc
 * URL, including its TLS parameters; the password is a secret.
 */
public record DatabaseSettings(String url, String user, String password) {

  public static final Setting<String> URL =
      Setting.text("DATABASE_URL")
          .validatedBy(u -> u.startsWith("jdbc:postgresql:"), "must be a jdbc:postgresql: URL")
          .withDefault("jdbc:postgresql://localhost:5432/outbox")
          .withDescription("PostgreSQL JDBC URL; the server needs wal_level=logical")
          .readBy(Role.API, Role.RELAY, Role.NOTIFIER, Role.CLI);

  public static final Setting<String> USER =
      Setting.text("DATABASE_USER")
          .withDefault("postgres")
          .withDescription("database user")
          .readBy(Role.API, Role.RELAY, Role.NOTIFIER, Role.CLI);

  public static final Setting<String> PASSWORD =
      Setting.text("DATABASE_PASSWORD")
          .asSecret()
          .withDescription("database password")
          .readBy(Role.API, Role.RELAY, Role.NOTIFIER, Role.CLI);

  public static DatabaseSettings read(ConfigReader config) {
    return new DatabaseSettings(
        config.get(URL), config.get(USER), config.optional(PASSWORD).orElse(""));
  }

  @Override
  public String toString() {
    return "DatabaseSettings[url="
        + Secrets.maskUrl(url)
        + ", user="
        + user
        + ", password="
        + Secrets.mask(password)
        + "]";
  }
}
