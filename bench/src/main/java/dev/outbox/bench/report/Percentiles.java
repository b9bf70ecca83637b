package dev.outbox.bench.report;

import java.util.List;
import java.util.function.ToDoubleFunction;
import org.HdrHistogram.Histogram;

/** The latency percentiles the report shows, in milliseconds, from microsecond histograms. */
final class Percentiles {

  static final double[] SHOWN = {50, 90, 99, 99.9, 100};
  static final String[] NAMES = {"p50", "p90", "p99", "p99.9", "max"};

  private Percentiles() {}

  static double ms(Histogram h, double percentile) {
    if (h == null || h.getTotalCount() == 0) {
      return Double.NaN;
    }
    long micros = percentile >= 100 ? h.getMaxValue() : h.getValueAtPercentile(percentile);
    return micros / 1000.0;
  }

  /** One cell per shown percentile, each the spread over the repetitions. */
  static <T> List<String> cells(List<T> reps, java.util.function.Function<T, Histogram> histogram) {
    List<String> cells = new java.util.ArrayList<>();
    for (double p : SHOWN) {
      ToDoubleFunction<T> value = r -> ms(histogram.apply(r), p);
      cells.add(Spread.of(reps.stream().map(r -> value.applyAsDouble(r)).toList()).format());
    }
    return cells;
  }
}
