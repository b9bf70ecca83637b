package dev.outbox.bench.contestant;

import dev.outbox.bench.BenchConfig;
import dev.outbox.bench.BenchDatabase;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Debezium Server 3.6.1.Final from its distribution: the Postgres source (pgoutput, the database's
 * own publication and a slot of its own), the Outbox Event Router and the RabbitMQ sink with
 * publisher confirms. Everything else at its defaults, except {@code poll.interval.ms} when tuned.
 */
public final class DebeziumServerContestant implements Contestant {

  private final BenchConfig config;
  private final String name;
  private final Integer pollIntervalMs;

  /** {@code pollIntervalMs} null keeps the connector's default (500 ms). */
  public DebeziumServerContestant(BenchConfig config, String name, Integer pollIntervalMs) {
    this.config = config;
    this.name = name;
    this.pollIntervalMs = pollIntervalMs;
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public String description() {
    return "Debezium Server 3.6.1.Final, RabbitMQ sink + outbox router, "
        + (pollIntervalMs == null ? "defaults" : "poll.interval.ms=" + pollIntervalMs);
  }

  @Override
  public boolean marksPublished() {
    return false;
  }

  @Override
  public boolean readsRows() {
    return false;
  }

  @Override
  public ChildJvm launch(BenchDatabase db, String exchange, Path runDir, Path log)
      throws IOException {
    Path configDir = Files.createDirectories(runDir.resolve("config"));
    Files.writeString(
        configDir.resolve("application.properties"), properties(db, exchange, runDir));
    Path home = config.launch().debeziumHome().toAbsolutePath();
    String classpath =
        String.join(
            ":",
            home.resolve("debezium-server-dist-3.6.1.Final-runner.jar").toString(),
            home.resolve("config/lib").toString(),
            home.resolve("lib").toString() + "/*");
    List<String> command = new ArrayList<>(List.of(config.launch().debeziumJava()));
    command.addAll(JavaOpts.split(config.launch().debeziumJavaOpts()));
    command.addAll(List.of("-cp", classpath, "io.debezium.server.Main"));
    return ChildJvm.launch(command, Map.of(), runDir, log);
  }

  private String properties(BenchDatabase db, String exchange, Path runDir) throws IOException {
    Map<String, String> p = new LinkedHashMap<>();
    p.put("quarkus.http.port", Integer.toString(freePort()));
    p.put("debezium.sink.type", "rabbitmq");
    p.put("debezium.sink.rabbitmq.connection.host", "127.0.0.1");
    p.put("debezium.sink.rabbitmq.connection.port", "5672");
    p.put("debezium.sink.rabbitmq.exchange", exchange);
    p.put("debezium.sink.rabbitmq.routingKey.source", "topic");
    p.put("debezium.format.value.schemas.enable", "false");
    p.put("debezium.format.key.schemas.enable", "false");
    p.put("debezium.source.connector.class", "io.debezium.connector.postgresql.PostgresConnector");
    p.put("debezium.source.offset.storage.file.filename", runDir.resolve("offsets.dat").toString());
    p.put("debezium.source.database.hostname", "127.0.0.1");
    p.put("debezium.source.database.port", "5432");
    p.put("debezium.source.database.user", config.dbUser());
    p.put("debezium.source.database.password", config.dbPassword());
    p.put("debezium.source.database.dbname", db.name());
    p.put("debezium.source.topic.prefix", "bench");
    p.put("debezium.source.plugin.name", "pgoutput");
    p.put("debezium.source.slot.name", db.slot());
    p.put("debezium.source.publication.name", db.publication());
    p.put("debezium.source.publication.autocreate.mode", "disabled");
    p.put("debezium.source.table.include.list", "public.outbox_events");
    p.put("debezium.source.snapshot.mode", "no_data");
    if (pollIntervalMs != null) {
      p.put("debezium.source.poll.interval.ms", pollIntervalMs.toString());
    }
    p.put("debezium.transforms", "outbox");
    p.put("debezium.transforms.outbox.type", "io.debezium.transforms.outbox.EventRouter");
    p.put("debezium.transforms.outbox.table.field.event.key", "aggregate_id");
    p.put("debezium.transforms.outbox.route.by.field", "event_type");
    return p.entrySet().stream()
        .map(e -> e.getKey() + "=" + e.getValue())
        .collect(Collectors.joining("\n", "", "\n"));
  }

  private static int freePort() throws IOException {
    try (var socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
