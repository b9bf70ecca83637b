package dev.outbox.bench.report;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.HdrHistogram.Histogram;

/** Every figure of a run, one record per measurement and repetition. */
public final class Results {

  /** Latencies at one fixed offered rate; {@code confirm} is null when not observable. */
  public record RateRun(
      String contestant,
      int rate,
      int rep,
      long offered,
      double achievedRate,
      long delivered,
      long duplicates,
      Histogram receive,
      Histogram confirm,
      double cpuUsPerEvent) {}

  /**
   * A 100,000-event run: {@code kind} "burst" (inserted by many clients while the contestant runs)
   * or "backlog" (committed first, contestant launched afterwards). Seconds count from the first
   * commit (burst) or the launch (backlog) to the last delivery.
   */
  public record VolumeRun(
      String contestant,
      String kind,
      int rep,
      long events,
      double insertRate,
      long delivered,
      double seconds,
      double deliveredPerSecond,
      double launchToFirstMs,
      double cpuUsPerEvent,
      long peakRssKb,
      Histogram receive) {}

  /** Launch of a fresh process on an empty outbox to the first event delivered. */
  public record StartRun(String contestant, int rep, double launchToFirstMs) {}

  /** CPU used with nothing to deliver (after the warm-up, no inserts), in % of one core. */
  public record IdleRun(String contestant, int rep, double cpuPercentOfCore) {}

  /** A floor: the database's or the broker's own rate, and a latency where one is measured. */
  public record FloorRun(String floor, String variant, int rep, double rate, Histogram latency) {}

  public final List<RateRun> rates = Collections.synchronizedList(new ArrayList<>());
  public final List<VolumeRun> volumes = Collections.synchronizedList(new ArrayList<>());
  public final List<StartRun> starts = Collections.synchronizedList(new ArrayList<>());
  public final List<IdleRun> idles = Collections.synchronizedList(new ArrayList<>());
  public final List<FloorRun> floors = Collections.synchronizedList(new ArrayList<>());
  public final List<String> notes = Collections.synchronizedList(new ArrayList<>());
}
