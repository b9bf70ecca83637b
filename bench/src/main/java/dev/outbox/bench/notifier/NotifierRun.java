package dev.outbox.bench.notifier;

import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import dev.outbox.bench.BenchConfig;
import dev.outbox.bench.BenchDatabase;
import dev.outbox.bench.contestant.ChildJvm;
import dev.outbox.bench.load.Clocks;
import dev.outbox.bench.measure.ProcessProbe;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
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

  private final BenchConfig config;
  private final NotifierMeasure measure;
  private final Connection amqp;
  private final int rep;
  private final String database;
  private final String exchange;
  private final Path runDir;

  NotifierRun(BenchConfig config, Connection amqp, String runTag, int rep) {
    this.config = config;
    this.measure = config.notifier();
    this.amqp = amqp;
    this.rep = rep;
    this.database = "bench_notifier_" + rep;
    this.exchange = "bench." + runTag + ".notifier." + rep;
    this.runDir = config.outDir().resolve("runs").resolve("notifier-" + rep);
  }

  NotifierResult run() throws Exception {
    try (BenchDatabase db = BenchDatabase.create(config, database)) {
      var queues = new NotifierQueues(exchange, measure.consumer());
      var process = new NotifierProcess(config, db, queues, runDir);
      process.migrate();
      try (NotifierTables tables = new NotifierTables(db.connect());
          Channel channel = amqp.createChannel()) {
        queues.declare(channel);
        return measure(process, queues, tables, channel);
      } finally {
        try (Channel cleanup = amqp.createChannel()) {
          queues.delete(cleanup);
        }
        Files.deleteIfExists(process.messagesLog());
      }
    }
  }

  private NotifierResult measure(
      NotifierProcess process, NotifierQueues queues, NotifierTables tables, Channel channel)
      throws Exception {
    int distinct = measure.events();
    int[] order = PublishOrder.of(distinct, measure.duplicatePercent());
    var published = ConfirmedPublishing.publish(amqp, exchange, messages(0, distinct), order);
    log.info(
        "notifier rep {}: {} events + {} copies published at {} msg/s; launching the notifier",
        rep,
        distinct,
        order.length - distinct,
        Math.round(published.ratePerSecond()));
    NotifierPhase backlog;
    NotifierPhase steady = null;
    try (ChildJvm jvm = process.launch()) {
      var progress = new NotifierProgress(jvm, queues, tables, channel);
      backlog = backlog(progress, order, published.ratePerSecond());
      if (backlog.complete()) {
        steady = steady(progress, order);
      }
    }
    // the notifier is stopped: whatever it sent is in its delivery log and message log now
    var result =
        new NotifierResult(
            rep,
            measure.consumer(),
            backlog,
            steady,
            tables.audit(),
            MessagesLog.count(process.messagesLog()),
            queues.deadLettered(channel));
    log.info("notifier rep {}: {}", rep, result);
    return result;
  }

  private NotifierPhase backlog(NotifierProgress progress, int[] order, double publishRate)
      throws Exception {
    ChildJvm jvm = progress.jvm();
    long deadline = deadline();
    long firstUs = progress.awaitFirstProcessed(deadline);
    long cpu0 = ProcessProbe.cpuMicros(jvm.pid());
    var drained = progress.awaitDrained(measure.events(), deadline);
    long cpu = ProcessProbe.cpuMicros(jvm.pid()) - cpu0;
    var span = span(order, publishRate, jvm.launchedUs(), firstUs, cpu);
    var phase = phase(progress, span, drained, 0);
    log.info("notifier rep {} backlog: {}", rep, phase);
    return phase;
  }

  private NotifierPhase steady(NotifierProgress progress, int[] order) throws Exception {
    ChildJvm jvm = progress.jvm();
    int before = measure.events();
    List<UserCreatedMessage> messages = messages(before, measure.events());
    long deadline = deadline();
    long cpu0 = ProcessProbe.cpuMicros(jvm.pid());
    var published = ConfirmedPublishing.publish(amqp, exchange, messages, order);
    var drained = progress.awaitDrained(before + measure.events(), deadline);
    long cpu = ProcessProbe.cpuMicros(jvm.pid()) - cpu0;
    var span =
        span(order, published.ratePerSecond(), published.firstUs(), published.firstUs(), cpu);
    var phase = phase(progress, span, drained, before);
    log.info("notifier rep {} steady: {}", rep, phase);
    return phase;
  }

  private NotifierPhase.Span span(
      int[] order, double publishRate, long originUs, long firstUs, long cpuMicros) {
    int distinct = measure.events();
    return new NotifierPhase.Span(
        distinct, order.length - distinct, publishRate, originUs, firstUs, cpuMicros);
  }

  /** The phase as the tables show it now, {@code before} events of earlier phases taken off. */
  private static NotifierPhase phase(
      NotifierProgress progress,
      NotifierPhase.Span span,
      NotifierProgress.Drained drained,
      int before)
      throws Exception {
    long nowUs = Clocks.nowMicros();
    long notified = progress.tables().notified() - before;
    long counted = progress.tables().counted() - before;
    double rssMib = ProcessProbe.peakRssKb(progress.jvm().pid()) / 1024.0;
    return NotifierPhase.of(span, drained, notified, counted, nowUs, rssMib);
  }

  /** The end of a phase that starts now, in {@link System#nanoTime()}. */
  private long deadline() {
    return System.nanoTime() + TimeUnit.SECONDS.toNanos(measure.timeoutSeconds());
  }

  /** Fresh events of bench users {@code first .. first + count - 1}. */
  private static List<UserCreatedMessage> messages(int first, int count) {
    List<UserCreatedMessage> messages = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      messages.add(UserCreatedMessage.fresh(first + i));
    }
    return messages;
  }
}
