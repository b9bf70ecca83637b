package dev.outbox.core.config;

import java.util.Map;
import java.util.Objects;

/**
 * Where the application database is. Read from the environment:
 *
 * <ul>
 *   <li>{@code DATABASE_URL} (default {@code jdbc:postgresql://localhost:5432/outbox}): a
 *       PostgreSQL JDBC URL; the server needs {@code wal_level=logical} for the relay.
 *   <li>{@code DATABASE_USER} (default {@code postgres}) and {@code DATABASE_PASSWORD} (default
 *       empty). The password is a secret: never logged, never in {@link #toString()}.
 *   <li>{@code CDC_PUBLICATION} (default {@code outbox_publication}): the publication the
 *       migrations create on {@code outbox_events}.
 * </ul>
 */
public record DatabaseConfig(String url, String user, String password, String publication) {

  public static final String DEFAULT_URL = "jdbc:postgresql://localhost:5432/outbox";
  public static final String DEFAULT_PUBLICATION = "outbox_publication";

  public DatabaseConfig {
    Objects.requireNonNull(url, "DATABASE_URL is required");
    Objects.requireNonNull(user, "DATABASE_USER is required");
    Objects.requireNonNull(password, "DATABASE_PASSWORD is required");
    if (!url.startsWith("jdbc:postgresql:")) {
      throw new IllegalArgumentException("DATABASE_URL must be a jdbc:postgresql: URL, got " + url);
    }
    if (!publication.matches("[a-z_][a-z0-9_]{0,62}")) {
      throw new IllegalArgumentException(
          "CDC_PUBLICATION must be a lower-case SQL identifier, got " + publication);
    }
  }

  public static DatabaseConfig fromEnv(Map<String, String> env) {
    return new DatabaseConfig(
        env.getOrDefault("DATABASE_URL", DEFAULT_URL),
        env.getOrDefault("DATABASE_USER", "postgres"),
        env.getOrDefault("DATABASE_PASSWORD", ""),
        env.getOrDefault("CDC_PUBLICATION", DEFAULT_PUBLICATION));
  }

  @Override
  public String toString() {
    return "DatabaseConfig[url=" + url + ", user=" + user + ", publication=" + publication + "]";
  }
}
