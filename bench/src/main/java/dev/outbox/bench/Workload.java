package dev.outbox.bench;

import dev.outbox.config.ConfigReader;
import dev.outbox.config.Role;
import dev.outbox.config.Setting;
import java.util.List;

/**
 * The load each contestant gets: the fixed rates, the burst and the backlog (all inserted by
 * pgbench), and the bounds of every wait on them. Durations are seconds.
 */
public record Workload(
    List<Integer> rates,
    int stepSeconds,
    int warmupSeconds,
    int burstEvents,
    int backlogEvents,
    int burstClients,
    int pacedClients,
    int drainTimeoutSeconds,
    int graceSeconds,
    String pgbench) {

  static final Setting<List<Integer>> RATES =
      ListSettings.positiveIntegers("BENCH_RATES")
          .withDefault("100,1000,5000")
          .withDescription("the fixed offered rates in events/s")
          .readBy(Role.BENCH);

  static final Setting<Integer> STEP_SECONDS =
      positive("BENCH_STEP_SECONDS", "8", "how long each fixed rate is offered");

  static final Setting<Integer> WARMUP_SECONDS =
      positive("BENCH_WARMUP_SECONDS", "2", "unrecorded load at 500/s before the fixed rates");

  static final Setting<Integer> BURST_EVENTS =
      positive("BENCH_BURST_EVENTS", "100000", "events inserted as fast as PostgreSQL commits");

  static final Setting<Integer> BACKLOG_EVENTS =
      positive("BENCH_BACKLOG_EVENTS", "100000", "rows committed while the contestant is down");

  static final Setting<Integer> BURST_CLIENTS =
      positive("BENCH_BURST_CLIENTS", "16", "writers of the burst and the backlog");

  static final Setting<Integer> PACED_CLIENTS =
      positive("BENCH_PACED_CLIENTS", "16", "connections the fixed rates are paced over");

  static final Setting<Integer> DRAIN_TIMEOUT_SECONDS =
      positive("BENCH_DRAIN_TIMEOUT_SECONDS", "30", "bound of a burst's or a backlog's drain");

  static final Setting<Integer> GRACE_SECONDS =
      positive("BENCH_GRACE_SECONDS", "5", "wait for the last deliveries of a fixed rate");

  static final Setting<String> PGBENCH =
      Setting.text("BENCH_PGBENCH")
          .withDefault("pgbench")
          .withDescription("the pgbench binary that inserts every step's rows")
          .readBy(Role.BENCH);

  static Workload read(ConfigReader config) {
    return new Workload(
        config.get(RATES),
        config.get(STEP_SECONDS),
        config.get(WARMUP_SECONDS),
        config.get(BURST_EVENTS),
        config.get(BACKLOG_EVENTS),
        config.get(BURST_CLIENTS),
        config.get(PACED_CLIENTS),
        config.get(DRAIN_TIMEOUT_SECONDS),
        config.get(GRACE_SECONDS),
        config.get(PGBENCH));
  }

  /** The connections a fixed rate is paced over: the paced clients, at most one per event/s. */
  public int pacedClientsAt(int rate) {
    return Math.min(pacedClients, rate);
  }

  /** A whole number of at least 1, read by the harness. */
  static Setting<Integer> positive(String name, String defaultValue, String meaning) {
    return Setting.integer(name, 1)
        .withDefault(defaultValue)
        .withDescription(meaning)
        .readBy(Role.BENCH);
  }
}
