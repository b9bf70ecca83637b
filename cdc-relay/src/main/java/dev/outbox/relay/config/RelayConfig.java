package dev.outbox.relay.config;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;

/**
 * Everything the relay reads from its environment. Built once by {@link #fromEnv(Map)}; every
 * variable has a safe local default except the password, and a malformed value stops start-up with
 * a message naming the variable.
 *
 * @param jdbcUrl DATABASE_URL, a {@code jdbc:postgresql://host:port/db} URL (wal_level=logical)
 * @param databaseUser DATABASE_USER
 * @param databasePassword DATABASE_PASSWORD (never logged)
 * @param eventBusUrl EVENT_BUS_URL, the RabbitMQ AMQP URI
 * @param exchange EVENT_BUS_EXCHANGE, the durable topic exchange events are published to
 * @param maxRetries OUTBOX_MAX_RETRIES, publish attempts of one event before it is parked
 * @param slotName CDC_SLOT_NAME, the logical replication slot (also names the offsets and the lock)
 * @param publication CDC_PUBLICATION, the insert-only publication created by the migrations
 * @param pollInterval CDC_POLL_INTERVAL, Debezium's idle wait (see {@link DebeziumProperties})
 * @param heartbeatInterval CDC_HEARTBEAT_INTERVAL, how often an idle relay moves its slot forward
 * @param maxBatchSize CDC_MAX_BATCH_SIZE, most change events handed to one publish batch
 * @param walWarnBytes CDC_WAL_WARN_BYTES, retained WAL above which the relay warns
 * @param retention OUTBOX_RETENTION, how long published rows are kept for replays
 * @param maxMessageBytes EVENT_BUS_MAX_MESSAGE_BYTES, larger events are refused without sending
 * @param offsetFlushInterval CDC_OFFSET_FLUSH_INTERVAL, how often the offset is committed (the slot
 *     follows a replay window later); a crash re-sends at most what was confirmed since
 * @param replayWindow CDC_REPLAY_WINDOW, how far the slot's confirmed position is held behind the
 *     stored one so that {@code replay} can re-read that WAL (zero: replays come from the rows)
 */
public record RelayConfig(
    String jdbcUrl,
    String databaseUser,
    String databasePassword,
    String eventBusUrl,
    String exchange,
    int maxRetries,
    String slotName,
    String publication,
    Duration pollInterval,
    Duration heartbeatInterval,
    int maxBatchSize,
    long walWarnBytes,
    Duration retention,
    int maxMessageBytes,
    Duration offsetFlushInterval,
    Duration replayWindow) {

  public RelayConfig {
    Objects.requireNonNull(jdbcUrl, "DATABASE_URL is required");
    Objects.requireNonNull(eventBusUrl, "EVENT_BUS_URL is required");
    if (!slotName.matches("[a-z0-9_]{1,63}")) {
      throw new IllegalArgumentException(
          "CDC_SLOT_NAME must be 1-63 of [a-z0-9_], got '" + slotName + "'");
    }
    if (!publication.matches("[a-z0-9_]{1,63}")) {
      throw new IllegalArgumentException(
          "CDC_PUBLICATION must be 1-63 of [a-z0-9_], got '" + publication + "'");
    }
    if (maxRetries < 1) {
      throw new IllegalArgumentException("OUTBOX_MAX_RETRIES must be at least 1");
    }
    if (replayWindow.isNegative()) {
      throw new IllegalArgumentException("CDC_REPLAY_WINDOW must not be negative");
    }
  }

  /** Reads the relay's variables from {@code env} (usually {@code System.getenv()}). */
  public static RelayConfig fromEnv(Map<String, String> env) {
    return new RelayConfig(
        get(env, "DATABASE_URL", "jdbc:postgresql://localhost:5432/outbox"),
        get(env, "DATABASE_USER", "postgres"),
        get(env, "DATABASE_PASSWORD", ""),
        get(env, "EVENT_BUS_URL", "amqp://guest:guest@localhost:5672/"),
        get(env, "EVENT_BUS_EXCHANGE", "domain.events"),
        integer(env, "OUTBOX_MAX_RETRIES", 5),
        get(env, "CDC_SLOT_NAME", "outbox_relay"),
        get(env, "CDC_PUBLICATION", "outbox_publication"),
        // Each idle wait of the engine is at most this long. Measured idle CPU of a relay process
        // (2 loaded cores): 1ms 51 %, 5ms 20 %, 500ms 1.3 % of a core. 5ms keeps the added latency
        // to a few milliseconds at a fifth of a core; 1ms buys the last few at half a core.
        duration(env, "CDC_POLL_INTERVAL", "1ms"),
        duration(env, "CDC_HEARTBEAT_INTERVAL", "10s"),
        integer(env, "CDC_MAX_BATCH_SIZE", 2048),
        longValue(env, "CDC_WAL_WARN_BYTES", 1L << 30),
        duration(env, "OUTBOX_RETENTION", "7d"),
        // RabbitMQ 4's default max_message_size; a larger message would close the channel
        integer(env, "EVENT_BUS_MAX_MESSAGE_BYTES", 16 * 1024 * 1024),
        // Committing after every batch (0) puts a database write and an fsync between batches,
        // which doubled the p99 on a loaded machine; 250 ms amortises it under load and bounds
        // the duplicates after a crash to about a quarter of a second of events.
        duration(env, "CDC_OFFSET_FLUSH_INTERVAL", "250ms"),
        // The slot keeps this much WAL beyond the stored position, so a replay of the last few
        // minutes reads the WAL itself; the cost is that WAL on disk and its re-reading after a
        // restart (PostgreSQL decodes from restart_lsn). Older points are replayed from the rows.
        duration(env, "CDC_REPLAY_WINDOW", "0"));
  }

  /** The database's host, port and name as Debezium wants them, parsed from DATABASE_URL. */
  public DatabaseAddress databaseAddress() {
    if (!jdbcUrl.startsWith("jdbc:postgresql://")) {
      throw new IllegalArgumentException(
          "DATABASE_URL must start with jdbc:postgresql://, got '" + jdbcUrl + "'");
    }
    URI uri = URI.create(jdbcUrl.substring("jdbc:".length()));
    String path = uri.getPath() == null ? "" : uri.getPath().replaceFirst("^/", "");
    if (uri.getHost() == null || path.isEmpty()) {
      throw new IllegalArgumentException(
          "DATABASE_URL must name a host and a database, got '" + jdbcUrl + "'");
    }
    return new DatabaseAddress(uri.getHost(), uri.getPort() == -1 ? 5432 : uri.getPort(), path);
  }

  /** The parts of DATABASE_URL that Debezium's replication connection needs. */
  public record DatabaseAddress(String host, int port, String database) {}

  @Override
  public String toString() {
    return "RelayConfig[jdbcUrl=%s, user=%s, exchange=%s, slot=%s, publication=%s]"
        .formatted(jdbcUrl, databaseUser, exchange, slotName, publication);
  }

  private static String get(Map<String, String> env, String name, String fallback) {
    String value = env.get(name);
    return value == null || value.isBlank() ? fallback : value.trim();
  }

  private static int integer(Map<String, String> env, String name, int fallback) {
    return (int) longValue(env, name, fallback);
  }

  private static long longValue(Map<String, String> env, String name, long fallback) {
    String value = env.get(name);
    if (value == null || value.isBlank()) {
      return fallback;
    }
    try {
      return Long.parseLong(value.trim());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(name + " must be a whole number, got '" + value + "'", e);
    }
  }

  private static Duration duration(Map<String, String> env, String name, String fallback) {
    return Durations.parse(name, get(env, name, fallback));
  }
}
