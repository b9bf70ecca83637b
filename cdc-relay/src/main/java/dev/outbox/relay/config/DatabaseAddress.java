package dev.outbox.relay.config;

import dev.outbox.config.Secrets;
import java.util.ArrayList;
import java.util.List;

/**
 * The parts of DATABASE_URL that Debezium's replication connection needs: it takes one host, a port
 * and a database name, not a JDBC URL. A pgjdbc multi-host URL ({@code
 * jdbc:postgresql://pg-1:5432,pg-2:5432/outbox?targetServerType=primary}) names several; {@link
 * #all} lists them and the relay streams from the one that is the primary ({@code
 * capture.PrimaryHost}).
 */
public record DatabaseAddress(String host, int port, String database) {

  private static final String PREFIX = "jdbc:postgresql://";

  /**
   * The first host of {@code jdbc:postgresql://host[:port][,host[:port]...]/database[?...]}.
   *
   * @throws IllegalArgumentException naming DATABASE_URL when it names no host or database
   */
  public static DatabaseAddress of(String jdbcUrl) {
    return all(jdbcUrl).get(0);
  }

  /**
   * Every host of DATABASE_URL, in the order given, each with the URL's database.
   *
   * @throws IllegalArgumentException naming DATABASE_URL when it names no host or database, or a
   *     port that is no number
   */
  public static List<DatabaseAddress> all(String jdbcUrl) {
    if (!jdbcUrl.startsWith(PREFIX)) {
      throw invalid("must start with jdbc:postgresql://", jdbcUrl);
    }
    String rest = jdbcUrl.substring(PREFIX.length());
    int slash = rest.indexOf('/');
    int query = rest.indexOf('?');
    String database =
        slash < 0 ? "" : rest.substring(slash + 1, query > slash ? query : rest.length());
    if (slash <= 0 || database.isEmpty()) {
      throw invalid("must name a host and a database", jdbcUrl);
    }
    List<DatabaseAddress> addresses = new ArrayList<>();
    for (String host : rest.substring(0, slash).split(",", -1)) {
      addresses.add(host(host.trim(), database, jdbcUrl));
    }
    return List.copyOf(addresses);
  }

  // host, host:port, [v6], [v6]:port
  private static DatabaseAddress host(String text, String database, String jdbcUrl) {
    int colon = text.startsWith("[") ? text.indexOf(':', text.indexOf(']')) : text.indexOf(':');
    String name = colon < 0 ? text : text.substring(0, colon);
    if (name.isEmpty() || name.contains("@")) {
      throw invalid("must name a host and a database", jdbcUrl);
    }
    if (colon < 0) {
      return new DatabaseAddress(name, 5432, database);
    }
    try {
      int port = Integer.parseInt(text.substring(colon + 1));
      if (port < 1 || port > 65535) {
        throw new NumberFormatException();
      }
      return new DatabaseAddress(name, port, database);
    } catch (NumberFormatException e) {
      throw invalid("has a port that is not a number from 1 to 65535", jdbcUrl);
    }
  }

  private static IllegalArgumentException invalid(String what, String jdbcUrl) {
    return new IllegalArgumentException(
        "DATABASE_URL " + what + ", got '" + Secrets.maskUrl(jdbcUrl) + "'");
  }
}
