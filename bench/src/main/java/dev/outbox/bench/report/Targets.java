package dev.outbox.bench.report;

import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;
import java.util.function.ToDoubleFunction;

/**
 * Issue 17's targets for the relay, checked against the medians of this run, with tuned Debezium
 * Server as the peer and the bare decoding client's p99 next to each rate's. A target whose figures
 * are missing (contestant or rate not run) reads "not measured", never "met".
 */
public final class Targets {

  private static final String RELAY = "relay";
  private static final String PEER = "debezium-tuned";
  private static final List<Integer> TARGET_RATES = List.of(10, 100, 500, 1000);
  private final Results results;
  private final Table table = new Table("target", "this run (median of repetitions)", "verdict");

  public Targets(Results results) {
    this.results = results;
  }

  public String render() {
    double idle =
        median(results.idles, i -> i.contestant().equals(RELAY), Results.IdleRun::cpuPercentOfCore);
    check("idle CPU ≤ 5 % of a core", fmt("%.2f %%", idle), idle <= 5, idle);
    for (int rate : rates()) {
      double p50 = latency(RELAY, rate, 50);
      double p99 = latency(RELAY, rate, 99);
      double floor99 = decodingFloor(rate, 99);
      check(
          "commit → consumer at " + rate + "/s: p50 ≤ 2.5 ms, p99 ≤ 10 ms",
          fmt("p50 %.2f ms, p99 %.2f ms (decoding client's p99 %.2f ms)", p50, p99, floor99),
          p50 <= 2.5 && p99 <= 10,
          p50);
      double peer50 = latency(PEER, rate, 50);
      double peer99 = latency(PEER, rate, 99);
      check(
          "at " + rate + "/s ≥ 4× better than tuned Debezium Server at p50, ≥ 2× at p99",
          fmt("%.1f× / %.1f×", peer50 / p50, peer99 / p99),
          peer50 / p50 >= 4 && peer99 / p99 >= 2,
          peer50 / p50);
    }
    for (String kind : List.of("burst", "backlog")) {
      double cpu = volume(RELAY, kind, Results.VolumeRun::cpuUsPerEvent);
      check("relay CPU ≤ 80 µs per event (" + kind + ")", fmt("%.1f µs", cpu), cpu <= 80, cpu);
      double rate = volume(RELAY, kind, Results.VolumeRun::deliveredPerSecond);
      double peer = volume(PEER, kind, Results.VolumeRun::deliveredPerSecond);
      check(
          kind + " throughput ≥ 1.5× tuned Debezium Server",
          fmt("%.0f / %.0f msg/s = %.2f×", rate, peer, rate / peer),
          rate / peer >= 1.5,
          rate / peer);
    }
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

  // The rates issue 17 sets targets for; others (5,000/s) are in the tables only.
  private List<Integer> rates() {
    synchronized (results.rates) {
      return results.rates.stream()
          .map(Results.RateRun::rate)
          .filter(TARGET_RATES::contains)
          .distinct()
          .sorted()
          .toList();
    }
  }

  private double decodingFloor(int rate, double percentile) {
    String variant = "commit → client at " + rate + "/s";
    return median(
        results.floors,
        f -> f.variant().equals(variant) && f.latency() != null,
        f -> Percentiles.ms(f.latency(), percentile));
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
