package dev.outbox.testing.services;

import dev.outbox.config.process.Commands;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The PostgreSQL tools a {@link PrivatePostgres} runs on its data directory (initdb, pg_basebackup,
 * pg_ctl, psql), each as user postgres and bounded in time.
 */
final class PgTools {

  static final String USER = "postgres";
  private static final Duration COMMAND = Duration.ofSeconds(90);

  private final Path data;

  PgTools(Path data) {
    this.data = data;
  }

  /** initdb of a new cluster: trust authentication, UTF-8, no fsync. */
  void initdb() {
    run(
            "initdb",
            "-D",
            data.toString(),
            "-U",
            USER,
            "-A",
            "trust",
            "-E",
            "UTF8",
            "--locale=C.UTF-8",
            "-N")
        .orThrow();
  }

  /**
   * {@code pg_basebackup -R} of the server on 127.0.0.1:{@code primaryPort} into this directory.
   */
  void baseBackupOf(int primaryPort) {
    run(
            "pg_basebackup",
            "-h",
            "127.0.0.1",
            "-p",
            String.valueOf(primaryPort),
            "-U",
            USER,
            "-D",
            data.toString(),
            "-R",
            "-X",
            "stream",
            "-c",
            "fast")
        .orThrow();
  }

  /** pg_ctl on this cluster, logging to its log file, waiting up to 60 s for the server. */
  Commands.Result pgCtl(String... action) {
    List<String> command =
        new ArrayList<>(
            List.of(
                "pg_ctl",
                "-D",
                data.toString(),
                "-l",
                data.resolve("log").toString(),
                "-w",
                "-t",
                "60"));
    command.addAll(List.of(action));
    return run(command.toArray(String[]::new));
  }

  /** pg_ctl stop: fast (sessions end, a checkpoint), else immediate. */
  void stop() {
    String dir = data.toString();
    if (!run("pg_ctl", "-D", dir, "-m", "fast", "-w", "-t", "30", "stop").ok()) {
      run("pg_ctl", "-D", dir, "-m", "immediate", "-w", "-t", "30", "stop");
    }
  }

  /** One SQL command as postgres over the cluster's Unix socket (psql, peer, unaligned). */
  Commands.Result psql(int port, String database, String sql) {
    return run(
        "psql",
        "-h",
        data.toString(),
        "-p",
        String.valueOf(port),
        "-d",
        database,
        "-v",
        "ON_ERROR_STOP=1",
        "-At",
        "-c",
        sql);
  }

  Commands.Result run(String... command) {
    return Commands.run(COMMAND, Commands.asUser(USER, Map.of(), List.of(command)));
  }
}
