package dev.outbox.api.ops;

import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The database is up when the pool hands out a connection that answers within two seconds. */
final class DatabaseCheck implements ReadinessCheck {

  private static final Logger log = LoggerFactory.getLogger(DatabaseCheck.class);
  private static final int TIMEOUT_SECONDS = 2;

  private final DataSource dataSource;

  DatabaseCheck(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  @Override
  public String name() {
    return "database";
  }

  @Override
  public boolean isUp() {
    try (Connection connection = dataSource.getConnection()) {
      return connection.isValid(TIMEOUT_SECONDS);
    } catch (SQLException | RuntimeException e) {
      log.warn("Readiness: database unreachable: {}", e.toString());
      return false;
    }
  }
}
