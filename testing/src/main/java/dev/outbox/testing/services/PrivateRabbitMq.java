package dev.outbox.testing.services;

import dev.outbox.config.AmqpConnections;
import dev.outbox.config.process.Commands;
import dev.outbox.testing.tls.IssuedCertificate;
import dev.outbox.testing.tls.TestCa;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
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

  private final ServiceDirectory dir;
  private final Path home;
  private final RabbitNode node;
  private final List<String> config = new ArrayList<>();
  private final Thread stopAtExit = new Thread(this::stop, "private-rabbitmq-stop");
  private boolean running;
  private boolean stopsAtExit;

  private PrivateRabbitMq(ServiceDirectory dir) {
    this.dir = dir;
    this.home = dir.ownedDirectory("rabbitmq", RabbitNode.USER);
    this.node = new RabbitNode(home);
    config.add("listeners.tcp.local = 127.0.0.1:" + node.port);
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
    config.add("ssl_options.cacertfile = " + dir.ownedCopy(ca.certificate(), tls, RabbitNode.USER));
    config.add(
        "ssl_options.certfile = " + dir.ownedCopy(server.certificate(), tls, RabbitNode.USER));
    config.add("ssl_options.keyfile = " + dir.ownedCopy(server.key(), tls, RabbitNode.USER));
    config.add("ssl_options.verify = verify_none");
    config.add("ssl_options.fail_if_no_peer_cert = false");
    for (int i = 0; i < addresses.length; i++) {
      config.add(
          "listeners.ssl."
              + (i == 0 ? "default" : "address" + i)
              + " = "
              + addresses[i]
              + ":"
              + node.tlsPort);
    }
    return this;
  }

  /** Starts the node detached and returns once it accepts AMQP logins (at most two minutes). */
  public PrivateRabbitMq start() {
    write("rabbitmq.conf", String.join("\n", config) + "\n");
    write("enabled_plugins", "[].\n");
    write("rabbitmq-env.conf", "# a private test node: nothing from /etc/rabbitmq\n");
    Commands.run(
            Duration.ofSeconds(10),
            List.of("chown", "-R", RabbitNode.USER + ":" + RabbitNode.USER, home.toString()))
        .orThrow();
    running = true;
    if (!stopsAtExit) {
      Runtime.getRuntime().addShutdownHook(stopAtExit);
      stopsAtExit = true;
    }
    node.run(Duration.ofSeconds(30), "rabbitmq-server", "-detached").orThrow();
    awaitLogins();
    return this;
  }

  private void awaitLogins() {
    try {
      Awaitility.await("RabbitMQ node " + node.name + " accepting logins on 127.0.0.1:" + node.port)
          .atMost(START)
          .pollInterval(Duration.ofMillis(500))
          .ignoreExceptions()
          .until(this::acceptsLogin);
    } catch (ConditionTimeoutException e) {
      throw new IllegalStateException(e.getMessage() + "; its log ends:\n" + node.logTail(), e);
    }
  }

  /**
   * {@code rabbitmqctl stop_app}: the broker application stops (connections closed, listeners
   * down), the node and its durable queues stay; {@link #startApp()} brings it back.
   */
  public void stopApp() {
    node.ctl(Duration.ofSeconds(60), "stop_app").orThrow();
  }

  /** {@code rabbitmqctl start_app}; returns once it accepts AMQP logins again. */
  public void startApp() {
    node.ctl(Duration.ofSeconds(60), "start_app").orThrow();
    Awaitility.await("RabbitMQ node " + node.name + " accepting logins again")
        .atMost(START)
        .pollInterval(Duration.ofMillis(200))
        .ignoreExceptions()
        .until(this::acceptsLogin);
  }

  public int port() {
    return node.port;
  }

  /** The Erlang node name, {@code outbox-test-<pid>-<n>@localhost}. */
  public String nodeName() {
    return node.name;
  }

  /**
   * Makes this running node a member of {@code seed}'s cluster ({@code stop_app}, {@code
   * join_cluster}, {@code start_app}); both nodes share the rabbitmq user's Erlang cookie.
   */
  public PrivateRabbitMq joinCluster(PrivateRabbitMq seed) {
    node.ctl(Duration.ofSeconds(60), "stop_app").orThrow();
    node.ctl(Duration.ofSeconds(60), "join_cluster", seed.node.name).orThrow();
    node.ctl(Duration.ofSeconds(120), "start_app").orThrow();
    awaitLogins();
    return this;
  }

  /**
   * SIGKILL of the node's Erlang VM, as a crash would end it; {@link #start()} brings it back with
   * its data, and back into its cluster.
   */
  public void kill() {
    long pid = RabbitNode.pidOf(node.pid().orThrow());
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
    return node.ctl(Duration.ofSeconds(60), args).orThrow().output();
  }

  public int tlsPort() {
    return node.tlsPort;
  }

  /** Plain AMQP to 127.0.0.1 as guest (allowed on loopback), for the test's own setup. */
  public String amqpUri() {
    return "amqp://guest:guest@127.0.0.1:" + node.port + "/";
  }

  /** TLS to {@code host}'s listener as guest: {@code amqps://guest:guest@host:tlsPort/}. */
  public String amqpsUri(String host) {
    return "amqps://guest:guest@" + host + ":" + node.tlsPort + "/";
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
    Commands.Result pid = node.pid();
    if (!node.ctl(Duration.ofSeconds(60), "stop").ok() && pid.ok()) {
      ProcessHandle.of(RabbitNode.pidOf(pid)).ifPresent(ProcessHandle::destroyForcibly);
    }
    running = false;
  }

  private boolean acceptsLogin() throws Exception {
    AmqpConnections.parse(amqpUri()).open("private-rabbitmq-probe").close();
    return true;
  }

  private void write(String name, String text) {
    try {
      Files.writeString(home.resolve(name), text);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
