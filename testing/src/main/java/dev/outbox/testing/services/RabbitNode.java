package dev.outbox.testing.services;

import dev.outbox.config.process.Commands;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * What makes a {@link PrivateRabbitMq} node its own: its Erlang node name, its ports and
 * directories, the environment the server and the CLI tools get so that they find them (and nothing
 * from /etc/rabbitmq), and the commands run as user rabbitmq with that environment.
 */
final class RabbitNode {

  static final String USER = "rabbitmq";
  private static final AtomicInteger NODES = new AtomicInteger();

  final Path home;
  final String name =
      "outbox-test-" + ProcessHandle.current().pid() + "-" + NODES.incrementAndGet() + "@localhost";
  final int port = FreePorts.next();
  final int distributionPort = FreePorts.next();
  final int tlsPort = FreePorts.next();

  RabbitNode(Path home) {
    this.home = home;
  }

  /** {@code rabbitmqctl -q -n <node> <args>}. */
  Commands.Result ctl(Duration timeout, String... args) {
    List<String> command = new ArrayList<>(List.of("rabbitmqctl", "-q", "-n", name));
    command.addAll(List.of(args));
    return run(timeout, command.toArray(String[]::new));
  }

  /** The Erlang VM's operating-system process id, as the node itself reports it. */
  Commands.Result pid() {
    return ctl(Duration.ofSeconds(30), "eval", "os:getpid().");
  }

  static long pidOf(Commands.Result pid) {
    return Long.parseLong(pid.output().replaceAll("\\D", ""));
  }

  Commands.Result run(Duration timeout, String... command) {
    return Commands.run(timeout, Commands.asUser(USER, environment(), List.of(command)));
  }

  private Map<String, String> environment() {
    Map<String, String> env = new LinkedHashMap<>();
    env.put("HOME", "/var/lib/rabbitmq"); // the Erlang cookie the CLI shares with the node
    env.put("RABBITMQ_NODENAME", name);
    env.put("RABBITMQ_NODE_IP_ADDRESS", "127.0.0.1");
    env.put("RABBITMQ_NODE_PORT", String.valueOf(port));
    env.put("RABBITMQ_DIST_PORT", String.valueOf(distributionPort));
    env.put("RABBITMQ_MNESIA_BASE", home.resolve("mnesia").toString());
    env.put("RABBITMQ_LOG_BASE", home.resolve("log").toString());
    env.put("RABBITMQ_CONFIG_FILE", home.resolve("rabbitmq.conf").toString());
    env.put("RABBITMQ_CONF_ENV_FILE", home.resolve("rabbitmq-env.conf").toString());
    env.put("RABBITMQ_ENABLED_PLUGINS_FILE", home.resolve("enabled_plugins").toString());
    env.put("ERL_EPMD_ADDRESS", "127.0.0.1");
    env.put("ERL_FLAGS", "-kernel inet_dist_use_interface {127,0,0,1}");
    return env;
  }

  /** The last 30 lines of the node's log, for an error message. */
  String logTail() {
    try {
      List<String> lines = Files.readAllLines(home.resolve("log").resolve(name + ".log"));
      return String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size()));
    } catch (IOException e) {
      return "(no log: " + e + ")";
    }
  }
}
