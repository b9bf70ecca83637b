package dev.outbox.bench.contestant;

import com.rabbitmq.client.Channel;
import dev.outbox.bench.BenchConfig;
import dev.outbox.bench.BenchDatabase;
import dev.outbox.config.EventExchange;
import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeoutException;

/**
 * Our relay (module cdc-relay) as the README runs it, {@code java <options> -jar outbox.jar relay},
 * configured only through its environment, as in production: the database, slot, publication and
 * exchange of the run, no metrics endpoint (the harness measures the process from outside), the
 * rest at its defaults unless the harness's environment or BENCH_RELAY_ENV sets them.
 */
public final class RelayContestant implements Contestant {

  private final BenchConfig config;
  private final OutboxJar jar;

  public RelayContestant(BenchConfig config) {
    this.config = config;
    this.jar = new OutboxJar(config.launch());
  }

  @Override
  public String name() {
    return "relay";
  }

  @Override
  public String description() {
    Launch launch = config.launch();
    return "cdc-relay (embedded Debezium engine, pgoutput) run as `java -jar outbox.jar relay`"
        + (launch.relayJavaOpts().isBlank()
            ? ""
            : " with `" + String.join(" ", JavaOpts.split(launch.relayJavaOpts())) + "`")
        + (launch.relayEnv().isEmpty() ? "" : ", environment " + launch.relayEnv());
  }

  /** As the relay declares it (the one declaration of the config module). */
  @Override
  public void declareExchange(Channel channel, String exchange) throws IOException {
    try {
      EventExchange.declare(channel.getConnection(), exchange);
    } catch (TimeoutException e) {
      throw new IOException("declaring " + exchange + " timed out", e);
    }
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
    List<String> command =
        jar.commandLine(JavaOpts.split(config.launch().relayJavaOpts()), "relay");
    // The database user and password and EVENT_BUS_URL are the harness's own: inherited.
    Map<String, String> env = new HashMap<>(Map.of("METRICS_PORT", "0"));
    env.putAll(config.launch().relayEnv());
    env.putAll(
        Map.of(
            "DATABASE_URL", db.jdbcUrl(),
            "EVENT_BUS_EXCHANGE", exchange,
            "CDC_SLOT_NAME", db.slot(),
            "CDC_PUBLICATION", db.publication()));
    return ChildJvm.launch(command, env, runDir, log);
  }
}
