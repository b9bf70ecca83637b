package dev.outbox.bench.measure;

import org.HdrHistogram.Histogram;

/** The one histogram shape of the harness: 1 us to 1 h, three significant digits. */
public final class Histograms {

  static final long MAX_MICROS = 3_600_000_000L;

  private Histograms() {}

  public static Histogram create() {
    return new Histogram(1, MAX_MICROS, 3);
  }

  /** Keeps clock jitter (a receive stamped a few us "before" its commit) and outliers in range. */
  public static long clamp(long micros) {
    return Math.max(1, Math.min(MAX_MICROS, micros));
  }
}
