package dev.outbox.bench.contestant;

import dev.outbox.bench.BenchConfig;
import dev.outbox.bench.BenchDatabase;
import dev.outbox.bench.load.OutboxLoad;
import dev.outbox.bench.measure.Deliveries;
import dev.outbox.bench.measure.ProcessProbe;
import dev.outbox.bench.measure.StepRecording;
import dev.outbox.bench.report.Results;
import java.io.IOException;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The volume steps of one contestant repetition: the burst while it runs, then the backlog
 * committed while it is stopped and drained after its restart.
 */
final class VolumeSteps {

  private static final Logger log = LoggerFactory.getLogger(VolumeSteps.class);

  private final BenchConfig config;
  private final BenchDatabase db;
  private final Deliveries deliveries;
  private final Results results;
  private final Contestant contestant;
  private final int rep;
  private final Steps steps;
  private int backlogStep;
  private long backlogEvents;
  private double backlogInsertRate;

  VolumeSteps(
      BenchConfig config,
      BenchDatabase db,
      Deliveries deliveries,
      Results results,
      Contestant contestant,
      int rep,
      Steps steps) {
    this.config = config;
    this.db = db;
    this.deliveries = deliveries;
    this.results = results;
    this.contestant = contestant;
    this.rep = rep;
    this.steps = steps;
  }

  /** 100,000 rows inserted by pgbench as fast as PostgreSQL commits, while the contestant runs. */
  void burst(ChildJvm jvm) throws Exception {
    int clients = config.workload().burstClients();
    long events = OutboxLoad.rowsFor(config.workload().burstEvents(), clients);
    StepRecording rec = deliveries.expect(ContestantRun.nextStep(), events);
    long cpu0 = ProcessProbe.cpuMicros(jvm.pid());
    OutboxLoad.Result load =
        OutboxLoad.run(config.workload().pgbench(), db, rec.step(), events, 0, clients);
    rec.awaitAllOrHopeless(config.workload().drainTimeoutSeconds(), 8);
    long cpu = ProcessProbe.cpuMicros(jvm.pid()) - cpu0;
    long rss = ProcessProbe.peakRssKb(jvm.pid());
    double seconds = (rec.lastReceiveUs() - load.startUs()) / 1e6;
    record(
        rec,
        "burst",
        events,
        load.ratePerSecond(),
        seconds,
        rec.distinct() / seconds,
        Double.NaN,
        cpu,
        rss);
    steps.skipLeftovers();
  }

  /** Commits the backlog while the contestant is stopped. */
  void commitBacklog() throws Exception {
    backlogStep = ContestantRun.nextStep();
    int clients = config.workload().burstClients();
    backlogEvents = OutboxLoad.rowsFor(config.workload().backlogEvents(), clients);
    OutboxLoad.Result load =
        OutboxLoad.run(config.workload().pgbench(), db, backlogStep, backlogEvents, 0, clients);
    backlogInsertRate = load.ratePerSecond();
  }

  /** Launch to first event and drain rate of the committed backlog. */
  void drainBacklog(ChildJvm jvm) throws Exception {
    StepRecording rec = deliveries.expect(backlogStep, backlogEvents);
    long first = rec.awaitFirst(120, TimeUnit.SECONDS);
    if (first < 0) {
      throw new IOException(contestant.name() + " drained nothing after restart, see " + jvm.log());
    }
    long cpu0 = ProcessProbe.cpuMicros(jvm.pid());
    rec.awaitAllOrHopeless(config.workload().drainTimeoutSeconds(), 8);
    long cpu = ProcessProbe.cpuMicros(jvm.pid()) - cpu0;
    long rss = ProcessProbe.peakRssKb(jvm.pid());
    double seconds = (rec.lastReceiveUs() - jvm.launchedUs()) / 1e6;
    double rate = rec.distinct() / Math.max(1e-6, (rec.lastReceiveUs() - first) / 1e6);
    double launchToFirst = (first - jvm.launchedUs()) / 1000.0;
    record(
        rec, "backlog", backlogEvents, backlogInsertRate, seconds, rate, launchToFirst, cpu, rss);
  }

  private void record(
      StepRecording rec,
      String kind,
      long events,
      double insertRate,
      double seconds,
      double rate,
      double launchToFirstMs,
      long cpuMicros,
      long rssKb) {
    results.volumes.add(
        new Results.VolumeRun(
            contestant.name(),
            kind,
            rep,
            events,
            insertRate,
            rec.distinct(),
            seconds,
            rate,
            launchToFirstMs,
            cpuMicros / (double) Math.max(1, rec.distinct()),
            rssKb,
            rec.latencyCopy()));
    log.info(
        "{} rep {} {}: {} delivered in {} s ({} msg/s), {} us CPU/event, peak RSS {} MiB",
        contestant.name(),
        rep,
        kind,
        rec.distinct(),
        String.format("%.1f", seconds),
        Math.round(rate),
        String.format("%.1f", cpuMicros / (double) Math.max(1, rec.distinct())),
        rssKb / 1024);
  }
}
