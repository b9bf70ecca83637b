package dev.outbox.relay.capture;

import dev.outbox.config.DatabaseSettings;
import dev.outbox.relay.config.DatabaseAddress;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.regex.Pattern;

/**
 * The host of DATABASE_URL the replication stream must use. Debezium 3.6.1 takes one {@code
 * database.hostname}, while the pools follow a pgjdbc multi-host URL to its primary ({@code
 * targetServerType=primary}); so before every engine start each host is asked in turn whether it is
 * a standby ({@code pg_is_in_recovery()}), and the first that is not wins. After a failover the
 * engine fails, the next start finds the new primary, and its missing slot is a slot loss ({@link
 * SlotLossRecovery}).
 */
final class PrimaryHost {

  // Multi-host choices that mean nothing for one host; the TLS and other parameters stay.
  private static final Pattern MULTI_HOST_PARAMETERS =
      Pattern.compile("(?i)^(targetServerType|loadBalanceHosts|hostRecheckSeconds)=.*");

  private PrimaryHost() {}

  /**
   * The primary among DATABASE_URL's hosts; the one host without asking when there is one.
   *
   * @throws IllegalStateException when no host answered as a primary (each one's answer in the
   *     message; the caller tries again later)
   */
  static DatabaseAddress find(DatabaseSettings database) {
    List<DatabaseAddress> hosts = DatabaseAddress.all(database.url());
    if (hosts.size() == 1) {
      return hosts.get(0);
    }
    List<String> answers = new ArrayList<>();
    for (DatabaseAddress host : hosts) {
      try (Connection c = connect(database, host);
          Statement s = c.createStatement();
          ResultSet rs = s.executeQuery("SELECT pg_is_in_recovery()")) {
        rs.next();
        if (!rs.getBoolean(1)) {
          return host;
        }
        answers.add(host.host() + ":" + host.port() + " is a standby");
      } catch (SQLException e) {
        answers.add(host.host() + ":" + host.port() + " " + e.getMessage());
      }
    }
    throw new IllegalStateException("no primary among DATABASE_URL's hosts: " + answers);
  }

  /** The JDBC URL of {@code host} alone, with DATABASE_URL's parameters but the multi-host ones. */
  static String singleHostUrl(String jdbcUrl, DatabaseAddress host) {
    String hostPart = host.host() + ":" + host.port();
    String url = "jdbc:postgresql://" + hostPart + "/" + host.database();
    int query = jdbcUrl.indexOf('?');
    if (query < 0) {
      return url;
    }
    List<String> kept = new ArrayList<>();
    for (String pair : jdbcUrl.substring(query + 1).split("&")) {
      if (!pair.isEmpty() && !MULTI_HOST_PARAMETERS.matcher(pair).matches()) {
        kept.add(pair);
      }
    }
    return kept.isEmpty() ? url : url + "?" + String.join("&", kept);
  }

  private static Connection connect(DatabaseSettings database, DatabaseAddress host)
      throws SQLException {
    Properties properties = new Properties();
    properties.setProperty("user", database.user());
    properties.setProperty("password", database.password());
    // A dead host must not hold up the others (URL parameters, if given, win).
    properties.setProperty("connectTimeout", "5");
    properties.setProperty("socketTimeout", "10");
    return DriverManager.getConnection(singleHostUrl(database.url(), host), properties);
  }
}
