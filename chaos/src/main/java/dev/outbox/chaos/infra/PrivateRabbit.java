package dev.outbox.chaos.infra;

import dev.outbox.config.process.Commands;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;

/**
 * A RabbitMQ node of the run's own (its own node name, ports, database and log directories and
 * configuration file, run as user rabbitmq), which the suite may stop, restart or SIGKILL; the
 * shared broker on 5672 is never touched.
 */
public final class PrivateRabbit implements AutoCloseable {

  private static final Duration START = Duration.ofSeconds(120);

  private final Map<String, String> env;
  private final String node;
  private final int port;
  private final Path logDir;
  private final Path keptLog;
  private final Path commandLog;

  private PrivateRabbit(Map<String, String> env, String node, int port, Path logDir, Path keptLog) {
    this.env = env;
    this.node = node;
    this.port = port;
    this.logDir = logDir;
    this.keptLog = keptLog;
    this.commandLog = keptLog.resolveSibling("rabbitmq-commands.log");
  }

  public static PrivateRabbit create(Workspace ws) throws IOException {
    Path home = ws.ownedDirectory("rabbit", "rabbitmq");
    Path logDir = ws.ownedDirectory("rabbit/log", "rabbitmq");
    int port = Ports.freeBetween(30_000, 40_000);
    int distPort = Ports.freeBetween(40_000, 45_000);
    String node = "chaos-" + ProcessHandle.current().pid() + "@localhost";
    Files.writeString(
        home.resolve("rabbitmq.conf"),
        "listeners.tcp.local = 127.0.0.1:" + port + "\ndisk_free_limit.absolute = 50MB\n");
    Files.writeString(home.resolve("enabled_plugins"), "[].\n");
    Files.writeString(home.resolve("rabbitmq-env.conf"), "# chaos suite: nothing from /etc\n");
    Map<String, String> env = new LinkedHashMap<>();
    env.put("HOME", "/var/lib/rabbitmq"); // the Erlang cookie the CLI shares with the node
    env.put("RABBITMQ_NODENAME", node);
    env.put("RABBITMQ_NODE_IP_ADDRESS", "127.0.0.1");
    env.put("RABBITMQ_NODE_PORT", String.valueOf(port));
    env.put("RABBITMQ_DIST_PORT", String.valueOf(distPort));
    env.put("RABBITMQ_MNESIA_BASE", Files.createDirectories(home.resolve("mnesia")).toString());
    env.put("RABBITMQ_LOG_BASE", logDir.toString());
    env.put("RABBITMQ_CONFIG_FILE", home.resolve("rabbitmq.conf").toString());
    env.put("RABBITMQ_CONF_ENV_FILE", home.resolve("rabbitmq-env.conf").toString());
    env.put("RABBITMQ_ENABLED_PLUGINS_FILE", home.resolve("enabled_plugins").toString());
    env.put("ERL_EPMD_ADDRESS", "127.0.0.1");
    env.put("ERL_FLAGS", "-kernel inet_dist_use_interface {127,0,0,1}");
    Commands.run(
        Duration.ofSeconds(10), List.of("chown", "-R", "rabbitmq:rabbitmq", home.toString()));
    PrivateRabbit rabbit = new PrivateRabbit(env, node, port, logDir, ws.log("rabbitmq"));
    ws.teardown().addCommand(rabbit.command("rabbitmqctl", "-q", "-n", node, "stop"));
    return rabbit;
  }

  public String amqpUri() {
    return "amqp://guest:guest@127.0.0.1:" + port + "/";
  }

  /** Starts the node (detached) and waits until it accepts work. */
  public void start() {
    record(
            "rabbitmq-server -detached",
            Commands.run(Duration.ofSeconds(30), command("rabbitmq-server", "-detached")))
        .orThrow();
    awaitStartup();
  }

  /** A graceful restart of the broker application: connections closed, queues persisted. */
  public void stopApp() {
    ctl("stop_app").orThrow();
  }

  public void startApp() {
    ctl("start_app").orThrow();
    awaitStartup();
  }

  /** SIGKILLs the node's Erlang VM and waits until it is gone. */
  public void kill() {
    long pid = Long.parseLong(ctl("eval", "os:getpid().").orThrow().output().replaceAll("\\D", ""));
    Optional<ProcessHandle> beam = ProcessHandle.of(pid);
    beam.ifPresent(ProcessHandle::destroyForcibly);
    beam.ifPresent(p -> p.onExit().join());
  }

  private void awaitStartup() {
    AtomicReference<Commands.Result> last = new AtomicReference<>();
    try {
      // await_startup fails at once while the node is not registered yet: ask again until it is
      Awaitility.await("RabbitMQ node " + node + " started")
          .atMost(START)
          .pollDelay(Duration.ZERO)
          .pollInterval(Duration.ofSeconds(1))
          .until(
              () ->
                  record(
                          "await_startup",
                          last.updateAndGet(r -> ctl("await_startup", "--timeout", "20")))
                      .ok());
    } catch (ConditionTimeoutException e) {
      Commands.Result result = last.get();
      throw new IllegalStateException(
          "RabbitMQ node "
              + node
              + " did not start within "
              + START.toSeconds()
              + " s"
              + (result == null ? "" : "; rabbitmqctl said: " + result.output().strip()),
          e);
    }
  }

  /** Keeps what a node command printed in the run's logs (the node's own log may not exist). */
  private Commands.Result record(String what, Commands.Result result) {
    try {
      Files.writeString(
          commandLog,
          Instant.now() + " " + what + ": exit " + result.exit() + "\n" + result.output(),
          StandardOpenOption.CREATE,
          StandardOpenOption.APPEND);
    } catch (IOException e) {
      // diagnostics only
    }
    return result;
  }

  private Commands.Result ctl(String... args) {
    List<String> command = new ArrayList<>(List.of("rabbitmqctl", "-q", "-n", node));
    command.addAll(List.of(args));
    // 60 s was too short for stop_app at a load average of 50 (run 20261201T124912Z).
    return Commands.run(Duration.ofSeconds(180), command(command.toArray(String[]::new)));
  }

  private List<String> command(String... command) {
    return Commands.asUser("rabbitmq", env, List.of(command));
  }

  /** Stops the node (SIGKILL if it does not stop) and keeps its log with the run's other logs. */
  @Override
  public void close() throws IOException {
    if (!record("stop", ctl("stop")).ok() && ctl("eval", "os:getpid().").ok()) {
      kill();
    }
    Path log = logDir.resolve(node + ".log");
    if (Files.exists(log)) {
      Files.copy(log, keptLog, StandardCopyOption.REPLACE_EXISTING);
    }
  }
}
