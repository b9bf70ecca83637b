package dev.outbox.relay.config;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The TLS parameters of DATABASE_URL as the Debezium PostgreSQL connector's keys, so that its
 * connections (the replication stream among them) verify the server exactly as the pools do, which
 * take the URL as it is. Debezium builds its own JDBC URL from host, port and database only, so
 * without these its stream would run with the connector's default {@code sslmode=prefer}: encrypted
 * when the server offers it, but against any certificate.
 *
 * <p>The keys, as Debezium 3.6.1 declares them ({@code PostgresConnectorConfig}: {@code
 * database.sslmode}, {@code database.sslrootcert}, {@code database.sslcert}, {@code
 * database.sslkey}, {@code database.sslpassword}, {@code database.sslfactory}; documented in {@code
 * connectors/postgresql.adoc}, "database.sslmode" and following). The connector hands every {@code
 * database.*} key, prefix stripped, to pgjdbc as a connection property ({@code
 * RelationalDatabaseConnectorConfig} merges the {@code database.} and {@code driver.} subsets into
 * its JDBC configuration), so each value means what it means in the URL. Its sslmode values are
 * pgjdbc's: disable, allow, prefer, require, verify-ca, verify-full.
 *
 * <p>Any other {@code ssl*} parameter (sslfactoryarg, sslhostnameverifier, sslpasswordcallback,
 * sslNegotiation, ...) is refused at start-up rather than applied to the pools only.
 */
public record DatabaseTls(Map<String, String> debeziumProperties) {

  /** URL parameter = Debezium key minus its {@code database.} prefix. */
  private static final List<String> PASSED_ON =
      List.of("sslmode", "sslrootcert", "sslcert", "sslkey", "sslpassword", "sslfactory");

  private static final List<String> SSL_MODES =
      List.of("disable", "allow", "prefer", "require", "verify-ca", "verify-full");

  public DatabaseTls {
    debeziumProperties = Map.copyOf(debeziumProperties);
  }

  /**
   * The TLS parameters of {@code jdbcUrl} ({@code jdbc:postgresql://host/db?sslmode=...&...}).
   *
   * @throws IllegalArgumentException naming DATABASE_URL for an sslmode outside pgjdbc's, a
   *     malformed {@code ssl} flag, or a TLS parameter the replication connection would not get
   */
  public static DatabaseTls of(String jdbcUrl) {
    Map<String, String> parameters = parameters(jdbcUrl);
    Map<String, String> debezium = new LinkedHashMap<>();
    for (Map.Entry<String, String> parameter : parameters.entrySet()) {
      String name = parameter.getKey();
      if (PASSED_ON.contains(name)) {
        debezium.put("database." + name, parameter.getValue());
      } else if (!name.equals("ssl") && name.toLowerCase(Locale.ROOT).startsWith("ssl")) {
        throw new IllegalArgumentException(
            "DATABASE_URL parameter "
                + name
                + " is not supported: the relay's replication connection (Debezium) takes only "
                + String.join(", ", PASSED_ON)
                + " and ssl, and a TLS setting only some connections used would weaken the rest");
      }
    }
    String mode = debezium.get("database.sslmode");
    if (mode != null) {
      // pgjdbc compares the mode ignoring case; Debezium is handed it as it declares its values.
      if (!SSL_MODES.contains(mode.toLowerCase(Locale.ROOT))) {
        throw new IllegalArgumentException(
            "DATABASE_URL sslmode=" + mode + " is not one of " + String.join(", ", SSL_MODES));
      }
      debezium.put("database.sslmode", mode.toLowerCase(Locale.ROOT));
    }
    if (mode == null && parameters.containsKey("ssl")) {
      legacySslFlag(parameters.get("ssl"), debezium);
    }
    return new DatabaseTls(debezium);
  }

  // pgjdbc's SslMode.of: without sslmode, ssl=true (or a bare "ssl") means verify-full, and
  // anything else its default, prefer, which Debezium's default is too.
  private static void legacySslFlag(String value, Map<String, String> debezium) {
    if (value.isEmpty() || value.equalsIgnoreCase("true")) {
      debezium.put("database.sslmode", "verify-full");
    } else if (!value.equalsIgnoreCase("false")) {
      throw new IllegalArgumentException(
          "DATABASE_URL ssl=" + value + " must be true or false (or use sslmode)");
    }
  }

  // As pgjdbc's Driver.parseURL reads them: '&'-separated, URL-decoded, the last one of a name
  // winning.
  private static Map<String, String> parameters(String jdbcUrl) {
    Map<String, String> parameters = new LinkedHashMap<>();
    int query = jdbcUrl.indexOf('?');
    if (query < 0) {
      return parameters;
    }
    for (String pair : jdbcUrl.substring(query + 1).split("&")) {
      if (pair.isEmpty()) {
        continue;
      }
      int eq = pair.indexOf('=');
      String name = eq < 0 ? pair : pair.substring(0, eq);
      String value = eq < 0 ? "" : pair.substring(eq + 1);
      parameters.put(name, URLDecoder.decode(value, StandardCharsets.UTF_8));
    }
    return parameters;
  }
}
