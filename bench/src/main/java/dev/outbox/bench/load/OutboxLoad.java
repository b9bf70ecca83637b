package dev.outbox.bench.load;

import dev.outbox.bench.BenchDatabase;
import dev.outbox.config.process.Commands;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Writes outbox rows the way an application does, one single-row INSERT per transaction
 * (autocommit), from several connections: pgbench with {@code pgbench/outbox-insert.sql}, so the
 * load generator costs the machine a C client's CPU and its rate is what PostgreSQL commits, not
 * what a Java harness manages to send. The payload carries the step, a sequence number and the
 * database's clock_timestamp() taken inside the inserting transaction, which is what every latency
 * in the report is measured from.
 */
public final class OutboxLoad {

  private static final String SCRIPT = "pgbench/outbox-insert.sql";

  static final String INSERT =
      "insert into outbox_events (aggregate_type, aggregate_id, event_type, payload)"
          + " values ('user', ?, 'user.created', jsonb_build_object("
          + "'bench_step', ?::int, 'bench_seq', ?::int, 'email', ?::text,"
          + " 'bench_commit_us', (extract(epoch from clock_timestamp()) * 1000000)::bigint))";

  private static final Pattern PROCESSED =
      Pattern.compile("number of transactions actually processed: (\\d+)");
  private static final Pattern TPS =
      Pattern.compile("tps = ([0-9.]+) \\(without initial connection time\\)");

  /**
   * What a load run did: rows committed, the wall-clock span in epoch microseconds (pgbench's
   * launch to its exit) and pgbench's committed rate without its connection set-up.
   */
  public record Result(long committed, long startUs, long endUs, double ratePerSecond) {}

  private OutboxLoad() {}

  /**
   * The rows a run of {@code events} from {@code clients} connections inserts: every client runs
   * the same number of transactions, so the count is rounded up to a multiple of the clients.
   */
  public static long rowsFor(long events, int clients) {
    return (events + clients - 1) / clients * clients;
  }

  /**
   * Inserts {@link #rowsFor rowsFor(events, clients)} rows for {@code step} from {@code clients}
   * connections, at {@code ratePerSecond} (Poisson arrivals, pgbench's {@code -R}; 0 = as fast as
   * the database commits).
   */
  public static Result run(
      String pgbench, BenchDatabase db, int step, long events, double ratePerSecond, int clients)
      throws IOException {
    long perClient = rowsFor(events, clients) / clients;
    List<String> limit = List.of("-t", Long.toString(perClient));
    double seconds = ratePerSecond > 0 ? events / ratePerSecond : events / 500.0;
    return pgbench(pgbench, db, step, clients, ratePerSecond, limit, (long) (seconds * 3) + 60);
  }

  /** Inserts for {@code seconds} as fast as the database commits (the insert floor). */
  public static Result runFor(String pgbench, BenchDatabase db, int clients, int seconds)
      throws IOException {
    List<String> limit = List.of("-T", Integer.toString(seconds));
    return pgbench(pgbench, db, 0, clients, 0, limit, seconds + 60L);
  }

  /** Inserts one row with the given step and sequence number on an open connection. */
  public static void insertOne(Connection connection, int step, int seq) throws SQLException {
    try (PreparedStatement insert = connection.prepareStatement(INSERT)) {
      insert.setObject(1, UUID.randomUUID());
      insert.setInt(2, step);
      insert.setInt(3, seq);
      insert.setString(4, "user-" + seq + "@example.com");
      insert.executeUpdate();
    }
  }

  private static Result pgbench(
      String pgbench,
      BenchDatabase db,
      int step,
      int clients,
      double rate,
      List<String> limit,
      long timeoutSeconds)
      throws IOException {
    Path script = script();
    try {
      List<String> command = new ArrayList<>(List.of(pgbench, "-n", "-M", "prepared"));
      command.addAll(
          List.of("-c", Integer.toString(clients), "-j", Integer.toString(threads(clients))));
      command.addAll(limit);
      if (rate > 0) {
        command.addAll(List.of("-R", String.format(Locale.ROOT, "%.3f", rate)));
      }
      command.addAll(List.of("-D", "step=" + step, "-D", "clients=" + clients, "-D", "n=0"));
      command.addAll(List.of("-f", script.toString()));
      command.addAll(db.libpqArguments());
      long startUs = Clocks.nowMicros();
      Commands.Result result =
          Commands.run(Duration.ofSeconds(timeoutSeconds), db.libpqEnvironment(), command);
      long endUs = Clocks.nowMicros();
      result.orThrow();
      long committed = Long.parseLong(find(PROCESSED, result.output()));
      double tps = Double.parseDouble(find(TPS, result.output()));
      return new Result(committed, startUs, endUs, tps);
    } finally {
      Files.deleteIfExists(script);
    }
  }

  /** pgbench's worker threads: one per core, at most one per client. */
  private static int threads(int clients) {
    return Math.max(1, Math.min(clients, Runtime.getRuntime().availableProcessors()));
  }

  private static String find(Pattern pattern, String output) throws IOException {
    Matcher m = pattern.matcher(output);
    if (!m.find()) {
      throw new IOException("pgbench printed no '" + pattern.pattern() + "':\n" + output.strip());
    }
    return m.group(1);
  }

  private static Path script() throws IOException {
    Path file = Files.createTempFile("outbox-insert-", ".sql");
    try (InputStream in = OutboxLoad.class.getClassLoader().getResourceAsStream(SCRIPT)) {
      if (in == null) {
        throw new IOException(SCRIPT + " is not on the class path");
      }
      Files.copy(in, file, StandardCopyOption.REPLACE_EXISTING);
    }
    return file;
  }
}
