package dev.outbox.api.ops;

import dev.outbox.config.Outage;
import dev.outbox.config.health.Check;
import dev.outbox.config.health.HealthCheck;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;

/**
 * The database is up when the pool hands out a connection that answers within two seconds. An
 * outage is logged once when a probe first sees it and once when one sees it end, not per probe.
 */
final class DatabaseCheck implements HealthCheck {

  private static final int TIMEOUT_SECONDS = 2;

  private final DataSource dataSource;
  private final Outage outage = new Outage("PostgreSQL (api readiness)");

  DatabaseCheck(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  @Override
  public String name() {
    return "database";
  }

  @Override
  public Check check() {
    try (Connection connection = dataSource.getConnection()) {
      if (connection.isValid(TIMEOUT_SECONDS)) {
        outage.succeeded();
        return Check.up();
      }
      outage.failed("no answer within " + TIMEOUT_SECONDS + " s");
      return Check.down("error", "no answer within " + TIMEOUT_SECONDS + " s");
    } catch (SQLException | RuntimeException e) {
      outage.failed(e.toString());
      return Check.down("error", e.getMessage());
    }
  }
}
