package dev.outbox.core.persistence;

import dev.outbox.core.domain.order.Order;
import dev.outbox.core.domain.user.User;
import dev.outbox.core.outbox.OutboxEvent;
import dev.outbox.json.Json;
import javax.sql.DataSource;
import org.hibernate.SessionFactory;
import org.hibernate.cfg.AvailableSettings;
import org.hibernate.jpa.HibernatePersistenceConfiguration;
import org.hibernate.tool.schema.Action;
import org.hibernate.type.format.jackson.JacksonJsonFormatMapper;

/** Builds core's Hibernate SessionFactory over the shared pool; Flyway owns the schema. */
final class CoreSessionFactory {

  private CoreSessionFactory() {}

  static SessionFactory build(DataSource dataSource) {
    return new HibernatePersistenceConfiguration("core")
        .managedClasses(User.class, Order.class, OutboxEvent.class)
        .property(AvailableSettings.JAKARTA_NON_JTA_DATASOURCE, dataSource)
        .schemaToolingAction(Action.VALIDATE)
        // The same snake_case mapper as every other JSON of the project, for the jsonb payload.
        .property(AvailableSettings.JSON_FORMAT_MAPPER, new JacksonJsonFormatMapper(Json.mapper()))
        // No JDBC batching: each outbox row is its own INSERT statement, the form the relay is
        // safe with (Debezium 3.6.1 loses events that share one WAL position when it restarts:
        // debezium/dbz#1554, fixed after 3.6).
        // reWriteBatchedInserts stays off in dev.outbox.config.Pools for the same reason.
        .property(AvailableSettings.STATEMENT_BATCH_SIZE, 1)
        .property(AvailableSettings.JDBC_TIME_ZONE, "UTC")
        .createEntityManagerFactory();
  }
}
