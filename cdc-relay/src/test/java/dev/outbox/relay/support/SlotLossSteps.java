package dev.outbox.relay.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.outbox.relay.Relay;
import dev.outbox.relay.config.RelayConfig;
import dev.outbox.relay.store.ReplicationSlots;
import dev.outbox.relay.store.StoredOffsets;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.slf4j.LoggerFactory;

/** The steps the slot-loss ITs share: a relay that streams once and stops, events meanwhile. */
public final class SlotLossSteps {

  public static final Duration WAIT = Duration.ofSeconds(90);

  private SlotLossSteps() {}

  /**
   * Starts a relay, has it publish one event of {@code type} and store a streamed position, and
   * stops it cleanly: afterwards the slot's stored position is one the relay streamed from.
   */
  public static void streamOnceAndStop(
      DataSource dataSource, RelayConfig config, ReceivedMessages received, String type)
      throws InterruptedException {
    try (Relay relay = Relay.start(config, dataSource, new SimpleMeterRegistry())) {
      assertThat(relay.awaitStreaming(WAIT)).isTrue();
      UUID id = RelayEnvironment.insert(dataSource, UUID.randomUUID().toString(), type, "{}");
      await("the first event and a streamed position")
          .atMost(WAIT)
          .until(() -> received.byId(id) != null && streamedPositionStored(dataSource, config));
    }
  }

  /**
   * Inserts {@code perAggregate} events of {@code type} for each of {@code aggregates} new
   * aggregates, round by round (payload {@code seq} 0, 1, ...), and returns their ids.
   */
  public static List<UUID> insertEvents(
      DataSource dataSource, String type, int aggregates, int perAggregate) {
    List<String> ids = new ArrayList<>();
    for (int a = 0; a < aggregates; a++) {
      ids.add(UUID.randomUUID().toString());
    }
    List<UUID> events = new ArrayList<>();
    for (int seq = 0; seq < perAggregate; seq++) {
      for (String aggregate : ids) {
        events.add(RelayEnvironment.insert(dataSource, aggregate, type, "{\"seq\":" + seq + "}"));
      }
    }
    return events;
  }

  /** Drops the relay's slot (its walsender may still be letting go). */
  public static void dropSlot(DataSource dataSource, String slot) throws SQLException {
    try (Connection c = dataSource.getConnection()) {
      ReplicationSlots.drop(c, slot, Duration.ofSeconds(30));
    }
  }

  /** The slot's wal_status, or null when it does not exist. */
  public static String walStatus(DataSource dataSource, String slot) throws SQLException {
    try (Connection c = dataSource.getConnection();
        var ps =
            c.prepareStatement("SELECT wal_status FROM pg_replication_slots WHERE slot_name = ?")) {
      ps.setString(1, slot);
      try (var rs = ps.executeQuery()) {
        return rs.next() ? rs.getString(1) : null;
      }
    }
  }

  /** Records what the logger {@code name} logs from now on; {@link #stop} detaches it. */
  public static ListAppender<ILoggingEvent> captureLog(String name) {
    Logger logger = (Logger) LoggerFactory.getLogger(name);
    ListAppender<ILoggingEvent> appender = new ListAppender<>();
    appender.start();
    logger.addAppender(appender);
    return appender;
  }

  /** The ERROR lines {@code appender} recorded. */
  public static List<String> errors(ListAppender<ILoggingEvent> appender) {
    // AppenderBase.doAppend adds under the appender's monitor.
    synchronized (appender) {
      return appender.list.stream()
          .filter(e -> e.getLevel() == Level.ERROR)
          .map(ILoggingEvent::getFormattedMessage)
          .toList();
    }
  }

  public static void stop(String name, ListAppender<ILoggingEvent> appender) {
    ((Logger) LoggerFactory.getLogger(name)).detachAppender(appender);
    appender.stop();
  }

  private static boolean streamedPositionStored(DataSource dataSource, RelayConfig config)
      throws SQLException {
    try (Connection c = dataSource.getConnection()) {
      return StoredOffsets.read(c, config.slotName()).filter(s -> !s.inSnapshot()).isPresent();
    }
  }
}
