package dev.outbox.testing.services;

import dev.outbox.config.AmqpConnections;
import dev.outbox.testing.tls.IssuedCertificate;
import dev.outbox.testing.tls.TestCa;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;

/**
 * A RabbitMQ node of the test's own, run as user rabbitmq: its own node name, AMQP and distribution
 * ports, database and log directories and rabbitmq.conf, listening on 127.0.0.1 (plain AMQP, for
 * the test's own setup) and, with {@link #withTls}, a TLS listener with a server certificate of a
 * {@link TestCa}. The shared broker is never touched. {@link #close()} stops it (a JVM that exits
 * first stops it too); its files go with the {@link ServiceDirectory}.
 */
public final class PrivateRabbitMq implements AutoCloseable {

  private static final Duration START = Duration.ofSeconds(120);
  private static final AtomicInteger NODES = new AtomicInteger();
  private static final String USER = "rabbitmq";

  private final ServiceDirectory dir;
  private final Path home;
  private final String node =
      "outbox-test-" + ProcessHandle.current().pid() + "-" + NODES.incrementAndGet() + "@localhost";
  private final int port = FreePorts.next();
  private final int distributionPort = FreePorts.next();
  private final int tlsPort = FreePorts.next();
  private final List<String> config = new ArrayList<>();
  private final Thread stopAtExit = new Thread(this::stop, "private-rabbitmq-stop");
  private boolean running;
  private boolean stopsAtExit;

  private PrivateRabbitMq(ServiceDirectory dir) {
    this.dir = dir;
    this.home = dir.ownedDirectory("rabbitmq", USER);
    config.add("listeners.tcp.local = 127.0.0.1:" + port);
    config.add("disk_free_limit.absolute = 50MB");
  }

  /** A node in {@code dir} (not started). */
  public static PrivateRabbitMq create(ServiceDirectory dir) {
    return new PrivateRabbitMq(dir);
  }

  /**
   * A TLS listener on {@link #tlsPort()} of each of {@code addresses} (127.0.0.1 and, say, a
   * loopback address the certificate does not name) with {@code server}'s certificate; clients show
   * none.
   */
  public PrivateRabbitMq withTls(TestCa ca, IssuedCertificate server, String... addresses) {
    Path tls = home.resolve("tls");
    try {
      Files.createDirectories(tls);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    config.add("ssl_options.cacertfile = " + dir.ownedCopy(ca.certificate(), tls, USER));
    config.add("ssl_options.certfile = " + dir.ownedCopy(server.certificate(), tls, USER));
    config.add("ssl_options.keyfile = " + dir.ownedCopy(server.key(), tls, USER));
    config.add("ssl_options.verify = verify_none");
    config.add("ssl_options.fail_if_no_peer_cert = false");
    for (int i = 0; i < addresses.length; i++) {
      config.add(
          "listeners.ssl."
              + (i == 0 ? "default" : "address" + i)
              + " = "
              + addresses[i]
              + ":"
              + tlsPort);
    }
    return this;
  }

  /** Starts the node detached and returns once it accepts AMQP logins (at most two minutes). */
  public PrivateRabbitMq start() {
    write("rabbitmq.conf", String.join("\n", config) + "\n");
    write("enabled_plugins", "[].\n");
    write("rabbitmq-env.conf", "# a private test node: nothing from /etc/rabbitmq\n");
    Commands.run(Duration.ofSeconds(10), List.of("chown", "-R", USER + ":" + USER, home.toString()))
        .orThrow();
    running = true;
    if (!stopsAtExit) {
      Runtime.getRuntime().addShutdownHook(stopAtExit);
      stopsAtExit = true;
    }
    asRabbitMq(Duration.ofSeconds(30), "rabbitmq-server", "-detached").orThrow();
    awaitLogins();
    return this;
  }

  private void awaitLogins() {
    try {
      Awaitility.await("RabbitMQ node " + node + " accepting logins on 127.0.0.1:" + port)
          .atMost(START)
          .pollInterval(Duration.ofMillis(500))
          .ignoreExceptions()
          .until(this::acceptsLogin);
    } catch (ConditionTimeoutException e) {
      throw new IllegalStateException(e.getMessage() + "; its log ends:\n" + logTail(), e);
    }
  }

  /**
   * {@code rabbitmqctl stop_app}: the broker application stops (connections closed, listeners
   * down), the node and its durable queues stay; {@link #startApp()} brings it back.
   */
  public void stopApp() {
    ctl(Duration.ofSeconds(60), "stop_app").orThrow();
  }

  /** {@code rabbitmqctl start_app}; returns once it accepts AMQP logins again. */
  public void startApp() {
    ctl(Duration.ofSeconds(60), "start_app").orThrow();
    Awaitility.await("RabbitMQ node " + node + " accepting logins again")
        .atMost(START)
        .pollInterval(Duration.ofMillis(200))
        .ignoreExceptions()
        .until(this::acceptsLogin);
  }

  public int port() {
    return port;
  }

  /** The Erlang node name, {@code outbox-test-<pid>-<n>@localhost}. */
  public String nodeName() {
    return node;
  }

  /**
   * Makes this running node a member of {@code seed}'s cluster ({@code stop_app}, {@code
   * join_cluster}, {@code start_app}); both nodes share the rabbitmq user's Erlang cookie.
   */
  public PrivateRabbitMq joinCluster(PrivateRabbitMq seed) {
    ctl(Duration.ofSeconds(60), "stop_app").orThrow();
    ctl(Duration.ofSeconds(60), "join_cluster", seed.node).orThrow();
    ctl(Duration.ofSeconds(120), "start_app").orThrow();
    awaitLogins();
    return this;
  }

  /**
   * SIGKILL of the node's Erlang VM, as a crash would end it; {@link #start()} brings it back with
   * its data, and back into its cluster.
   */
  public void kill() {
    long pid =
        Long.parseLong(
            ctl(Duration.ofSeconds(30), "eval", "os:getpid().")
                .orThrow()
                .output()
                .replaceAll("\\D", ""));
    ProcessHandle.of(pid)
        .ifPresent(
            vm -> {
              vm.destroyForcibly();
              vm.onExit().join();
            });
    synchronized (this) {
      running = false;
    }
  }

  /** {@code rabbitmqctl -q -n <node> <args>}'s output, for what a test reads off the cluster. */
  public String rabbitmqctl(String... args) {
    return ctl(Duration.ofSeconds(60), args).orThrow().output();
  }

  public int tlsPort() {
    return tlsPort;
  }

  /** Plain AMQP to 127.0.0.1 as guest (allowed on loopback), for the test's own setup. */
  public String amqpUri() {
    return "amqp://guest:guest@127.0.0.1:" + port + "/";
  }

  /** TLS to {@code host}'s listener as guest: {@code amqps://guest:guest@host:tlsPort/}. */
  public String amqpsUri(String host) {
    return "amqps://guest:guest@" + host + ":" + tlsPort + "/";
  }

  /** Stops the node ({@code rabbitmqctl stop}; killed if it does not go). */
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
    if (!running) {
      return;
    }
    Commands.Result pid = ctl(Duration.ofSeconds(30), "eval", "os:getpid().");
    if (!ctl(Duration.ofSeconds(60), "stop").ok() && pid.ok()) {
      ProcessHandle.of(Long.parseLong(pid.output().replaceAll("\\D", "")))
          .ifPresent(ProcessHandle::destroyForcibly);
    }
    running = false;
  }

  private boolean acceptsLogin() throws Exception {
    AmqpConnections.parse(amqpUri()).open("private-rabbitmq-probe").close();
    return true;
  }

  private Commands.Result ctl(Duration timeout, String... args) {
    List<String> command = new ArrayList<>(List.of("rabbitmqctl", "-q", "-n", node));
    command.addAll(List.of(args));
    return asRabbitMq(timeout, command.toArray(String[]::new));
  }

  private Commands.Result asRabbitMq(Duration timeout, String... command) {
    return Commands.run(timeout, Commands.asUser(USER, environment(), List.of(command)));
  }

  private Map<String, String> environment() {
    Map<String, String> env = new LinkedHashMap<>();
    env.put("HOME", "/var/lib/rabbitmq"); // the Erlang cookie the CLI shares with the node
    env.put("RABBITMQ_NODENAME", node);
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

  private String logTail() {
    try {
      List<String> lines = Files.readAllLines(home.resolve("log").resolve(node + ".log"));
      return String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size()));
    } catch (IOException e) {
      return "(no log: " + e + ")";
    }
  }

  private void write(String name, String text) {
    try {
      Files.writeString(home.resolve(name), text);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
