package dev.outbox.testing.services;

import dev.outbox.testing.tls.IssuedCertificate;
import dev.outbox.testing.tls.TestCa;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.awaitility.Awaitility;

/**
 * A PostgreSQL cluster of the test's own: initdb in a temporary directory as user postgres, its own
 * port, {@code wal_level=logical}, listening on loopback addresses only; optionally TLS with a
 * server certificate of a {@link TestCa} and only the {@code pg_hba.conf} lines the test gives.
 * {@link #close()} stops it (a JVM that exits first stops it too); its files go with the {@link
 * ServiceDirectory}.
 *
 * <pre>{@code
 * PrivatePostgres pg = PrivatePostgres.create(dir)
 *     .withTls(ca, ca.issue("localhost", List.of("DNS:localhost", "IP:127.0.0.1")))
 *     .withHba("hostssl all all 127.0.0.1/32 trust")
 *     .start();
 * }</pre>
 */
public final class PrivatePostgres implements AutoCloseable {

  private final Path data;
  private final PgTools tools;
  private final PgConfigFiles files;
  private final int port = FreePorts.next();
  private final List<String> listen = new ArrayList<>(List.of("127.0.0.1"));
  private final List<String> hba = new ArrayList<>();
  private final Thread stopAtExit = new Thread(this::stop, "private-postgres-stop");
  private TestCa ca;
  private boolean running;

  private PrivatePostgres(ServiceDirectory dir, String name) {
    this.data = dir.ownedDirectory(name, PgTools.USER);
    this.tools = new PgTools(data);
    this.files = new PgConfigFiles(dir, data);
  }

  /** initdb of a new cluster in {@code dir} (not started). */
  public static PrivatePostgres create(ServiceDirectory dir) {
    PrivatePostgres pg = new PrivatePostgres(dir, "pgdata");
    pg.tools.initdb();
    return pg;
  }

  /**
   * A streaming standby of the running {@code primary}, not started: {@code pg_basebackup -R} into
   * {@code dir} (the primary's settings and {@code pg_hba.conf}; {@link #start()} gives it its own
   * port). {@link #promote()} makes it a primary.
   */
  public static PrivatePostgres standbyOf(ServiceDirectory dir, PrivatePostgres primary) {
    PrivatePostgres standby = new PrivatePostgres(dir, "pgdata-standby-" + primary.port);
    standby.tools.baseBackupOf(primary.port);
    // Its wal receiver's application_name, which synchronous_standby_names names.
    standby.files.append("cluster_name = '" + standby.applicationName() + "'");
    return standby;
  }

  /**
   * Makes this running primary commit synchronously to the running {@code standby} ({@code
   * synchronous_standby_names} = its application_name, {@code synchronous_commit = on}, by ALTER
   * SYSTEM and a reload, so a standby made earlier does not inherit it); returns once {@code
   * pg_stat_replication} shows it {@code sync}. A commit then returns only when the standby has
   * flushed it: a stop of this primary, even an immediate one, loses no committed transaction.
   */
  public PrivatePostgres replicateSynchronouslyTo(PrivatePostgres standby) {
    String name = standby.applicationName();
    tools
        .psql(port, "postgres", "ALTER SYSTEM SET synchronous_standby_names = '\"" + name + "\"'")
        .orThrow();
    tools.psql(port, "postgres", "ALTER SYSTEM SET synchronous_commit = 'on'").orThrow();
    tools.psql(port, "postgres", "SELECT pg_reload_conf()").orThrow();
    String state =
        "SELECT count(*) FROM pg_stat_replication WHERE application_name = '"
            + name
            + "' AND sync_state = 'sync'";
    Awaitility.await("standby " + name + " synchronous")
        .atMost(Duration.ofSeconds(60))
        .pollInterval(Duration.ofMillis(100))
        .until(() -> tools.psql(port, "postgres", state).orThrow().output().strip().equals("1"));
    return this;
  }

  private String applicationName() {
    return "standby_" + port;
  }

  /** Ends recovery of a standby ({@code pg_ctl promote}); returns when it accepts writes. */
  public void promote() {
    tools.run("pg_ctl", "-D", data.toString(), "-w", "-t", "60", "promote").orThrow();
  }

  /** Listens on these loopback addresses too (one the server certificate does not name). */
  public PrivatePostgres alsoListenOn(String... addresses) {
    listen.addAll(List.of(addresses));
    return this;
  }

  /** {@code ssl=on} with {@code server}'s certificate; client certificates are checked with ca. */
  public PrivatePostgres withTls(TestCa ca, IssuedCertificate server) {
    this.ca = ca;
    files.tls(ca, server);
    return this;
  }

  /**
   * These {@code pg_hba.conf} lines instead of initdb's (e.g. {@code hostssl} only); a {@code
   * local} line for postgres over the Unix socket always comes first, for {@link #createDatabase}.
   */
  public PrivatePostgres withHba(String... lines) {
    hba.addAll(List.of(lines));
    return this;
  }

  /** These {@code postgresql.conf} lines too (e.g. {@code max_slot_wal_keep_size = 1MB}). */
  public PrivatePostgres withConfig(String... lines) {
    files.append(lines);
    return this;
  }

  /** Writes the configuration and starts the cluster; returns when it accepts connections. */
  public PrivatePostgres start() {
    files.append(
        "port = " + port,
        "listen_addresses = '" + String.join(",", listen) + "'",
        "unix_socket_directories = '" + data + "'",
        "wal_level = logical",
        "max_replication_slots = 10",
        "max_wal_senders = 10",
        "shared_buffers = 32MB");
    if (!hba.isEmpty()) {
      files.hba(hba);
    }
    running = true;
    Runtime.getRuntime().addShutdownHook(stopAtExit);
    tools.pgCtl("start").orThrow();
    return this;
  }

  public int port() {
    return port;
  }

  /**
   * {@code jdbc:postgresql://host:port/database}, plus the verified-TLS parameters when the cluster
   * has TLS ({@code sslmode=verify-full&sslrootcert=<the CA>}).
   */
  public String jdbcUrl(String host, String database) {
    String url = "jdbc:postgresql://" + host + ":" + port + "/" + database;
    return ca == null
        ? url
        : url + "?sslmode=verify-full&sslrootcert=" + ca.certificate().toAbsolutePath();
  }

  /** Creates {@code name}, as postgres over the cluster's Unix socket (psql, peer). */
  public void createDatabase(String name) {
    tools.psql(port, "postgres", "CREATE DATABASE " + name).orThrow();
  }

  /**
   * Restarts the running cluster as after a crash ({@code pg_ctl -m immediate restart}): every
   * session ends at once, nothing is checkpointed, the server recovers from the WAL and accepts
   * connections again on the same port when this returns. Slots and advisory locks are as a crash
   * leaves them (slots kept, locks gone).
   */
  public synchronized void restartImmediately() {
    if (!running) {
      throw new IllegalStateException("the cluster is not running");
    }
    tools.pgCtl("-m", "immediate", "restart").orThrow();
  }

  /**
   * Stops the running cluster as a crash would ({@code pg_ctl -m immediate stop}): sessions end at
   * once, nothing is checkpointed, no more WAL goes to a standby.
   */
  public synchronized void stopImmediately() {
    if (running) {
      tools
          .run("pg_ctl", "-D", data.toString(), "-m", "immediate", "-w", "-t", "30", "stop")
          .orThrow();
      running = false;
    }
  }

  /** The server log, for a failing test's message. */
  public String log() {
    return files.log();
  }

  /** Stops the cluster: fast (sessions end, a checkpoint), else immediate. */
  @Override
  public void close() {
    stop();
    try {
      Runtime.getRuntime().removeShutdownHook(stopAtExit);
    } catch (IllegalStateException | IllegalArgumentException e) {
      // the JVM is exiting already, or it never started
    }
  }

  private synchronized void stop() {
    if (running) {
      tools.stop();
      running = false;
    }
  }
}
