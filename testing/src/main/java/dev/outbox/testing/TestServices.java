package dev.outbox.testing;

import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.postgresql.PostgreSQLContainer;
import org.testcontainers.rabbitmq.RabbitMQContainer;

/**
 * Decides, once per test JVM, where the real PostgreSQL and RabbitMQ that integration tests use
 * are:
 *
 * <ol>
 *   <li>the contract's variables ({@code DATABASE_URL}, {@code DATABASE_USER}, {@code
 *       DATABASE_PASSWORD}, {@code EVENT_BUS_URL}) when set;
 *   <li>otherwise Testcontainers, when a Docker engine answers;
 *   <li>otherwise the local services at their default ports, as {@code scripts/dev-services}
 *       prepares them.
 * </ol>
 *
 * A service that cannot be reached fails the test with a message that says what to start; no test
 * is ever skipped for lack of one.
 */
public final class TestServices {

  private static final Logger log = LoggerFactory.getLogger(TestServices.class);
  private static final String HINT =
      "run scripts/dev-services (or set DATABASE_URL / EVENT_BUS_URL)";

  /** Where the tests' PostgreSQL server is: the maintenance database's JDBC URL and credentials. */
  public record Postgres(String adminJdbcUrl, String user, String password) {

    /** The JDBC URL of another database on the same server. */
    public String jdbcUrl(String database) {
      URI uri = URI.create(adminJdbcUrl.substring("jdbc:".length()));
      return "jdbc:postgresql://" + uri.getHost() + ":" + port() + "/" + database;
    }

    public String host() {
      return URI.create(adminJdbcUrl.substring("jdbc:".length())).getHost();
    }

    public int port() {
      int port = URI.create(adminJdbcUrl.substring("jdbc:".length())).getPort();
      return port == -1 ? 5432 : port;
    }

    public Connection connect() throws SQLException {
      return DriverManager.getConnection(adminJdbcUrl, user, password);
    }
  }

  private static volatile Postgres postgres;
  private static volatile String amqpUri;

  private TestServices() {}

  /** The PostgreSQL server, checked to be reachable with {@code wal_level=logical}. */
  public static Postgres postgres() {
    if (postgres == null) {
      synchronized (TestServices.class) {
        if (postgres == null) {
          postgres = checked(resolvePostgres(System.getenv()));
        }
      }
    }
    return postgres;
  }

  /** The RabbitMQ broker's AMQP URI, checked to be reachable. */
  public static String amqpUri() {
    if (amqpUri == null) {
      synchronized (TestServices.class) {
        if (amqpUri == null) {
          amqpUri = checked(resolveAmqpUri(System.getenv()));
        }
      }
    }
    return amqpUri;
  }

  private static Postgres resolvePostgres(Map<String, String> env) {
    String url = env.get("DATABASE_URL");
    if (url != null && !url.isBlank()) {
      log.info("Integration tests use PostgreSQL from DATABASE_URL: {}", url);
      return new Postgres(
          url,
          env.getOrDefault("DATABASE_USER", "postgres"),
          env.getOrDefault("DATABASE_PASSWORD", ""));
    }
    if (dockerAvailable()) {
      PostgreSQLContainer container =
          new PostgreSQLContainer("postgres:16-alpine")
              .withCommand(
                  "postgres",
                  "-c",
                  "wal_level=logical",
                  "-c",
                  "max_replication_slots=64",
                  "-c",
                  "max_wal_senders=64");
      container.start();
      log.info("Integration tests use a Testcontainers PostgreSQL: {}", container.getJdbcUrl());
      return new Postgres(container.getJdbcUrl(), container.getUsername(), container.getPassword());
    }
    log.info("No DATABASE_URL and no Docker engine: integration tests use the local PostgreSQL");
    return new Postgres("jdbc:postgresql://127.0.0.1:5432/postgres", "postgres", "");
  }

  private static String resolveAmqpUri(Map<String, String> env) {
    String url = env.get("EVENT_BUS_URL");
    if (url != null && !url.isBlank()) {
      return url;
    }
    if (dockerAvailable()) {
      RabbitMQContainer container = new RabbitMQContainer("rabbitmq:4-management-alpine");
      container.start();
      return container.getAmqpUrl();
    }
    return "amqp://guest:guest@127.0.0.1:5672/";
  }

  private static boolean dockerAvailable() {
    try {
      return DockerClientFactory.instance().isDockerAvailable();
    } catch (RuntimeException | LinkageError e) {
      return false;
    }
  }

  private static Postgres checked(Postgres pg) {
    try (Connection c = pg.connect();
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("show wal_level")) {
      rs.next();
      if (!"logical".equals(rs.getString(1))) {
        throw new IllegalStateException(
            "PostgreSQL at "
                + pg.adminJdbcUrl()
                + " has wal_level="
                + rs.getString(1)
                + ", the relay needs logical: "
                + HINT);
      }
      return pg;
    } catch (SQLException e) {
      throw new IllegalStateException(
          "PostgreSQL is not reachable at " + pg.adminJdbcUrl() + ": " + HINT, e);
    }
  }

  private static String checked(String uri) {
    URI parsed = URI.create(uri);
    int port = parsed.getPort() == -1 ? 5672 : parsed.getPort();
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress(parsed.getHost(), port), 2_000);
      return uri;
    } catch (java.io.IOException e) {
      throw new IllegalStateException(
          "RabbitMQ is not reachable at " + parsed.getHost() + ":" + port + ": " + HINT, e);
    }
  }
}
