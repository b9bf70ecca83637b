package dev.outbox.bench.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;
import java.util.stream.Collectors;

/**
 * Turns {@link Results} into the BENCHMARKS.md-ready tables: every cell is the median of the
 * repetitions with their range in brackets.
 */
public final class MarkdownReport {

  private final Results results;
  private final List<String> contestants;

  public MarkdownReport(Results results, List<String> contestants) {
    this.results = results;
    this.contestants = contestants;
  }

  public String latencyTable(boolean confirm) {
    List<String> header =
        new ArrayList<>(List.of("contestant", "offered/s", "achieved/s", "delivered"));
    header.addAll(List.of(Percentiles.NAMES));
    var table = new Table(header.toArray(String[]::new));
    Map<Integer, List<Results.RateRun>> byRate =
        results.rates.stream()
            .filter(r -> !confirm || r.confirm() != null)
            .collect(
                Collectors.groupingBy(
                    Results.RateRun::rate, java.util.TreeMap::new, Collectors.toList()));
    byRate.forEach(
        (rate, runs) -> {
          for (String c : contestants) {
            List<Results.RateRun> reps =
                runs.stream().filter(r -> r.contestant().equals(c)).toList();
            if (reps.isEmpty()) {
              continue;
            }
            List<Object> row = new ArrayList<>();
            row.add(c);
            row.add(String.format("%,d", rate));
            row.add(spread(reps, Results.RateRun::achievedRate));
            row.add(delivered(reps));
            row.addAll(
                Percentiles.cells(
                    reps, confirm ? Results.RateRun::confirm : Results.RateRun::receive));
            table.row(row.toArray());
          }
        });
    return table.render();
  }

  public String volumeTable(String kind) {
    var table =
        kind.equals("burst")
            ? new Table(
                "contestant",
                "inserted/s",
                "delivered",
                "first commit → last receive (s)",
                "msg/s",
                "lag p50 (ms)",
                "lag p99 (ms)",
                "sustained max (msg/s)",
                "CPU µs/event",
                "peak RSS (MiB)")
            : new Table(
                "contestant",
                "delivered",
                "launch → first event (ms)",
                "launch → last event (s)",
                "drain msg/s",
                "CPU µs/event",
                "peak RSS (MiB)");
    for (String c : contestants) {
      List<Results.VolumeRun> reps =
          results.volumes.stream()
              .filter(v -> v.kind().equals(kind) && v.contestant().equals(c))
              .toList();
      if (reps.isEmpty()) {
        continue;
      }
      String delivered = delivered(reps);
      String rss = spread(reps, v -> v.peakRssKb() / 1024.0);
      String cpu = spread(reps, Results.VolumeRun::cpuUsPerEvent);
      if (kind.equals("burst")) {
        table.row(
            c,
            spread(reps, Results.VolumeRun::insertRate),
            delivered,
            spread(reps, Results.VolumeRun::seconds),
            spread(reps, Results.VolumeRun::deliveredPerSecond),
            spread(reps, v -> Percentiles.ms(v.receive(), 50)),
            spread(reps, v -> Percentiles.ms(v.receive(), 99)),
            sustained(reps),
            cpu,
            rss);
      } else {
        table.row(
            c,
            delivered,
            spread(reps, Results.VolumeRun::launchToFirstMs),
            spread(reps, Results.VolumeRun::seconds),
            spread(reps, Results.VolumeRun::deliveredPerSecond),
            cpu,
            rss);
      }
    }
    return table.render();
  }

  public String startTable() {
    var table =
        new Table(
            "contestant",
            "launch → first event, fresh outbox (ms)",
            "idle CPU, no events (% of one core)");
    for (String c : contestants) {
      List<Results.StartRun> reps =
          results.starts.stream().filter(s -> s.contestant().equals(c)).toList();
      List<Results.IdleRun> idles =
          results.idles.stream().filter(s -> s.contestant().equals(c)).toList();
      if (!reps.isEmpty()) {
        table.row(
            c,
            spread(reps, Results.StartRun::launchToFirstMs),
            idles.isEmpty() ? "n/a" : spread(idles, Results.IdleRun::cpuPercentOfCore));
      }
    }
    return table.render();
  }

  public String floorTable() {
    var table = new Table("floor", "variant", "rate (/s)", "p50 (ms)", "p99 (ms)", "max (ms)");
    Map<String, List<Results.FloorRun>> byVariant = new LinkedHashMap<>();
    results.floors.forEach(
        f ->
            byVariant
                .computeIfAbsent(f.floor() + "|" + f.variant(), k -> new ArrayList<>())
                .add(f));
    byVariant.forEach(
        (key, reps) ->
            table.row(
                reps.get(0).floor(),
                reps.get(0).variant(),
                spread(reps, Results.FloorRun::rate),
                spread(reps, f -> Percentiles.ms(f.latency(), 50)),
                spread(reps, f -> Percentiles.ms(f.latency(), 99)),
                spread(reps, f -> Percentiles.ms(f.latency(), 100))));
    return table.render();
  }

  /**
   * The rate at which lag stops growing: the delivered rate when the contestant fell behind the
   * inserts; when it kept up (lag p99 under a second in every repetition) only a lower bound, set
   * by the database's insert rate.
   */
  private static String sustained(List<Results.VolumeRun> reps) {
    boolean keptUp = reps.stream().allMatch(v -> Percentiles.ms(v.receive(), 99) < 1000);
    String rate = spread(reps, Results.VolumeRun::deliveredPerSecond);
    return keptUp ? "≥ " + rate + " (kept up)" : rate;
  }

  static <T> String spread(List<T> reps, ToDoubleFunction<T> value) {
    return Spread.of(reps.stream().map(r -> value.applyAsDouble(r)).toList()).format();
  }

  private static String delivered(List<?> reps) {
    Function<Object, long[]> counts =
        r ->
            r instanceof Results.RateRun rr
                ? new long[] {rr.delivered(), rr.offered()}
                : new long[] {
                  ((Results.VolumeRun) r).delivered(), ((Results.VolumeRun) r).events()
                };
    long delivered = reps.stream().mapToLong(r -> counts.apply(r)[0]).sum();
    long offered = reps.stream().mapToLong(r -> counts.apply(r)[1]).sum();
    return delivered == offered
        ? "all " + String.format("%,d", offered)
        : String.format("%,d of %,d", delivered, offered);
  }
}
