package dev.outbox.relay.bench;

import dev.outbox.relay.Relay;
import dev.outbox.relay.support.ChildRelay;
import dev.outbox.relay.support.RelayEnvironment;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.composite.CompositeMeterRegistry;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.core.instrument.distribution.DistributionStatisticConfig;
import io.micrometer.core.instrument.distribution.ValueAtPercentile;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * Commit-to-confirm latency of the relay (PostgreSQL commit time in the WAL to RabbitMQ's publisher
 * confirm, from the relay's own histogram) at 100 and 1,000 events/s after a warm-up, the sustained
 * maximum (a WAL backlog drained by a freshly started relay), and the idle CPU of a relay process
 * per CDC_POLL_INTERVAL. Not a test: run with
 *
 * <pre>
 * ./mvnw -B -q -pl cdc-relay -am install -DskipTests
 * ./mvnw -B -q -pl cdc-relay exec:java -Dexec.classpathScope=test \
 *   -Dexec.mainClass=dev.outbox.relay.bench.RelayLatencyBenchmark -Dexec.args="20"
 * </pre>
 *
 * (arguments: seconds per phase, then optionally {@code latency} or {@code idle} to run only those
 * phases; {@code -Dpoll=2ms} sets CDC_POLL_INTERVAL of the latency phases, {@code -Dpolls=1ms,5ms}
 * the intervals of the idle CPU phase). Uses the local services like the integration tests do.
 */
public final class RelayLatencyBenchmark {

  private static final Duration WARM_UP = Duration.ofSeconds(3);

  private RelayLatencyBenchmark() {}

  public static void main(String[] args) throws Exception {
    Duration phase = Duration.ofSeconds(args.length > 0 ? Long.parseLong(args[0]) : 20);
    String only = args.length > 1 ? args[1] : "all";
    try (RelayEnvironment env = new RelayEnvironment("bench")) {
      env.queue("#");
      System.out.println("| load | events measured | p50 ms | p99 ms | max ms |");
      System.out.println("|---|---|---|---|---|");
      if (!only.equals("idle")) {
        latency(env, 100, phase);
        latency(env, 1000, phase);
      }
      if (only.equals("all")) {
        sustained(env, 50_000);
      }
      if (!only.equals("latency")) {
        for (String poll : System.getProperty("polls", "1ms,5ms,500ms").split(",")) {
          idleCpu(env, poll, phase);
        }
      }
    }
    System.exit(0);
  }

  private static void latency(RelayEnvironment env, int perSecond, Duration phase)
      throws Exception {
    CompositeMeterRegistry composite = new CompositeMeterRegistry();
    Map<String, String> vars = env.env();
    String poll = System.getProperty("poll");
    if (poll != null) {
      vars.put("CDC_POLL_INTERVAL", poll);
    }
    try (Relay relay = Relay.start(RelayEnvironment.config(vars), env.dataSource, composite)) {
      relay.awaitStreaming(Duration.ofSeconds(60));
      writePaced(env, perSecond, WARM_UP);
      // Only what happens from here on is measured: the start-up WAL search is not steady state.
      SimpleMeterRegistry measured = percentiles(new SimpleMeterRegistry());
      composite.add(measured);
      int events = writePaced(env, perSecond, phase);
      Timer timer = measured.get("relay.commit.to.confirm").timer();
      waitFor(() -> timer.count() >= events, Duration.ofSeconds(60));
      report(perSecond + "/s", timer);
    }
  }

  private static void sustained(RelayEnvironment env, int events) throws Exception {
    writeBacklog(env, events);
    SimpleMeterRegistry registry = new SimpleMeterRegistry();
    try (Relay relay = Relay.start(env.config(), env.dataSource, registry)) {
      relay.awaitStreaming(Duration.ofSeconds(60));
      Timer timer = registry.get("relay.commit.to.confirm").timer();
      waitFor(() -> timer.count() >= 1, Duration.ofMinutes(1));
      long start = System.nanoTime();
      waitFor(() -> timer.count() >= events, Duration.ofMinutes(5));
      double seconds = (System.nanoTime() - start) / 1e9;
      System.out.printf(
          "| sustained: WAL backlog of %d drained | %d | %.0f events/s | mean batch %.0f | |%n",
          events, events, events / seconds, registry.get("relay.batch.size").summary().mean());
    }
  }

  private static void idleCpu(RelayEnvironment env, String pollInterval, Duration phase)
      throws Exception {
    Map<String, String> vars = env.env();
    vars.put("CDC_POLL_INTERVAL", pollInterval);
    vars.put("CDC_HEARTBEAT_INTERVAL", "10s");
    try (ChildRelay child = ChildRelay.start("idle-" + pollInterval, vars)) {
      child.awaitStreaming(60);
      LockSupport.parkNanos(TimeUnit.SECONDS.toNanos(5));
      Duration before = child.cpu();
      LockSupport.parkNanos(phase.toNanos());
      Duration used = child.cpu().minus(before);
      System.out.printf(
          "idle relay process, CDC_POLL_INTERVAL=%s: %.1f%% of one core (%d ms CPU in %d s)%n",
          pollInterval,
          100.0 * used.toMillis() / phase.toMillis(),
          used.toMillis(),
          phase.toSeconds());
      child.terminate();
    }
  }

  // Writers on 4 connections, each paced to a quarter of the rate, one insert per transaction.
  private static int writePaced(RelayEnvironment env, int perSecond, Duration phase)
      throws Exception {
    int writers = perSecond >= 400 ? 4 : 1;
    ExecutorService pool = Executors.newFixedThreadPool(writers);
    List<Future<Integer>> counts = new ArrayList<>();
    long start = System.nanoTime();
    for (int w = 0; w < writers; w++) {
      counts.add(pool.submit(() -> writeAtRate(env, perSecond / writers, start, phase)));
    }
    int total = 0;
    for (Future<Integer> f : counts) {
      total += f.get();
    }
    pool.shutdown();
    return total;
  }

  private static int writeAtRate(RelayEnvironment env, int perSecond, long start, Duration phase)
      throws Exception {
    long interval = TimeUnit.SECONDS.toNanos(1) / perSecond;
    int n = 0;
    try (Connection c = env.dataSource.getConnection();
        PreparedStatement ps = insert(c)) {
      while (System.nanoTime() - start < phase.toNanos()) {
        bind(ps, n).executeUpdate();
        n++;
        long wait = start + n * interval - System.nanoTime();
        if (wait > 0) {
          LockSupport.parkNanos(wait);
        }
      }
    }
    return n;
  }

  private static void writeBacklog(RelayEnvironment env, int events) throws Exception {
    try (Connection c = env.dataSource.getConnection();
        PreparedStatement ps = insert(c)) {
      c.setAutoCommit(false);
      for (int i = 0; i < events; i++) {
        bind(ps, i).executeUpdate();
        if (i % 100 == 99) {
          c.commit();
        }
      }
      c.commit();
    }
  }

  private static PreparedStatement insert(Connection c) throws Exception {
    return c.prepareStatement(
        "INSERT INTO outbox_events (aggregate_type, aggregate_id, event_type, payload)"
            + " VALUES ('bench', ?, 'bench.happened', ?::jsonb)");
  }

  private static PreparedStatement bind(PreparedStatement ps, int n) throws Exception {
    ps.setObject(1, UUID.randomUUID());
    ps.setString(2, "{\"n\":" + n + ",\"email\":\"someone@example.com\"}");
    return ps;
  }

  private static void report(String load, Timer timer) {
    double p50 = 0;
    double p99 = 0;
    for (ValueAtPercentile v : timer.takeSnapshot().percentileValues()) {
      if (v.percentile() == 0.5) {
        p50 = v.value(TimeUnit.MILLISECONDS);
      } else if (v.percentile() == 0.99) {
        p99 = v.value(TimeUnit.MILLISECONDS);
      }
    }
    System.out.printf(
        "| %s | %d | %.1f | %.1f | %.1f |%n",
        load, timer.count(), p50, p99, timer.max(TimeUnit.MILLISECONDS));
  }

  private static SimpleMeterRegistry percentiles(SimpleMeterRegistry registry) {
    registry
        .config()
        .meterFilter(
            new MeterFilter() {
              @Override
              public DistributionStatisticConfig configure(
                  Meter.Id id, DistributionStatisticConfig config) {
                return DistributionStatisticConfig.builder()
                    .percentiles(0.5, 0.99)
                    .percentilePrecision(2)
                    .expiry(Duration.ofMinutes(10))
                    .bufferLength(1)
                    .build()
                    .merge(config);
              }
            });
    return registry;
  }

  private static void waitFor(java.util.function.BooleanSupplier done, Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (!done.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException("benchmark phase did not finish within " + timeout);
      }
      LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(20));
    }
  }
}
