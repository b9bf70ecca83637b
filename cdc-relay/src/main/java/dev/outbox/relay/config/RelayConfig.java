package dev.outbox.relay.config;

import dev.outbox.config.ConfigReader;
import dev.outbox.config.DatabaseSettings;
import dev.outbox.config.EventBusSettings;
import dev.outbox.config.ReplicationSettings;
import dev.outbox.config.Role;
import dev.outbox.config.Setting;
import java.time.Duration;
import java.util.List;

/**
 * Everything the relay reads from its environment: the shared database, event bus and replication
 * settings, and the relay's own, each declared below with its default and meaning. Every variable
 * has a safe local default except the password; a blank value means the default. Read by {@link
 * #read(ConfigReader)}, which reports every malformed value at once.
 *
 * @param database DATABASE_URL (host, port and database for Debezium: {@link DatabaseAddress}; its
 *     TLS parameters: {@link DatabaseTls}), DATABASE_USER, DATABASE_PASSWORD
 * @param bus EVENT_BUS_URL, EVENT_BUS_CA_FILE, EVENT_BUS_EXCHANGE
 * @param replication CDC_SLOT_NAME (also names the offsets and the lock), CDC_PUBLICATION
 * @param maxRetries {@link #MAX_RETRIES}
 * @param pollInterval {@link #POLL_INTERVAL} (see {@link DebeziumProperties})
 * @param heartbeatInterval {@link #HEARTBEAT_INTERVAL}
 * @param maxBatchSize {@link #MAX_BATCH_SIZE}
 * @param walWarnBytes {@link #WAL_WARN_BYTES}
 * @param retention {@link #RETENTION}
 * @param maxMessageBytes {@link #MAX_MESSAGE_BYTES}
 * @param offsetFlushInterval {@link #OFFSET_FLUSH_INTERVAL}
 * @param replayWindow {@link #REPLAY_WINDOW}
 * @param slotLoss {@link #SLOT_LOSS}
 * @param slotFailover {@link #SLOT_FAILOVER}
 */
public record RelayConfig(
    DatabaseSettings database,
    EventBusSettings bus,
    ReplicationSettings replication,
    int maxRetries,
    Duration pollInterval,
    Duration heartbeatInterval,
    int maxBatchSize,
    long walWarnBytes,
    Duration retention,
    int maxMessageBytes,
    Duration offsetFlushInterval,
    Duration replayWindow,
    SlotLossPolicy slotLoss,
    boolean slotFailover) {

  // RabbitMQ 4's default max_message_size; a larger message would close the channel.
  public static final Setting<Integer> MAX_MESSAGE_BYTES =
      Setting.integer("EVENT_BUS_MAX_MESSAGE_BYTES", 1)
          .withDefault("16777216")
          .withDescription(
              "larger events are parked without sending (RabbitMQ 4's max_message_size)")
          .readBy(Role.RELAY);

  public static final Setting<Integer> MAX_RETRIES =
      Setting.integer("OUTBOX_MAX_RETRIES", 1)
          .withDefault("5")
          .withDescription("publish attempts for one event before it is parked as failed")
          .readBy(Role.RELAY);

  public static final Setting<Duration> RETENTION =
      Setting.duration("OUTBOX_RETENTION")
          .withDefault("7d")
          .withDescription("how long published outbox rows are kept for replays")
          .readBy(Role.RELAY);

  // The streaming loop's sleep after 5 empty reads of the WAL (see DebeziumProperties; the queue no
  // longer waits on it). A lone event that arrives during the sleep waits for its end, on average
  // I^2 / (2 (5 + I)) ms: 0.08 ms at 1 ms, 1.25 ms at 5 ms. The reads are most of an idle relay's
  // CPU and fall only slowly with I (5000 / (5 + I) a second): measured in the cdc-relay README.
  public static final Setting<Duration> POLL_INTERVAL =
      Setting.duration("CDC_POLL_INTERVAL")
          .withDefault("1ms")
          .withDescription("Debezium's pause between reads of an idle WAL stream")
          .readBy(Role.RELAY);

  public static final Setting<Duration> HEARTBEAT_INTERVAL =
      Setting.duration("CDC_HEARTBEAT_INTERVAL")
          .withDefault("10s")
          .withDescription("how often an idle relay moves its slot forward")
          .readBy(Role.RELAY);

  public static final Setting<Integer> MAX_BATCH_SIZE =
      Setting.integer("CDC_MAX_BATCH_SIZE", 1)
          .withDefault("2048")
          .withDescription("most change events handed to one publish batch")
          .readBy(Role.RELAY);

  // Committing after every batch (0) puts a database write and an fsync between batches, which
  // doubled the p99 on a loaded machine; 250 ms amortises it under load and bounds the duplicates
  // after a crash to about a quarter of a second of events.
  public static final Setting<Duration> OFFSET_FLUSH_INTERVAL =
      Setting.duration("CDC_OFFSET_FLUSH_INTERVAL")
          .withDefault("250ms")
          .withDescription(
              "how often the stored WAL position moves (the slot's follows CDC_REPLAY_WINDOW"
                  + " later); bounds duplicates after a crash")
          .readBy(Role.RELAY);

  public static final Setting<Long> WAL_WARN_BYTES =
      Setting.longValue("CDC_WAL_WARN_BYTES", 0)
          .withDefault("1073741824")
          .withDescription("retained WAL above which the relay warns")
          .readBy(Role.RELAY);

  // The slot keeps this much WAL beyond the stored position, so a replay of the last few minutes
  // reads the WAL itself; the cost is that WAL on disk and its re-reading after a restart
  // (PostgreSQL decodes from restart_lsn). Older points are replayed from the rows.
  public static final Setting<Duration> REPLAY_WINDOW =
      Setting.duration("CDC_REPLAY_WINDOW")
          .withDefault("0")
          .withDescription(
              "how far the slot's confirmed position trails the stored one, so `replay` can re-read"
                  + " that WAL (0, the default: replays come from the outbox rows); the server keeps"
                  + " that much more WAL, and every restart or takeover decodes it again before new"
                  + " events flow")
          .readBy(Role.RELAY);

  // Recovering costs duplicates (delivered, not yet marked), never events: the rows decide what is
  // published. stop is for operators who want to look first (or restore a backup) and restart.
  public static final Setting<SlotLossPolicy> SLOT_LOSS =
      Setting.choice("CDC_SLOT_LOSS", SlotLossPolicy.class)
          .withDefault("recover")
          .withDescription(
              "when the slot's stored position is gone (slot missing, or wal_status lost):"
                  + " recover (a new slot, every unpublished row published again, then streaming)"
                  + " or stop (an ERROR, nothing streamed, not ready, until restarted)")
          .readBy(Role.RELAY);

  // PostgreSQL 17's failover slots: synchronised to a standby configured for it, so a promoted
  // standby has the slot at its position. Debezium creates no such slot on an older server.
  public static final Setting<Boolean> SLOT_FAILOVER =
      Setting.bool("CDC_SLOT_FAILOVER")
          .withDefault("false")
          .withDescription(
              "create the slot as a failover slot (Debezium's slot.failover; PostgreSQL 17+ with a"
                  + " standby set up to sync it, README: Running on more than one machine); applies"
                  + " when the relay creates its slot")
          .readBy(Role.RELAY);

  /**
   * Reads the relay's variables; a DATABASE_URL that names no host and database (Debezium's
   * replication connection needs both) or has TLS parameters that connection cannot take ({@link
   * DatabaseTls}) is a problem like any malformed value.
   */
  public static RelayConfig read(ConfigReader config) {
    DatabaseSettings database = DatabaseSettings.read(config);
    config.build(c -> DatabaseAddress.of(database.url()));
    config.build(c -> DatabaseTls.of(database.url()));
    return new RelayConfig(
        database,
        EventBusSettings.read(config),
        ReplicationSettings.read(config),
        config.get(MAX_RETRIES),
        config.get(POLL_INTERVAL),
        config.get(HEARTBEAT_INTERVAL),
        config.get(MAX_BATCH_SIZE),
        config.get(WAL_WARN_BYTES),
        config.get(RETENTION),
        config.get(MAX_MESSAGE_BYTES),
        config.get(OFFSET_FLUSH_INTERVAL),
        config.get(REPLAY_WINDOW),
        config.get(SLOT_LOSS),
        config.get(SLOT_FAILOVER));
  }

  /** Every setting {@link #read} reads, shared ones included, in the reference's order. */
  public static List<Setting<?>> settings() {
    return List.of(
        DatabaseSettings.URL,
        DatabaseSettings.USER,
        DatabaseSettings.PASSWORD,
        EventBusSettings.URL,
        EventBusSettings.CA_FILE,
        EventBusSettings.EXCHANGE,
        MAX_MESSAGE_BYTES,
        MAX_RETRIES,
        RETENTION,
        ReplicationSettings.SLOT_NAME,
        ReplicationSettings.PUBLICATION,
        POLL_INTERVAL,
        HEARTBEAT_INTERVAL,
        MAX_BATCH_SIZE,
        OFFSET_FLUSH_INTERVAL,
        WAL_WARN_BYTES,
        REPLAY_WINDOW,
        SLOT_LOSS,
        SLOT_FAILOVER);
  }

  /** CDC_SLOT_NAME. */
  public String slotName() {
    return replication.slotName();
  }

  /** CDC_PUBLICATION. */
  public String publication() {
    return replication.publication();
  }

  /** EVENT_BUS_EXCHANGE. */
  public String exchange() {
    return bus.exchange();
  }

  /** This configuration with {@code otherBus} (a role meters its connections so). */
  public RelayConfig withBus(EventBusSettings otherBus) {
    return new RelayConfig(
        database,
        otherBus,
        replication,
        maxRetries,
        pollInterval,
        heartbeatInterval,
        maxBatchSize,
        walWarnBytes,
        retention,
        maxMessageBytes,
        offsetFlushInterval,
        replayWindow,
        slotLoss,
        slotFailover);
  }
}
