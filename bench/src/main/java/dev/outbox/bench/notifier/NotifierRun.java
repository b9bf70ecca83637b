package dev.outbox.bench.notifier;

import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import dev.outbox.bench.BenchConfig;
import dev.outbox.bench.BenchDatabase;
import dev.outbox.bench.contestant.ChildJvm;
import dev.outbox.bench.load.Clocks;
import dev.outbox.bench.measure.ProcessProbe;
import dev.outbox.notifier.NotifierMigrations;
import dev.outbox.notifier.config.ConsumerSettings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.postgresql.ds.PGSimpleDataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One repetition of the notifier measure on a fresh database, exchange and queues. Backlog: the
 * events (and their copies) are published and confirmed, then the notifier is launched and timed
 * until, for each of its two consumers, no message waits and every distinct event is recorded in
 * its table. Steady: with the notifier still running, as many fresh events again are published as
 * fast as the broker confirms, timed from the first publish to the same condition. Then the
 * notifier is stopped and its delivery log and message log are audited. Every wait is bounded by
 * BENCH_NOTIFIER_TIMEOUT_SECONDS; the process, database, queues and exchanges are always removed,
 * and so is the message log (tens of MB).
 */
final class NotifierRun {

  private static final Logger log = LoggerFactory.getLogger(NotifierRun.class);
  private static final long POLL_NANOS = TimeUnit.MILLISECONDS.toNanos(20);

  /**
   * One timed phase. Its span starts at the first event processed (backlog; the launch comes before
   * it) or at the first publish (steady); the rates are distinct events over the span up to the
   * consumer's drain, or up to the deadline for a phase cut short.
   *
   * @param notified events whose welcome email and SMS were sent by the end of the phase
   * @param counted events the analytics counted by then
   * @param launchToFirstMs launch → first event processed by both consumers (backlog only, else
   *     NaN)
   * @param toDrainedS launch (backlog) or first publish (steady) → both consumers drained; NaN when
   *     cut short
   */
  record Phase(
      int distinct,
      int copies,
      long notified,
      long counted,
      double publishRate,
      double launchToFirstMs,
      double toDrainedS,
      double eventsPerSecond,
      double notificationsPerSecond,
      double analyticsPerSecond,
      double cpuMicrosPerEvent,
      double peakRssMib) {

    long processed() {
      return Math.min(notified, counted);
    }

    boolean complete() {
      return processed() == distinct;
    }
  }

  /** What one repetition measured; {@code steady} is null when the backlog did not drain. */
  record Result(
      int rep,
      ConsumerSettings settings,
      Phase backlog,
      Phase steady,
      NotifierTables.Audit audit,
      MessagesLog.Counts messages,
      long deadLettered) {

    /** Distinct events published over both phases. */
    int distinct() {
      return backlog.distinct() + (steady == null ? 0 : steady.distinct());
    }

    int copies() {
      return backlog.copies() + (steady == null ? 0 : steady.copies());
    }
  }

  private final BenchConfig config;
  private final Connection amqp;
  private final int rep;
  private final String database;
  private final String exchange;
  private final Path runDir;

  NotifierRun(BenchConfig config, Connection amqp, String runTag, int rep) {
    this.config = config;
    this.amqp = amqp;
    this.rep = rep;
    this.database = "bench_notifier_" + rep;
    this.exchange = "bench." + runTag + ".notifier." + rep;
    this.runDir = config.outDir().resolve("runs").resolve("notifier-" + rep);
  }

  Result run() throws Exception {
    try (BenchDatabase db = BenchDatabase.create(config, database)) {
      NotifierMigrations.migrate(dataSource(db));
      var process = new NotifierProcess(config, db, exchange, runDir);
      ConsumerSettings settings = process.notifierConfig().consumer();
      var queues = new NotifierQueues(exchange, settings);
      try (NotifierTables tables = new NotifierTables(db.connect());
          Channel channel = amqp.createChannel()) {
        queues.declare(channel);
        return measure(process, settings, queues, tables, channel);
      } finally {
        try (Channel cleanup = amqp.createChannel()) {
          queues.delete(cleanup);
        }
        Files.deleteIfExists(process.messagesLog());
      }
    }
  }

  private Result measure(
      NotifierProcess process,
      ConsumerSettings settings,
      NotifierQueues queues,
      NotifierTables tables,
      Channel channel)
      throws Exception {
    int distinct = config.notifierEvents();
    int[] order = PublishOrder.of(distinct, config.notifierDuplicatePercent());
    var published = ConfirmedPublishing.publish(amqp, exchange, messages(0, distinct), order);
    log.info(
        "notifier rep {}: {} events + {} copies published at {} msg/s; launching the notifier",
        rep,
        distinct,
        order.length - distinct,
        Math.round(published.ratePerSecond()));
    Phase backlog;
    Phase steady = null;
    try (ChildJvm jvm = process.launch()) {
      var progress = new Progress(jvm, queues, tables, channel);
      backlog = backlog(jvm, progress, order, published.ratePerSecond());
      if (backlog.complete()) {
        steady = steady(jvm, progress, order);
      }
    }
    // the notifier is stopped: whatever it sent is in its delivery log and message log now
    var result =
        new Result(
            rep,
            settings,
            backlog,
            steady,
            tables.audit(),
            MessagesLog.count(process.messagesLog()),
            queues.deadLettered(channel));
    log.info("notifier rep {}: {}", rep, result);
    return result;
  }

  private Phase backlog(ChildJvm jvm, Progress progress, int[] order, double publishRate)
      throws Exception {
    long deadline = deadline();
    long firstUs = progress.awaitFirstProcessed(deadline);
    long cpu0 = ProcessProbe.cpuMicros(jvm.pid());
    Drained drained = progress.awaitDrained(config.notifierEvents(), deadline);
    long cpu = ProcessProbe.cpuMicros(jvm.pid()) - cpu0;
    var phase =
        phase(jvm, order, 0, publishRate, jvm.launchedUs(), firstUs, drained, cpu, progress);
    log.info("notifier rep {} backlog: {}", rep, phase);
    return phase;
  }

  private Phase steady(ChildJvm jvm, Progress progress, int[] order) throws Exception {
    int before = config.notifierEvents();
    List<UserCreatedMessage> messages = messages(before, config.notifierEvents());
    long deadline = deadline();
    long cpu0 = ProcessProbe.cpuMicros(jvm.pid());
    var published = ConfirmedPublishing.publish(amqp, exchange, messages, order);
    Drained drained = progress.awaitDrained(before + config.notifierEvents(), deadline);
    long cpu = ProcessProbe.cpuMicros(jvm.pid()) - cpu0;
    var phase =
        phase(
            jvm,
            order,
            before,
            published.ratePerSecond(),
            published.firstUs(),
            published.firstUs(),
            drained,
            cpu,
            progress);
    log.info("notifier rep {} steady: {}", rep, phase);
    return phase;
  }

  /**
   * @param before events processed in earlier phases
   * @param originUs launch or first publish
   * @param firstUs where the rates' span starts
   */
  private Phase phase(
      ChildJvm jvm,
      int[] order,
      int before,
      double publishRate,
      long originUs,
      long firstUs,
      Drained drained,
      long cpuMicros,
      Progress progress)
      throws Exception {
    int distinct = config.notifierEvents();
    long nowUs = Clocks.nowMicros();
    long notified = progress.tables().notified() - before;
    long counted = progress.tables().counted() - before;
    long notifiedUs = drained.notifiedUs() > 0 ? drained.notifiedUs() : nowUs;
    long countedUs = drained.countedUs() > 0 ? drained.countedUs() : nowUs;
    long bothUs = Math.max(notifiedUs, countedUs);
    boolean done = drained.notifiedUs() > 0 && drained.countedUs() > 0;
    return new Phase(
        distinct,
        order.length - distinct,
        notified,
        counted,
        publishRate,
        originUs == firstUs ? Double.NaN : (firstUs - originUs) / 1e3,
        done ? (bothUs - originUs) / 1e6 : Double.NaN,
        Math.min(notified, counted) / seconds(firstUs, bothUs),
        notified / seconds(firstUs, notifiedUs),
        counted / seconds(firstUs, countedUs),
        cpuMicros / (double) Math.max(1, Math.min(notified, counted)),
        ProcessProbe.peakRssKb(jvm.pid()) / 1024.0);
  }

  private static double seconds(long fromUs, long toUs) {
    return Math.max(1e-6, (toUs - fromUs) / 1e6);
  }

  /** The end of a phase that starts now, in {@link System#nanoTime()}. */
  private long deadline() {
    return System.nanoTime() + TimeUnit.SECONDS.toNanos(config.notifierTimeoutSeconds());
  }

  /** Fresh events of bench users {@code first .. first + count - 1}. */
  private static List<UserCreatedMessage> messages(int first, int count) {
    List<UserCreatedMessage> messages = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      messages.add(UserCreatedMessage.fresh(first + i));
    }
    return messages;
  }

  private PGSimpleDataSource dataSource(BenchDatabase db) {
    var dataSource = new PGSimpleDataSource();
    dataSource.setURL(db.jdbcUrl());
    dataSource.setUser(config.dbUser());
    dataSource.setPassword(config.dbPassword());
    return dataSource;
  }

  /** When each consumer was first seen drained, in {@link Clocks} microseconds; -1 if never. */
  record Drained(long notifiedUs, long countedUs) {}

  /** Polls the notifier's tables and queues every 20 ms, until a deadline. */
  private record Progress(
      ChildJvm jvm, NotifierQueues queues, NotifierTables tables, Channel channel) {

    /**
     * The first poll that saw both consumers at work (a delivery claimed, an event counted), in
     * {@link Clocks} microseconds.
     */
    long awaitFirstProcessed(long deadline) throws Exception {
      while (!tables.bothConsuming()) {
        if (!pause(deadline)) {
          throw new IOException(
              "the notifier processed nothing within BENCH_NOTIFIER_TIMEOUT_SECONDS; see "
                  + jvm.log());
        }
      }
      return Clocks.nowMicros();
    }

    /**
     * Per consumer, the first poll that saw nothing waiting in its queues and {@code expected}
     * distinct events in its table (the notifications' sent emails and SMS, the analytics' counted
     * events), or -1 if the deadline came first.
     */
    Drained awaitDrained(long expected, long deadline) throws Exception {
      long notifiedUs = -1;
      long countedUs = -1;
      do {
        // cheapest first: the queue depths; the tables are counted only once nothing waits
        if (notifiedUs < 0
            && queues.waiting(channel, queues.notifications()) == 0
            && tables.notified() >= expected) {
          notifiedUs = Clocks.nowMicros();
        }
        if (countedUs < 0
            && queues.waiting(channel, queues.analytics()) == 0
            && tables.counted() >= expected) {
          countedUs = Clocks.nowMicros();
        }
      } while ((notifiedUs < 0 || countedUs < 0) && pause(deadline));
      return new Drained(notifiedUs, countedUs);
    }

    /** Waits one poll interval; false when the deadline has passed. */
    private boolean pause(long deadline) throws IOException {
      if (!jvm.isAlive()) {
        throw new IOException("the notifier exited; see " + jvm.log());
      }
      if (System.nanoTime() > deadline) {
        return false;
      }
      LockSupport.parkNanos(POLL_NANOS);
      return true;
    }
  }
}
