package dev.outbox.chaos.infra;

import dev.outbox.config.process.Commands;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * A PostgreSQL cluster of the run's own (initdb in the temporary directory, as user postgres, on a
 * loopback port of its own), so the suite may restart it with {@code pg_ctl -m immediate} (a crash:
 * no checkpoint, recovery from the WAL) without touching the shared server.
 */
public final class PrivatePostgres implements AutoCloseable {

  private static final Duration COMMAND = Duration.ofSeconds(90);

  private final Path bin;
  private final Path dataDir;
  private final Path logFile;
  private final Path keptLog;
  private final int port;

  private PrivatePostgres(Path bin, Path dataDir, Path logFile, Path keptLog, int port) {
    this.bin = bin;
    this.dataDir = dataDir;
    this.logFile = logFile;
    this.keptLog = keptLog;
    this.port = port;
  }

  /** initdb a new cluster with logical decoding and room for the run's slots; not started yet. */
  public static PrivatePostgres create(Workspace ws, Path bin) throws IOException {
    Path dataDir = ws.ownedDirectory("pg", "postgres");
    Path sockets = ws.ownedDirectory("pg-socket", "postgres");
    Path logFile = ws.ownedDirectory("pg-log", "postgres").resolve("postgres.log");
    int port = Ports.freeBetween(20_000, 30_000);
    PrivatePostgres pg = new PrivatePostgres(bin, dataDir, logFile, ws.log("postgres"), port);
    pg.asPostgres(
            List.of(
                bin.resolve("initdb").toString(),
                "-D",
                dataDir.toString(),
                "-A",
                "trust",
                "-U",
                "postgres",
                "-E",
                "UTF8",
                "--locale=C.UTF-8",
                "-N"))
        .orThrow();
    Files.writeString(
        dataDir.resolve("postgresql.conf"),
        String.join(
            "\n",
            "# chaos suite",
            "port = " + port,
            "listen_addresses = '127.0.0.1'",
            "unix_socket_directories = '" + sockets + "'",
            "wal_level = logical",
            "max_replication_slots = 20",
            "max_wal_senders = 20",
            "max_connections = 100",
            "shared_buffers = 64MB",
            ""),
        StandardOpenOption.APPEND);
    ws.teardown()
        .addCommand(Commands.asUser("postgres", Map.of(), pg.pgCtl("-m", "immediate", "stop")));
    return pg;
  }

  public void start() {
    asPostgres(pgCtl("-l", logFile.toString(), "-w", "-t", "60", "start")).orThrow();
  }

  /** A crash and recovery: every session dies, unflushed buffers are lost, WAL replays. */
  public void restartImmediately() {
    asPostgres(pgCtl("-m", "immediate", "-l", logFile.toString(), "-w", "-t", "60", "restart"))
        .orThrow();
  }

  public void createDatabase(String name) throws SQLException {
    try (Connection c = connect("postgres");
        Statement s = c.createStatement()) {
      s.execute("CREATE DATABASE " + name);
    }
  }

  /** The JDBC URL of {@code database}, with an application name that shows in pg_stat_activity. */
  public String jdbcUrl(String database, String applicationName) {
    return "jdbc:postgresql://127.0.0.1:"
        + port
        + "/"
        + database
        + "?ApplicationName="
        + applicationName
        + "&connectTimeout=5&socketTimeout=30";
  }

  public Connection connect(String database) throws SQLException {
    return DriverManager.getConnection(jdbcUrl(database, "chaos-suite"), "postgres", "");
  }

  private List<String> pgCtl(String... args) {
    List<String> command = new java.util.ArrayList<>();
    command.add(bin.resolve("pg_ctl").toString());
    command.addAll(List.of("-D", dataDir.toString()));
    command.addAll(List.of(args));
    return command;
  }

  private Commands.Result asPostgres(List<String> command) {
    return Commands.run(COMMAND, Commands.asUser("postgres", Map.of(), command));
  }

  /** Stops the cluster and keeps its log with the run's other logs. */
  @Override
  public void close() throws IOException {
    if (!asPostgres(pgCtl("-m", "fast", "-w", "-t", "30", "stop")).ok()) {
      asPostgres(pgCtl("-m", "immediate", "-w", "stop"));
    }
    if (Files.exists(logFile)) {
      Files.copy(logFile, keptLog, StandardCopyOption.REPLACE_EXISTING);
    }
  }
}
