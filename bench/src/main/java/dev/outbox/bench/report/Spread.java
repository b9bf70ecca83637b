package dev.outbox.bench.report;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The median of a figure's repetitions and their range, written "median (min–max)": the machine is
 * shared, so one number alone would hide how much it moved.
 */
public record Spread(double median, double min, double max, int n) {

  public static Spread of(List<Double> values) {
    double[] v =
        values.stream().filter(d -> !Double.isNaN(d)).mapToDouble(Double::doubleValue).toArray();
    if (v.length == 0) {
      return new Spread(Double.NaN, Double.NaN, Double.NaN, 0);
    }
    Arrays.sort(v);
    double median =
        v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
    return new Spread(median, v[0], v[v.length - 1], v.length);
  }

  /** "12.3 (11.0–14.1)", or the single value when there is one, or "n/a". */
  public String format() {
    if (n == 0) {
      return "n/a";
    }
    if (n == 1 || min == max) {
      return number(median);
    }
    return number(median) + " (" + number(min) + "–" + number(max) + ")";
  }

  /** Three significant digits at most, no exponent, thousands kept readable. */
  static String number(double value) {
    double abs = Math.abs(value);
    if (abs >= 100) {
      return String.format(Locale.ROOT, "%,.0f", value);
    }
    if (abs >= 10) {
      return String.format(Locale.ROOT, "%.1f", value);
    }
    if (abs >= 1) {
      return String.format(Locale.ROOT, "%.2f", value);
    }
    return String.format(Locale.ROOT, "%.3f", value);
  }
}
