package dev.outbox.bench;

import com.rabbitmq.client.Connection;
import dev.outbox.config.process.Commands;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** The machine, versions and settings a run used, for the report's header. */
final class About {

  private About() {}

  static List<String> describe(BenchConfig config, Connection amqp) {
    List<String> lines = new ArrayList<>();
    lines.add("finished " + Instant.now());
    lines.add(
        "machine: "
            + cpu()
            + ", "
            + Runtime.getRuntime().availableProcessors()
            + " CPUs, "
            + memory()
            + " (shared with other work; see the spreads)");
    lines.add(
        "harness, poller and relay JVM: Java "
            + System.getProperty("java.version")
            + "; Debezium Server JVM: "
            + config.launch().debeziumJava());
    lines.add("PostgreSQL: " + postgres(config));
    lines.add("RabbitMQ: " + amqp.getServerProperties().get("version"));
    lines.add("load: " + pgbench(config) + ", script pgbench/outbox-insert.sql (bench resources)");
    lines.add(
        String.format(
            "settings: rates %s events/s for %d s each (after %d s warm-up at 500/s), %d paced clients"
                + " (Poisson arrivals),"
                + " burst %,d events by %d clients, backlog %,d, drain timeout %d s, grace %d s,"
                + " floors %d s, %d repetitions",
            config.workload().rates(),
            config.workload().stepSeconds(),
            config.workload().warmupSeconds(),
            config.workload().pacedClients(),
            config.workload().burstEvents(),
            config.workload().burstClients(),
            config.workload().backlogEvents(),
            config.workload().drainTimeoutSeconds(),
            config.workload().graceSeconds(),
            config.floorSeconds(),
            config.repetitions()));
    return lines;
  }

  private static String cpu() {
    try {
      return Files.readAllLines(Path.of("/proc/cpuinfo")).stream()
          .filter(l -> l.startsWith("model name"))
          .map(l -> l.substring(l.indexOf(':') + 1).trim())
          .findFirst()
          .orElse("unknown CPU");
    } catch (IOException e) {
      return "unknown CPU";
    }
  }

  private static String memory() {
    try {
      return Files.readAllLines(Path.of("/proc/meminfo")).stream()
          .filter(l -> l.startsWith("MemTotal"))
          .map(l -> Long.parseLong(l.replaceAll("\\D", "")) / 1024 / 1024 + " GiB RAM")
          .findFirst()
          .orElse("");
    } catch (IOException e) {
      return "";
    }
  }

  private static String pgbench(BenchConfig config) {
    var version =
        Commands.run(Duration.ofSeconds(10), List.of(config.workload().pgbench(), "--version"));
    return version.ok() ? version.output().strip() : "pgbench (version unknown)";
  }

  private static String postgres(BenchConfig config) {
    try (var c =
            DriverManager.getConnection(
                config.adminJdbcUrl(), config.dbUser(), config.dbPassword());
        var s = c.createStatement();
        ResultSet r = s.executeQuery("select version(), current_setting('synchronous_commit')")) {
      r.next();
      return r.getString(1) + ", synchronous_commit=" + r.getString(2);
    } catch (SQLException e) {
      return "unknown (" + e.getMessage() + ")";
    }
  }
}
