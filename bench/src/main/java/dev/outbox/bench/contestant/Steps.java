package dev.outbox.bench.contestant;

import dev.outbox.bench.BenchConfig;
import dev.outbox.bench.BenchDatabase;
import dev.outbox.bench.load.OutboxLoad;
import dev.outbox.bench.measure.Deliveries;
import dev.outbox.bench.measure.Histograms;
import dev.outbox.bench.measure.ProcessProbe;
import dev.outbox.bench.measure.StepRecording;
import dev.outbox.bench.report.Results;
import java.io.IOException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.TimeUnit;
import org.HdrHistogram.Histogram;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The latency steps of one contestant repetition (cold start, warm-up, fixed rates); each records
 * into {@link Results}.
 */
final class Steps {

  private static final Logger log = LoggerFactory.getLogger(Steps.class);

  private final BenchConfig config;
  private final BenchDatabase db;
  private final Deliveries deliveries;
  private final Results results;
  private final Contestant contestant;
  private final int rep;

  Steps(
      BenchConfig config,
      BenchDatabase db,
      Deliveries deliveries,
      Results results,
      Contestant contestant,
      int rep) {
    this.config = config;
    this.db = db;
    this.deliveries = deliveries;
    this.results = results;
    this.contestant = contestant;
    this.rep = rep;
  }

  /** Inserts a probe row every 20 ms until one arrives: launch to first event on a fresh outbox. */
  void coldStart(ChildJvm jvm) throws Exception {
    StepRecording probe = deliveries.expect(ContestantRun.nextStep(), 1);
    long first = -1;
    try (Connection c = db.connect()) {
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
      for (int seq = 0; first < 0 && System.nanoTime() < deadline && jvm.isAlive(); seq++) {
        OutboxLoad.insertOne(c, probe.step(), seq);
        first = probe.awaitFirst(20, TimeUnit.MILLISECONDS);
      }
    }
    if (first < 0) {
      throw new IOException(
          contestant.name() + " delivered no event after launch, see " + jvm.log());
    }
    double ms = (first - jvm.launchedUs()) / 1000.0;
    results.starts.add(new Results.StartRun(contestant.name(), rep, ms));
    log.info("{} rep {}: launch to first event {} ms", contestant.name(), rep, Math.round(ms));
  }

  /** Runs unrecorded load so JIT compilation and connection pools settle before measuring. */
  void warmUp() throws Exception {
    int rate = 500;
    int clients = config.workload().pacedClients();
    long events = OutboxLoad.rowsFor((long) rate * config.workload().warmupSeconds(), clients);
    StepRecording warm = deliveries.expect(ContestantRun.nextStep(), events);
    OutboxLoad.run(config.workload().pgbench(), db, warm.step(), events, rate, clients);
    warm.awaitAll(config.workload().graceSeconds(), TimeUnit.SECONDS);
    skipLeftovers();
  }

  /**
   * Measures the CPU the contestant burns with nothing to deliver: one step's length without
   * inserts (its own heartbeats, if any, included). The wait is the measuring window itself.
   */
  void idle(ChildJvm jvm) throws Exception {
    long cpu0 = ProcessProbe.cpuMicros(jvm.pid());
    long t0 = System.nanoTime();
    TimeUnit.SECONDS.sleep(config.workload().stepSeconds());
    long cpu = ProcessProbe.cpuMicros(jvm.pid()) - cpu0;
    double percent = 100.0 * cpu * 1_000 / (System.nanoTime() - t0);
    results.idles.add(new Results.IdleRun(contestant.name(), rep, percent));
    log.info("{} rep {}: idle CPU {}% of a core", contestant.name(), rep, Math.round(percent));
  }

  void fixedRate(ChildJvm jvm, int rate) throws Exception {
    int clients = config.workload().pacedClientsAt(rate);
    long events = OutboxLoad.rowsFor((long) rate * config.workload().stepSeconds(), clients);
    StepRecording rec = deliveries.expect(ContestantRun.nextStep(), events);
    long cpu0 = ProcessProbe.cpuMicros(jvm.pid());
    OutboxLoad.Result load =
        OutboxLoad.run(config.workload().pgbench(), db, rec.step(), events, rate, clients);
    rec.awaitAll(config.workload().graceSeconds(), TimeUnit.SECONDS);
    long cpu = ProcessProbe.cpuMicros(jvm.pid()) - cpu0;
    Histogram confirm = contestant.marksPublished() ? publishedLatency(rec.step()) : null;
    skipLeftovers();
    var run =
        new Results.RateRun(
            contestant.name(),
            rate,
            rep,
            load.committed(),
            load.ratePerSecond(),
            rec.distinct(),
            rec.duplicates(),
            rec.latencyCopy(),
            confirm,
            cpu / (double) Math.max(1, rec.distinct()));
    results.rates.add(run);
    log.info(
        "{} rep {} at {}/s: {}/{} delivered, p50 {} ms, p99 {} ms",
        contestant.name(),
        rep,
        rate,
        rec.distinct(),
        events,
        run.receive().getValueAtPercentile(50) / 1000.0,
        run.receive().getValueAtPercentile(99) / 1000.0);
  }

  /** Commit to published_at (set after the broker's confirm) of the step's rows. */
  private Histogram publishedLatency(int step) throws SQLException {
    Histogram h = Histograms.create();
    try (Connection c = db.connect();
        Statement s = c.createStatement();
        ResultSet rows =
            s.executeQuery(
                "select (extract(epoch from published_at) * 1000000)::bigint"
                    + " - (payload->>'bench_commit_us')::bigint from outbox_events"
                    + " where published_at is not null and last_error is null"
                    + " and (payload->>'bench_step')::int = "
                    + step)) {
      while (rows.next()) {
        h.recordValue(Histograms.clamp(rows.getLong(1)));
      }
    }
    return h;
  }

  /** A row poller's unpublished leftovers would delay the next step: mark them skipped. */
  void skipLeftovers() throws SQLException {
    if (contestant.readsRows()) {
      db.execute(
          "update outbox_events set published_at = clock_timestamp(),"
              + " last_error = 'skipped by the benchmark' where published_at is null");
    }
  }
}
