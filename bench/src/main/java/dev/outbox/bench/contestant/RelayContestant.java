package dev.outbox.bench.contestant;

import com.rabbitmq.client.BuiltinExchangeType;
import com.rabbitmq.client.Channel;
import dev.outbox.bench.BenchConfig;
import dev.outbox.bench.BenchDatabase;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Our relay (module cdc-relay), configured only through its environment, as in production. */
public final class RelayContestant implements Contestant {

  private final BenchConfig config;

  public RelayContestant(BenchConfig config) {
    this.config = config;
  }

  @Override
  public String name() {
    return "relay";
  }

  @Override
  public String description() {
    return "cdc-relay (embedded Debezium engine, pgoutput) run as `dev.outbox.relay.RelayMain`"
        + (config.relayJavaOpts().isBlank()
            ? ""
            : " with `" + String.join(" ", JavaOpts.split(config.relayJavaOpts())) + "`")
        + (config.relayEnv().isEmpty() ? "" : ", environment " + config.relayEnv());
  }

  /** As the relay's RabbitTopology does: unroutable messages go to a durable queue. */
  @Override
  public void declareExchange(Channel channel, String exchange) throws IOException {
    String unroutable = exchange + ".unroutable";
    channel.exchangeDeclare(unroutable, BuiltinExchangeType.FANOUT, true, false, Map.of());
    channel.queueDeclare(unroutable, true, false, false, Map.of());
    channel.queueBind(unroutable, unroutable, "");
    channel.exchangeDeclare(
        exchange, BuiltinExchangeType.TOPIC, true, false, Map.of("alternate-exchange", unroutable));
  }

  @Override
  public boolean marksPublished() {
    return true;
  }

  @Override
  public boolean readsRows() {
    return false;
  }

  @Override
  public ChildJvm launch(BenchDatabase db, String exchange, Path runDir, Path log)
      throws IOException {
    List<String> command = new ArrayList<>(List.of(config.javaBin()));
    command.addAll(JavaOpts.split(config.relayJavaOpts()));
    command.addAll(List.of("-cp", config.relayClasspath(), "dev.outbox.relay.RelayMain"));
    Map<String, String> env = new HashMap<>(config.relayEnv());
    env.putAll(
        Map.of(
            "DATABASE_URL", db.jdbcUrl(),
            "DATABASE_USER", config.dbUser(),
            "DATABASE_PASSWORD", config.dbPassword(),
            "EVENT_BUS_URL", config.amqpUri(),
            "EVENT_BUS_EXCHANGE", exchange,
            "CDC_SLOT_NAME", db.slot(),
            "CDC_PUBLICATION", db.publication()));
    return ChildJvm.launch(command, env, runDir, log);
  }
}
