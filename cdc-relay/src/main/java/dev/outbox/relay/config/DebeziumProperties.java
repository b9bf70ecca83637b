package dev.outbox.relay.config;

import dev.outbox.relay.window.EpochMicrosConverter;
import dev.outbox.relay.window.WindowedPostgresConnector;
import dev.outbox.relay.window.WindowedPostgresTask;
import java.util.Properties;

/**
 * The embedded engine's configuration. Each idle wait of the 3.6.1 engine/connector path is set
 * here on purpose (read from the v3.6.1.Final sources):
 *
 * <ul>
 *   <li>{@code ChangeEventQueue.poll()} is woken by a full batch only (the batching of DBZ-3887,
 *       debezium/debezium#2612) and otherwise waits {@code poll.interval.ms}, spinning through its
 *       last millisecond (its timer counts whole milliseconds): at 1 ms that spin was half a core
 *       of an idle relay. So the relay never waits in it: {@code max.batch.size=1} makes it return
 *       each record before its wait, and {@code WindowedPostgresTask.doPoll} sleeps on the queue's
 *       storage ({@code WakingQueue}) until the first record arrives, then takes what is queued, up
 *       to CDC_MAX_BATCH_SIZE. Batches still form under load: while a batch is being published the
 *       queue fills, and the next poll takes it.
 *   <li>{@code poll.interval.ms} (default 500) is then only {@code
 *       PostgresStreamingChangeEventSource}'s sleep after 5 empty reads of the replication stream
 *       (each pgjdbc {@code readPending()} listens up to 1 ms), and how often a producer blocked by
 *       a full queue looks again. A lone event arriving during that sleep waits for its end, and
 *       the reads are what an idle relay still costs: CDC_POLL_INTERVAL, 1 ms.
 *   <li>{@code AsyncEmbeddedEngine}'s polling loop itself has no pause; it calls the task's poll,
 *       passes each record of a non-empty batch through its record-processing pool (for SMTs, of
 *       which there are none here) and then calls the consumer on its own thread (with a consumer
 *       given, {@code record.processing.order} and {@code record.processing.with.serial.consumer}
 *       have no effect).
 *   <li>Offset commits: not the engine's periodic policy ({@code offset.flush.interval.ms}) but the
 *       always-commit policy, with the relay's consumer deciding when: every
 *       CDC_OFFSET_FLUSH_INTERVAL (250 ms), after the rows of the events it covers are marked
 *       published (see {@code PublishingConsumer}), and on shutdown. The slot's confirmed_flush_lsn
 *       follows the stored offset CDC_REPLAY_WINDOW later ({@code WindowedPostgresTask}); a crash
 *       re-sends at most about one interval. Committing every batch put a write and an fsync
 *       between batches and doubled the p99 on a loaded machine.
 *   <li>{@code status.update.interval.ms} (default 10000): the replication feedback cadence, off
 *       the latency path; 1 s keeps the slot's view of our flushed position fresh.
 *   <li>{@code slot.retry.delay.ms} (default 10000) and {@code retriable.restart.connector.wait.ms}
 *       (default 10000): a standby taking over finds the slot still active for a moment, and a
 *       database restart must not cost 10 s; both 500 ms / 1 s.
 * </ul>
 */
public final class DebeziumProperties {

  /** The relay's table of Kafka Connect offsets (created by the relay's migrations). */
  public static final String OFFSETS_TABLE = "relay_offsets";

  /** The table the heartbeat query inserts into; it is in the publication. */
  public static final String HEARTBEAT_TABLE = "relay_heartbeat";

  private static final String OUTBOX = "public.outbox_events";

  private DebeziumProperties() {}

  /** The engine properties for {@code config}, streaming from DATABASE_URL's first host. */
  public static Properties of(RelayConfig config) {
    return of(config, DatabaseAddress.of(config.database().url()));
  }

  /** The engine properties for {@code config}, streaming from {@code db} (the primary). */
  public static Properties of(RelayConfig config, DatabaseAddress db) {
    Properties p = new Properties();
    // The engine name and topic prefix are part of the stored offset key: both are the slot name,
    // so several relays (one per slot) can share the offsets table.
    p.setProperty("name", config.slotName());
    p.setProperty("topic.prefix", config.slotName());
    p.setProperty("database.hostname", db.host());
    p.setProperty("database.port", Integer.toString(db.port()));
    p.setProperty("database.dbname", db.database());
    p.setProperty("database.user", config.database().user());
    p.setProperty("database.password", config.database().password());
    // The stream verifies the server as the pools do: DATABASE_URL's TLS parameters, as
    // Debezium's database.ssl* keys (the URL itself never reaches Debezium).
    DatabaseTls.of(config.database().url()).debeziumProperties().forEach(p::setProperty);
    p.setProperty("plugin.name", "pgoutput");
    p.setProperty("slot.name", config.slotName());
    p.setProperty("slot.failover", Boolean.toString(config.slotFailover()));
    p.setProperty("publication.name", config.publication());
    p.setProperty("publication.autocreate.mode", "disabled");
    p.setProperty("table.include.list", OUTBOX + ",public." + HEARTBEAT_TABLE);
    // The relay's own bookkeeping columns are not part of the event (and pg_lsn has no converter).
    p.setProperty(
        "column.exclude.list",
        OUTBOX
            + ".published_at,"
            + OUTBOX
            + ".published_lsn,"
            + OUTBOX
            + ".retry_count,"
            + OUTBOX
            + ".last_error,"
            + OUTBOX
            + ".parked_at,"
            + OUTBOX
            + ".commit_seq");
    // created_at as epoch microseconds, not an ISO string the relay would parse back.
    p.setProperty("converters", "createdat");
    p.setProperty("createdat.type", EpochMicrosConverter.class.getName());
    p.setProperty("createdat." + EpochMicrosConverter.COLUMNS, OUTBOX + ".created_at");
    p.setProperty("skipped.operations", "u,d,t");
    p.setProperty("tombstones.on.delete", "false");
    snapshot(p);
    offsets(p, config);
    latency(p, config);
    resilience(p);
    heartbeat(p, config);
    replayWindow(p, config);
    return p;
  }

  // With no stored offset, rows committed before the slot existed and not yet published are read
  // once; published or parked rows are never re-sent by a normal start. They are read in
  // commit_seq order, which is commit order within an aggregate (core's V5 trigger numbers each row
  // under its aggregate's lock); rows from before that migration have none and come first, by
  // created_at. The snapshot is consistent with the slot only on a true first start: an unfinished
  // one is started over on a new slot (capture.FirstSnapshotRestart).
  private static void snapshot(Properties p) {
    p.setProperty("snapshot.mode", "initial");
    p.setProperty("snapshot.select.statement.overrides", OUTBOX + ",public." + HEARTBEAT_TABLE);
    p.setProperty(
        "snapshot.select.statement.overrides." + OUTBOX,
        "SELECT * FROM "
            + OUTBOX
            + " WHERE published_at IS NULL AND parked_at IS NULL"
            + " ORDER BY commit_seq NULLS FIRST, created_at, id");
    p.setProperty(
        "snapshot.select.statement.overrides.public." + HEARTBEAT_TABLE,
        "SELECT * FROM public." + HEARTBEAT_TABLE + " WHERE false");
  }

  private static void offsets(Properties p, RelayConfig config) {
    p.setProperty("offset.storage", "dev.outbox.relay.store.PostgresOffsetBackingStore");
    p.setProperty("offset.storage.postgres.url", config.database().url());
    p.setProperty("offset.storage.postgres.user", config.database().user());
    p.setProperty("offset.storage.postgres.password", config.database().password());
    p.setProperty("offset.storage.postgres.table", OFFSETS_TABLE);
    p.setProperty("offset.flush.timeout.ms", "10000");
  }

  private static void latency(Properties p, RelayConfig config) {
    p.setProperty("poll.interval.ms", Long.toString(config.pollInterval().toMillis()));
    // The task's poll takes one record per call from Debezium's queue (which then never waits)
    // and makes the batch itself, up to CDC_MAX_BATCH_SIZE (WindowedPostgresTask.doPoll).
    p.setProperty("max.batch.size", "1");
    p.setProperty(WindowedPostgresTask.BATCH_PROPERTY, Integer.toString(config.maxBatchSize()));
    p.setProperty("max.queue.size", Integer.toString(config.maxBatchSize() * 4));
    p.setProperty("status.update.interval.ms", "1000");
    // Per-event work nothing reads: the relay ignores record headers, and no one reads the
    // MilliSecondsBehindSource percentiles (their sketch is updated for every event).
    p.setProperty("extended.headers.enabled", "false");
    p.setProperty("statistics.metrics.enabled", "false");
    // A pool that keeps its one thread: by default the engine's record thread ends after 60 s
    // idle, and the first event after a quiet minute pays for starting a new one.
    p.setProperty("record.processing.threads", "1");
  }

  private static void resilience(Properties p) {
    p.setProperty("errors.max.retries", "-1");
    p.setProperty("errors.retry.delay.initial.ms", "300");
    p.setProperty("errors.retry.delay.max.ms", "5000");
    p.setProperty("retriable.restart.connector.wait.ms", "1000");
    p.setProperty("slot.max.retries", "40");
    p.setProperty("slot.retry.delay.ms", "500");
  }

  // Debezium's connector, with a task that confirms to the slot only positions stored at least
  // CDC_REPLAY_WINDOW ago: the slot keeps that WAL, so a replay can rewind the stored offset into
  // it.
  private static void replayWindow(Properties p, RelayConfig config) {
    p.setProperty("connector.class", WindowedPostgresConnector.class.getName());
    p.setProperty(
        WindowedPostgresTask.WINDOW_PROPERTY, Long.toString(config.replayWindow().toMillis()));
  }

  private static void heartbeat(Properties p, RelayConfig config) {
    p.setProperty("heartbeat.interval.ms", Long.toString(config.heartbeatInterval().toMillis()));
    // Debezium's documented remedy for a slot that an idle table pins while other tables fill the
    // WAL ("WAL disk space consumption", DBZ-892, debezium/debezium#1082). The heartbeat's own
    // change must reach the connector, so its table is in the publication (the workaround of
    // airbytehq/airbyte#47547), and the query is an INSERT because the publication is insert-only.
    // The offset then moves and the slot's confirmed_flush_lsn follows even when outbox_events is
    // idle. Old beats are deleted in the same statement (deletes are not published).
    p.setProperty(
        "heartbeat.action.query",
        "WITH old AS (DELETE FROM public."
            + HEARTBEAT_TABLE
            + " WHERE slot_name = '"
            + config.slotName()
            + "' AND beat_at < now() - interval '1 minute')"
            + " INSERT INTO public."
            + HEARTBEAT_TABLE
            + " (slot_name, beat_at) VALUES ('"
            + config.slotName()
            + "', now())");
  }
}
