package dev.outbox.relay.config;

import dev.outbox.config.Secrets;
import java.net.URI;

/**
 * The parts of DATABASE_URL that Debezium's replication connection needs: it takes a host, a port
 * and a database name, not a JDBC URL.
 */
public record DatabaseAddress(String host, int port, String database) {

  /**
   * Parses {@code jdbc:postgresql://host[:port]/database[?...]}.
   *
   * @throws IllegalArgumentException naming DATABASE_URL when it names no host or database
   */
  public static DatabaseAddress of(String jdbcUrl) {
    if (!jdbcUrl.startsWith("jdbc:postgresql://")) {
      throw new IllegalArgumentException(
          "DATABASE_URL must start with jdbc:postgresql://, got '"
              + Secrets.maskUrl(jdbcUrl)
              + "'");
    }
    URI uri = URI.create(jdbcUrl.substring("jdbc:".length()));
    String path = uri.getPath() == null ? "" : uri.getPath().replaceFirst("^/", "");
    if (uri.getHost() == null || path.isEmpty()) {
      throw new IllegalArgumentException(
          "DATABASE_URL must name a host and a database, got '" + Secrets.maskUrl(jdbcUrl) + "'");
    }
    return new DatabaseAddress(uri.getHost(), uri.getPort() == -1 ? 5432 : uri.getPort(), path);
  }
}
