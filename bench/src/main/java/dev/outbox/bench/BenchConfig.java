package dev.outbox.bench;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Everything a benchmark run needs, read from the environment (see scripts/bench for the quick and
 * full presets). Durations are seconds; every loop in the harness is bounded by one of them.
 *
 * @param adminJdbcUrl BENCH_ADMIN_URL: a maintenance database; the harness creates bench_* next to
 *     it
 * @param contestants BENCH_CONTESTANTS: relay, poller-seed, poller-tuned, debezium-default,
 *     debezium-tuned
 * @param rates BENCH_RATES: the fixed offered rates in events/s
 * @param relayClasspath BENCH_RELAY_CLASSPATH: cdc-relay's runtime classpath (needed for relay)
 * @param relayJavaOpts BENCH_RELAY_JAVA_OPTS: the relay JVM's options; scripts/bench passes the
 *     shipped ones ({@code @docker/relay-jvm.options}) unless told otherwise
 * @param relayEnv BENCH_RELAY_ENV: extra relay variables, e.g. "CDC_POLL_INTERVAL=1ms"
 * @param debeziumHome BENCH_DEBEZIUM_HOME: the unpacked debezium-server-dist (for debezium-*)
 * @param volumeContestants BENCH_VOLUME_CONTESTANTS: who runs the burst and backlog (the slow part,
 *     200,000 inserts each); by default not debezium-default, whose engine and sink are
 *     debezium-tuned's and whose poll interval never applies while a burst keeps its queue full,
 *     nor poller-seed, which delivers its 100 msg/s ceiling (batch / interval) in any volume
 * @param budgetSeconds BENCH_BUDGET_SECONDS: no contestant run starts after this much time; the
 *     report then says what was skipped
 * @param notifierEvents BENCH_NOTIFIER_EVENTS: distinct user.created events per phase of the
 *     notifier throughput measure (the backlog, then as many again with the notifier running)
 * @param notifierDuplicatePercent BENCH_NOTIFIER_DUPLICATE_PERCENT: exact copies (same event id)
 *     published on top of the distinct events, in percent of them (0-100), so dedup is exercised
 * @param notifierTimeoutSeconds BENCH_NOTIFIER_TIMEOUT_SECONDS: the bound of each phase of the
 *     notifier measure (launch → drained, first publish → drained); a phase cut short reports what
 *     was processed by then
 * @param notifierClasspath BENCH_NOTIFIER_CLASSPATH: the notifier's runtime classpath with an SLF4J
 *     binding (needed for the notifier throughput measure; scripts/bench sets it)
 * @param notifierJavaOpts BENCH_NOTIFIER_JAVA_OPTS: the measured notifier JVM's options (JVM
 *     defaults, as docker/compose.yaml runs it, unless set; e.g. a flight recording)
 */
public record BenchConfig(
    String adminJdbcUrl,
    String dbUser,
    String dbPassword,
    String amqpUri,
    List<String> contestants,
    List<Integer> rates,
    int stepSeconds,
    int warmupSeconds,
    int repetitions,
    int burstEvents,
    int backlogEvents,
    int burstClients,
    int pacedClients,
    int drainTimeoutSeconds,
    int graceSeconds,
    int floorSeconds,
    List<Integer> floorClients,
    String javaBin,
    String relayClasspath,
    String relayJavaOpts,
    Map<String, String> relayEnv,
    String pollerJavaOpts,
    Path debeziumHome,
    String debeziumJava,
    String debeziumJavaOpts,
    Path outDir,
    boolean floors,
    int budgetSeconds,
    List<String> volumeContestants,
    int notifierEvents,
    int notifierDuplicatePercent,
    int notifierTimeoutSeconds,
    String notifierClasspath,
    String notifierJavaOpts) {

  public static BenchConfig fromEnv(Map<String, String> env) {
    var e = new Env(env);
    List<String> contestants =
        e.list(
            "BENCH_CONTESTANTS", "relay,poller-seed,poller-tuned,debezium-default,debezium-tuned");
    boolean needsRelay = contestants.contains("relay");
    boolean needsDebezium = contestants.stream().anyMatch(c -> c.startsWith("debezium"));
    return new BenchConfig(
        e.text("BENCH_ADMIN_URL", "jdbc:postgresql://127.0.0.1:5432/postgres"),
        e.text("DATABASE_USER", "postgres"),
        e.text("DATABASE_PASSWORD", ""),
        withoutEmptyVhost(e.text("EVENT_BUS_URL", "amqp://guest:guest@127.0.0.1:5672")),
        contestants,
        e.list("BENCH_RATES", "100,1000,5000").stream().map(Integer::valueOf).toList(),
        e.positive("BENCH_STEP_SECONDS", 8),
        e.positive("BENCH_WARMUP_SECONDS", 2),
        e.positive("BENCH_REPETITIONS", 3),
        e.positive("BENCH_BURST_EVENTS", 100_000),
        e.positive("BENCH_BACKLOG_EVENTS", 100_000),
        e.positive("BENCH_BURST_CLIENTS", 16),
        e.positive("BENCH_PACED_CLIENTS", 16),
        e.positive("BENCH_DRAIN_TIMEOUT_SECONDS", 30),
        e.positive("BENCH_GRACE_SECONDS", 5),
        e.positive("BENCH_FLOOR_SECONDS", 5),
        e.list("BENCH_FLOOR_CLIENTS", "1,4,16").stream().map(Integer::valueOf).toList(),
        e.text("BENCH_JAVA", Path.of(System.getProperty("java.home"), "bin", "java").toString()),
        needsRelay ? e.required("BENCH_RELAY_CLASSPATH") : "",
        e.text("BENCH_RELAY_JAVA_OPTS", ""),
        e.pairs("BENCH_RELAY_ENV"),
        e.text("BENCH_POLLER_JAVA_OPTS", ""),
        Path.of(needsDebezium ? e.required("BENCH_DEBEZIUM_HOME") : "."),
        e.text("BENCH_DEBEZIUM_JAVA", "/usr/lib/jvm/temurin-25-jdk-amd64/bin/java"),
        e.text("BENCH_DEBEZIUM_JAVA_OPTS", ""),
        Path.of(e.text("BENCH_OUT", "bench-results")).toAbsolutePath(),
        Boolean.parseBoolean(e.text("BENCH_FLOORS", "true")),
        e.positive("BENCH_BUDGET_SECONDS", 1140),
        e.list("BENCH_VOLUME_CONTESTANTS", "relay,poller-tuned,debezium-tuned"),
        e.positive("BENCH_NOTIFIER_EVENTS", 5_000),
        e.percent("BENCH_NOTIFIER_DUPLICATE_PERCENT", 10),
        e.positive("BENCH_NOTIFIER_TIMEOUT_SECONDS", 90),
        e.text("BENCH_NOTIFIER_CLASSPATH", ""),
        e.text("BENCH_NOTIFIER_JAVA_OPTS", ""));
  }

  /**
   * The Java client reads a trailing "/" as the empty vhost, not the default one; the contract's
   * URL form has it, so it is dropped here.
   */
  public static String withoutEmptyVhost(String amqpUri) {
    return amqpUri.endsWith("/") ? amqpUri.substring(0, amqpUri.length() - 1) : amqpUri;
  }

  /** The JDBC URL of another database on the same server as the admin URL. */
  public String jdbcUrl(String database) {
    int slash = adminJdbcUrl.lastIndexOf('/');
    int query = adminJdbcUrl.indexOf('?', slash);
    return adminJdbcUrl.substring(0, slash + 1)
        + database
        + (query < 0 ? "" : adminJdbcUrl.substring(query));
  }

  private record Env(Map<String, String> env) {
    String text(String key, String fallback) {
      String value = env.get(key);
      return value == null || value.isBlank() ? fallback : value.trim();
    }

    String required(String key) {
      String value = text(key, null);
      if (value == null) {
        throw new IllegalArgumentException(key + " is required (scripts/bench sets it)");
      }
      return value;
    }

    List<String> list(String key, String fallback) {
      return Arrays.stream(text(key, fallback).split(","))
          .map(String::trim)
          .filter(s -> !s.isEmpty())
          .toList();
    }

    /** "K=V,K2=V2" as a map; empty when unset. */
    Map<String, String> pairs(String key) {
      Map<String, String> pairs = new java.util.LinkedHashMap<>();
      for (String pair : list(key, "")) {
        int eq = pair.indexOf('=');
        if (eq < 1) {
          throw new IllegalArgumentException(
              key + " must be K=V pairs separated by commas: " + pair);
        }
        pairs.put(pair.substring(0, eq).trim(), pair.substring(eq + 1).trim());
      }
      return pairs;
    }

    int percent(String key, int fallback) {
      String value = text(key, String.valueOf(fallback));
      try {
        int parsed = Integer.parseInt(value);
        if (parsed >= 0 && parsed <= 100) {
          return parsed;
        }
      } catch (NumberFormatException ignored) {
        // reported below with the variable's name
      }
      throw new IllegalArgumentException(
          key + " must be a whole percentage 0-100, was '" + value + "'");
    }

    int positive(String key, int fallback) {
      String value = text(key, String.valueOf(fallback));
      try {
        int parsed = Integer.parseInt(value);
        if (parsed > 0) {
          return parsed;
        }
      } catch (NumberFormatException ignored) {
        // reported below with the variable's name
      }
      throw new IllegalArgumentException(key + " must be a positive integer, was '" + value + "'");
    }
  }
}
