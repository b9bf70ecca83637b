package dev.outbox.bench;

import dev.outbox.bench.contestant.Launch;
import dev.outbox.bench.notifier.NotifierMeasure;
import dev.outbox.config.AmqpConnections;
import dev.outbox.config.ConfigReader;
import dev.outbox.config.DatabaseSettings;
import dev.outbox.config.EventBusSettings;
import dev.outbox.config.Role;
import dev.outbox.config.Setting;
import java.nio.file.Path;
import java.util.List;

/**
 * Everything a benchmark run needs, read from the environment (see scripts/bench for the quick and
 * full presets). Each variable is declared next to what reads it: here the run's shape, in {@link
 * Workload} the load, in {@link Launch} the child JVMs, in {@link NotifierMeasure} the notifier
 * measure. The database user and password and EVENT_BUS_URL are the application's own variables.
 * Every loop in the harness is bounded by one of them.
 *
 * @param adminJdbcUrl a maintenance database; the harness creates bench_* next to it
 */
public record BenchConfig(
    String adminJdbcUrl,
    String dbUser,
    String dbPassword,
    AmqpConnections eventBus,
    List<String> contestants,
    List<String> volumeContestants,
    int repetitions,
    int budgetSeconds,
    Path outDir,
    boolean floors,
    int floorSeconds,
    List<Integer> floorClients,
    Workload workload,
    Launch launch,
    NotifierMeasure notifier) {

  static final Setting<String> ADMIN_URL =
      Setting.text("BENCH_ADMIN_URL")
          .withDefault("jdbc:postgresql://127.0.0.1:5432/postgres")
          .withDescription("a maintenance database; the harness creates bench_* next to it")
          .readBy(Role.BENCH);

  static final Setting<List<String>> CONTESTANTS =
      ListSettings.texts("BENCH_CONTESTANTS")
          .withDefault("relay,poller-seed,poller-tuned,debezium-default,debezium-tuned")
          .withDescription("who is measured, in this order")
          .readBy(Role.BENCH);

  /**
   * Who runs the burst and backlog (the slow part, 200,000 inserts each); by default not
   * poller-seed, which delivers its 100 msg/s ceiling (batch / interval) in any volume.
   */
  static final Setting<List<String>> VOLUME_CONTESTANTS =
      ListSettings.texts("BENCH_VOLUME_CONTESTANTS")
          .withDefault("relay,poller-tuned,debezium-default,debezium-tuned")
          .withDescription("who runs the burst and the backlog")
          .readBy(Role.BENCH);

  static final Setting<Integer> REPETITIONS =
      Workload.positive("BENCH_REPETITIONS", "3", "repetitions of every contestant and measure");

  static final Setting<Integer> BUDGET_SECONDS =
      Workload.positive(
          "BENCH_BUDGET_SECONDS",
          "1140",
          "no contestant run starts after this much time; the report says what was skipped");

  static final Setting<Path> OUT =
      Setting.custom("BENCH_OUT", text -> Path.of(text).toAbsolutePath())
          .withDefault("bench-results")
          .withDescription("where the report, plots and logs go")
          .readBy(Role.BENCH);

  static final Setting<Boolean> FLOORS =
      Setting.bool("BENCH_FLOORS")
          .withDefault("true")
          .withDescription("measure the PostgreSQL and RabbitMQ floors every repetition")
          .readBy(Role.BENCH);

  static final Setting<Integer> FLOOR_SECONDS =
      Workload.positive("BENCH_FLOOR_SECONDS", "5", "how long each floor is measured");

  static final Setting<List<Integer>> FLOOR_CLIENTS =
      ListSettings.positiveIntegers("BENCH_FLOOR_CLIENTS")
          .withDefault("1,4,16")
          .withDescription("writers of the insert floor")
          .readBy(Role.BENCH);

  /** Reads every setting; the problems, if any, are thrown together by the caller's finish. */
  public static BenchConfig read(ConfigReader config) {
    List<String> contestants = config.get(CONTESTANTS);
    return new BenchConfig(
        config.get(ADMIN_URL),
        config.get(DatabaseSettings.USER),
        config.optional(DatabaseSettings.PASSWORD).orElse(""),
        config.get(EventBusSettings.URL),
        contestants,
        config.get(VOLUME_CONTESTANTS),
        config.get(REPETITIONS),
        config.get(BUDGET_SECONDS),
        config.get(OUT),
        config.get(FLOORS),
        config.get(FLOOR_SECONDS),
        config.get(FLOOR_CLIENTS),
        Workload.read(config),
        Launch.read(config, contestants),
        NotifierMeasure.read(config));
  }

  /** The JDBC URL of another database on the same server as the admin URL. */
  public String jdbcUrl(String database) {
    int slash = adminJdbcUrl.lastIndexOf('/');
    int query = adminJdbcUrl.indexOf('?', slash);
    return adminJdbcUrl.substring(0, slash + 1)
        + database
        + (query < 0 ? "" : adminJdbcUrl.substring(query));
  }

  @Override
  public String toString() {
    // the password stays out of logs; the broker is shown without credentials
    return "BenchConfig[admin=%s, user=%s, broker=%s, contestants=%s, repetitions=%d, out=%s]"
        .formatted(adminJdbcUrl, dbUser, eventBus.display(), contestants, repetitions, outDir);
  }
}
