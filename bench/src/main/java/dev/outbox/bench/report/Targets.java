package dev.outbox.bench.report;

import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;
import java.util.function.ToDoubleFunction;

/**
 * Issue 8's targets for the relay, checked against the medians of this run. A target whose figures
 * are missing (contestant or rate not run) reads "not measured", never "met".
 */
public final class Targets {

  private static final String RELAY = "relay";
  private final Results results;
  private final Table table = new Table("target", "this run (median of repetitions)", "verdict");

  public Targets(Results results) {
    this.results = results;
  }

  public String render() {
    for (int rate : List.of(500, 1000)) {
      double p50 = latency(RELAY, rate, 50);
      double p99 = latency(RELAY, rate, 99);
      check(
          "commit → consumer at " + rate + "/s: p50 ≤ 3 ms, p99 ≤ 10 ms",
          fmt("p50 %.2f ms, p99 %.2f ms", p50, p99),
          p50 <= 3 && p99 <= 10,
          p50);
      double dbz50 = latency("debezium-tuned", rate, 50);
      double dbz99 = latency("debezium-tuned", rate, 99);
      check(
          "at " + rate + "/s ≥ 3× better than tuned Debezium Server (p50 and p99)",
          fmt("%.1f× / %.1f×", dbz50 / p50, dbz99 / p99),
          dbz50 / p50 >= 3 && dbz99 / p99 >= 3,
          dbz50 / p50);
      double seed50 = latency("poller-seed", rate, 50);
      check(
          "at " + rate + "/s ≥ 100× better than the seed's poller (p50)",
          fmt("%.0f×", seed50 / p50),
          seed50 / p50 >= 100,
          seed50 / p50);
    }
    double burst = volume(RELAY, "burst", Results.VolumeRun::deliveredPerSecond);
    double dbzBurst = volume("debezium-tuned", "burst", Results.VolumeRun::deliveredPerSecond);
    check("100k burst end to end ≥ 10,000 msg/s", fmt("%.0f msg/s", burst), burst >= 10_000, burst);
    check(
        "burst ≥ 1.8× tuned Debezium Server",
        fmt("%.2f×", burst / dbzBurst),
        burst / dbzBurst >= 1.8,
        burst / dbzBurst);
    double cpu = volume(RELAY, "burst", Results.VolumeRun::cpuUsPerEvent);
    check("relay CPU ≤ 40 µs per event (burst)", fmt("%.1f µs", cpu), cpu <= 40, cpu);
    double drain = volume(RELAY, "backlog", Results.VolumeRun::deliveredPerSecond);
    double floor =
        median(results.floors, f -> f.variant().equals("window 100"), Results.FloorRun::rate);
    check(
        "backlog drain ≥ 70 % of RabbitMQ's confirmed-publish rate",
        fmt("%.0f msg/s = %.0f %% of %.0f", drain, 100 * drain / floor, floor),
        drain >= 0.7 * floor,
        drain / floor);
    double rss = volume(RELAY, "burst", v -> v.peakRssKb() / 1024.0);
    check(
        "relay resident memory ≤ 300 MB under the burst",
        fmt("%.0f MiB", rss),
        rss * 1.048576 <= 300,
        rss);
    double start =
        median(
            results.starts, s -> s.contestant().equals(RELAY), Results.StartRun::launchToFirstMs);
    check("launch to first event ≤ 2 s", fmt("%.0f ms", start), start <= 2000, start);
    return table.render();
  }

  private void check(String target, String figure, boolean met, double witness) {
    table.row(
        target,
        Double.isNaN(witness) || Double.isInfinite(witness) ? "n/a" : figure,
        Double.isNaN(witness) || Double.isInfinite(witness)
            ? "not measured"
            : met ? "met" : "**missed**");
  }

  private double latency(String contestant, int rate, double percentile) {
    return median(
        results.rates,
        r -> r.contestant().equals(contestant) && r.rate() == rate,
        r -> Percentiles.ms(r.receive(), percentile));
  }

  private double volume(String contestant, String kind, ToDoubleFunction<Results.VolumeRun> value) {
    return median(
        results.volumes, v -> v.contestant().equals(contestant) && v.kind().equals(kind), value);
  }

  private static <T> double median(List<T> all, Predicate<T> which, ToDoubleFunction<T> value) {
    List<Double> values;
    synchronized (all) {
      values = all.stream().filter(which).map(v -> value.applyAsDouble(v)).toList();
    }
    return Spread.of(values).median();
  }

  private static String fmt(String format, Object... args) {
    return String.format(Locale.ROOT, format, args);
  }
}
