package dev.outbox.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.outbox.testing.HttpTestClient;
import dev.outbox.testing.TestDatabase;
import dev.outbox.testing.services.PrivateRabbitMq;
import dev.outbox.testing.services.ServiceDirectory;
import java.sql.Connection;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Three RabbitMQ nodes clustered on loopback, the api, the relay and two notifiers as separate jar
 * processes listing all three in EVENT_BUS_URL, users registered at a steady pace: SIGKILL of the
 * node the relay publishes to, then of the leader of the notifier's quorum queue. Every event
 * reaches the exchange and is marked, every welcome email is sent exactly once. How long delivery
 * paused after each kill is printed (RELIABILITY.md records it); it is not asserted.
 */
class RabbitClusterIT {

  private static final Duration WAIT = Duration.ofSeconds(180);

  private static ServiceDirectory dir;
  private static final List<PrivateRabbitMq> nodes = new ArrayList<>();

  @BeforeAll
  static void startCluster() {
    dir = ServiceDirectory.create("rabbit-cluster");
    PrivateRabbitMq seed = PrivateRabbitMq.create(dir).start();
    nodes.add(seed);
    for (int i = 0; i < 2; i++) {
      nodes.add(PrivateRabbitMq.create(dir).start().joinCluster(seed));
    }
  }

  @AfterAll
  static void stopCluster() {
    nodes.forEach(PrivateRabbitMq::close);
    if (dir != null) {
      dir.close();
    }
  }

  @Test
  void a_crashed_node_loses_no_event_and_sends_no_email_twice() throws Exception {
    try (TestDatabase db = TestDatabase.create("app_cluster");
        FakeProviders providers = new FakeProviders(0)) {
      Map<String, String> env = environment(db, providers);
      List<JarProcess> processes = new ArrayList<>();
      try {
        StringBuilder migrated = new StringBuilder();
        assertThat(JarProcess.run(env, migrated, "migrate")).as(migrated.toString()).isZero();
        JarProcess relay = started(processes, env, "relay");
        started(processes, env, "notifier");
        started(processes, env, "notifier");
        JarProcess api = started(processes, env, "api");
        await("the api listening").atMost(WAIT).until(() -> api.output().contains("listening on"));
        var status = new StatusQueries(db.jdbcUrl(), db.user(), db.password());
        await("the relay streaming")
            .atMost(WAIT)
            .until(() -> status.slot(env.get("CDC_SLOT_NAME")).streaming());

        try (Load load =
            new Load(new HttpTestClient(Http.port(api.output(), "api listening on ")))) {
          load.start();
          await().atMost(WAIT).until(() -> sentTo(providers, load.created()) >= 20);

          PrivateRabbitMq relayNode = nodeWithConnection("outbox-relay");
          System.out.println(
              "delivery resumed "
                  + pauseAfterKill(relayNode, load, providers)
                  + " ms after SIGKILL of the relay's node");
          relayNode.start();

          PrivateRabbitMq leader = leaderOf("notifier.notifications");
          System.out.println(
              "delivery resumed "
                  + pauseAfterKill(leader, load, providers)
                  + " ms after SIGKILL of the work queue's leader");
          leader.start();

          await().atMost(WAIT).until(() -> sentTo(providers, load.created()) >= 20 + 40);
          load.stop();
          List<String> created = load.created();
          await("every welcome email")
              .atMost(WAIT)
              .until(() -> sentTo(providers, created) == created.size());

          assertThat(load.serverErrors()).as("5xx answers").isZero();
          Map<String, Long> sends = sendsPerRecipient(providers, created);
          assertThat(created).allSatisfy(email -> assertThat(sends.get(email)).isEqualTo(1L));
          assertThat(unpublished(db)).as("outbox rows without published_at").isZero();
        }
        assertThat(relay.isAlive()).as(relay.output()).isTrue();
      } catch (Throwable failure) {
        String queues;
        try {
          queues =
              nodes
                  .get(live())
                  .rabbitmqctl(
                      "list_queues", "name", "type", "state", "leader", "online", "messages");
        } catch (RuntimeException | AssertionError e) {
          queues = "(no queue listing: " + e.getMessage() + ")";
        }
        throw new AssertionError(
            failure.getMessage() + "\nqueues:\n" + queues + JarProcess.lastLines(processes),
            failure);
      } finally {
        processes.forEach(JarProcess::close);
      }
    }
  }

  private static JarProcess started(
      List<JarProcess> processes, Map<String, String> env, String role) throws Exception {
    JarProcess process = JarProcess.start(env, role);
    processes.add(process);
    return process;
  }

  /** Kills {@code node} and answers how long until an email for a user created later is sent. */
  private static long pauseAfterKill(PrivateRabbitMq node, Load load, FakeProviders providers) {
    long killed = System.nanoTime();
    node.kill();
    int before = load.created().size();
    await("an email for a user registered after the kill")
        .atMost(WAIT)
        .until(
            () -> {
              List<String> created = load.created();
              return created.size() > before
                  && sentTo(providers, created.subList(before, created.size())) > 0;
            });
    return Duration.ofNanos(System.nanoTime() - killed).toMillis();
  }

  private static PrivateRabbitMq nodeWithConnection(String name) {
    String connections =
        nodes.get(live()).rabbitmqctl("list_connections", "port", "client_properties");
    for (String line : connections.lines().toList()) {
      if (line.contains("\"" + name + "\"") || line.contains("<<\"" + name + "\">>")) {
        int port = Integer.parseInt(line.trim().split("\\s+")[0]);
        return nodes.stream().filter(n -> n.port() == port).findFirst().orElseThrow();
      }
    }
    throw new AssertionError("no connection named " + name + " in:\n" + connections);
  }

  private static PrivateRabbitMq leaderOf(String queue) {
    String queues = nodes.get(live()).rabbitmqctl("list_queues", "name", "leader");
    for (String line : queues.lines().toList()) {
      String[] fields = line.trim().split("\\s+");
      if (fields.length == 2 && fields[0].equals(queue)) {
        return nodes.stream()
            .filter(n -> n.nodeName().equals(fields[1]))
            .findFirst()
            .orElseThrow(() -> new AssertionError("leader " + fields[1] + " is no test node"));
      }
    }
    throw new AssertionError("no quorum queue " + queue + " in:\n" + queues);
  }

  /** A node that answers rabbitmqctl: the first one (the others are restarted before use). */
  private static int live() {
    for (int i = 0; i < nodes.size(); i++) {
      try {
        nodes.get(i).rabbitmqctl("status");
        return i;
      } catch (RuntimeException e) {
        // killed and not yet started again
      }
    }
    throw new AssertionError("no running node");
  }

  private static Map<String, String> environment(TestDatabase db, FakeProviders providers) {
    Map<String, String> env = new HashMap<>(SecretFilesIT.providerSettings(providers));
    env.put("SENDGRID_API_KEY", "SG.cluster-it-key");
    env.put("TWILIO_AUTH_TOKEN", "cluster-it-token");
    env.put("DATABASE_URL", db.jdbcUrl());
    env.put("DATABASE_USER", db.user());
    env.put("DATABASE_PASSWORD", db.password());
    env.put(
        "EVENT_BUS_URL",
        nodes.stream().map(PrivateRabbitMq::amqpUri).collect(Collectors.joining(",")));
    env.put("CDC_SLOT_NAME", TestDatabase.uniqueName("app_cluster_slot"));
    env.put("EMAIL_VERIFICATION_SECRET", TestEnv.SECRET);
    env.put("HTTP_PORT", "0");
    env.put("METRICS_PORT", "0");
    return env;
  }

  private static long sentTo(FakeProviders providers, List<String> emails) {
    Map<String, Long> sends = sendsPerRecipient(providers, emails);
    return emails.stream().filter(e -> sends.get(e) > 0).count();
  }

  /** How many emails went to each address (the SendGrid request names it as a JSON string). */
  private static Map<String, Long> sendsPerRecipient(FakeProviders providers, List<String> emails) {
    List<String> bodies = providers.emails().stream().map(FakeProviders.Request::body).toList();
    return emails.stream()
        .collect(
            Collectors.toMap(
                e -> e,
                e -> bodies.stream().filter(b -> b.contains("\"" + e + "\"")).count(),
                (a, b) -> a));
  }

  private static long unpublished(TestDatabase db) throws Exception {
    try (Connection c = db.connect();
        ResultSet rs =
            c.createStatement()
                .executeQuery("select count(*) from outbox_events where published_at is null")) {
      rs.next();
      return rs.getLong(1);
    }
  }

  /** Registers a user every 20 ms on a timer thread; keeps the emails the api accepted. */
  private static final class Load implements AutoCloseable {
    private final HttpTestClient api;
    private final List<String> created = new CopyOnWriteArrayList<>();
    private final AtomicInteger serverErrors = new AtomicInteger();
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();

    Load(HttpTestClient api) {
      this.api = api;
    }

    void start() {
      timer.scheduleAtFixedRate(this::register, 0, 20, TimeUnit.MILLISECONDS);
    }

    private void register() {
      String email = "cluster-" + UUID.randomUUID().toString().substring(0, 12) + "@example.com";
      try {
        HttpTestClient.Response answer = api.postJson("/users", "{\"email\":\"" + email + "\"}");
        if (answer.status() == 201) {
          created.add(email);
        } else if (answer.status() >= 500) {
          serverErrors.incrementAndGet();
        }
      } catch (RuntimeException e) {
        serverErrors.incrementAndGet();
      }
    }

    List<String> created() {
      return List.copyOf(created);
    }

    int serverErrors() {
      return serverErrors.get();
    }

    void stop() throws InterruptedException {
      timer.shutdown();
      if (!timer.awaitTermination(30, TimeUnit.SECONDS)) {
        throw new AssertionError("the load's last request did not end");
      }
    }

    @Override
    public void close() throws InterruptedException {
      stop();
    }
  }
}
