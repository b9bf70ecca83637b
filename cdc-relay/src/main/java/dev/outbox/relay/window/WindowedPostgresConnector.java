package dev.outbox.relay.window;

import io.debezium.connector.postgresql.PostgresConnector;
import org.apache.kafka.connect.connector.Task;

/**
 * Debezium's PostgreSQL connector with {@link WindowedPostgresTask} as its task, so that the slot
 * is confirmed only to positions stored at least the replay window ago. Everything else (slot
 * creation, snapshot, streaming, stored offsets) is Debezium's own.
 */
public class WindowedPostgresConnector extends PostgresConnector {

  @Override
  public Class<? extends Task> taskClass() {
    return WindowedPostgresTask.class;
  }
}
