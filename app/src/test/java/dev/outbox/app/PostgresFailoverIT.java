package dev.outbox.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.rabbitmq.client.Connection;
import dev.outbox.config.AmqpConnections;
import dev.outbox.config.Environment;
import dev.outbox.config.EventExchange;
import dev.outbox.notifier.consume.QueueNames;
import dev.outbox.testing.BrokerObjects;
import dev.outbox.testing.HttpTestClient;
import dev.outbox.testing.TestDatabase;
import dev.outbox.testing.TestServices;
import dev.outbox.testing.services.PrivatePostgres;
import dev.outbox.testing.services.ServiceDirectory;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * A private PostgreSQL primary with a synchronous streaming standby (pg_basebackup on loopback,
 * {@code synchronous_standby_names} = the standby, so a commit returns only once the standby has
 * it); the api, the relay and the notifier as jar processes with one multi-host DATABASE_URL
 * ({@code targetServerType=primary}); users, orders and payments posted without pause. The primary
 * is stopped as a crash would ({@code pg_ctl -m immediate}), the standby promoted, the load goes on
 * until 30 more events are accepted. Then: every request answered 201 has its event on the new
 * primary, every event committed on either side reached a queue bound to the exchange, and each
 * aggregate's events arrived (first arrivals; duplicates are allowed) in commit_seq order, and the
 * notifier sent a welcome email for every user.created and no email twice. The time from the stop
 * to the first delivery of an event written on the new primary is printed (README records it).
 */
class PostgresFailoverIT {

  private static final Duration WAIT = Duration.ofSeconds(120);
  private static final int AFTER_PROMOTION = 30;
  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void the_roles_follow_a_promoted_synchronous_standby_and_every_committed_event_arrives_in_order()
      throws Exception {
    String exchange = TestDatabase.uniqueName("failover_events");
    long began = System.nanoTime();
    Map<String, String> env = new HashMap<>();
    List<JarProcess> processes = new ArrayList<>();
    try (ServiceDirectory dir = ServiceDirectory.create("app-pg-failover");
        PrivatePostgres primary = PrivatePostgres.create(dir).start();
        Connection amqp = AmqpConnections.parse(TestServices.amqpUri()).open("pg-failover-it");
        FakeProviders providers = new FakeProviders(0)) {
      primary.createDatabase("outbox");
      try (PrivatePostgres standby = PrivatePostgres.standbyOf(dir, primary).start()) {
        primary.replicateSynchronouslyTo(standby);
        env.putAll(environment(primary, standby, exchange, providers));
        EventExchange.declare(amqp, exchange);
        try (EventTap tap = EventTap.bind(amqp, exchange, TestDatabase.uniqueName("tap"))) {
          StringBuilder migrated = new StringBuilder();
          assertThat(JarProcess.run(env, migrated, "migrate")).as(migrated.toString()).isZero();
          processes.add(JarProcess.start(env, "relay"));
          processes.add(JarProcess.start(env, "notifier"));
          JarProcess api = JarProcess.start(env, "api");
          processes.add(api);
          await("the api listening")
              .atMost(WAIT)
              .until(() -> api.output().contains("listening on"));
          var status = new StatusQueries(env.get("DATABASE_URL"), "postgres", "");
          await("the relay streaming")
              .atMost(WAIT)
              .until(() -> status.slot(env.get("CDC_SLOT_NAME")).streaming());

          try (OrderLoad load =
              new OrderLoad(new HttpTestClient(Http.port(api.output(), "api listening on ")))
                  .start()) {
            phase(began, "load started");
            await("events delivered before the failover")
                .atMost(WAIT)
                .until(() -> load.accepted().size() >= 30 && tap.eventIds().size() >= 30);

            long stopped = System.nanoTime();
            primary.stopImmediately();
            standby.promote();
            long promoted = System.nanoTime();
            phase(began, "primary stopped, standby promoted");
            await("events accepted after the promotion")
                .atMost(WAIT)
                .until(() -> load.acceptedAfter(promoted) >= AFTER_PROMOTION);
            phase(began, "30 events accepted after the promotion");
            long firstAfter = firstDeliveryOfANewAggregate(promoted, load, tap);
            load.stop();

            Map<String, List<String>> committed = committedByAggregate(env.get("DATABASE_URL"));
            assertThat(load.accepted())
                .as("every 201 has its event on the new primary")
                .allSatisfy(a -> assertThat(committed).containsKey(a.aggregateId()));
            Set<String> events =
                committed.values().stream().flatMap(List::stream).collect(Collectors.toSet());
            await("every committed event delivered")
                .atMost(WAIT)
                .until(() -> tap.eventIds().containsAll(events));
            phase(began, "every committed event delivered");
            assertThat(tap.firstArrivalsByAggregate())
                .as("per aggregate, first arrivals in commit order")
                .containsAllEntriesOf(committed);
            List<String> welcomed = userCreated(env.get("DATABASE_URL"));
            await("a welcome email for every user.created")
                .atMost(WAIT)
                .until(() -> emailsPerEvent(providers).keySet().containsAll(welcomed));
            phase(began, "every welcome email sent");
            assertThat(emailsPerEvent(providers))
                .as("emails per event and handler: each sent once")
                .allSatisfy((event, handlers) -> assertThat(handlers).doesNotHaveDuplicates());
            System.out.printf(
                "PostgresFailoverIT: promotion done %d ms after the primary's stop (pg_ctl -m"
                    + " immediate); first delivery of an event written on the new primary %d ms"
                    + " after the stop; %d requests answered 201 (%d after the promotion), %d"
                    + " failed during the switch; %d events committed, %d arrivals (%d"
                    + " duplicates)%n",
                Duration.ofNanos(promoted - stopped).toMillis(),
                Duration.ofNanos(firstAfter - stopped).toMillis(),
                load.accepted().size(),
                load.acceptedAfter(promoted),
                load.failed(),
                events.size(),
                tap.arrivals().size(),
                tap.arrivals().size() - tap.eventIds().size());
            assertThat(slotLosses(env.get("DATABASE_URL"), env.get("CDC_SLOT_NAME")))
                .as("the relay went through the slot-loss path on the promoted standby")
                .contains("missing/recovered");
          }
        } catch (Throwable failure) {
          throw new AssertionError(failure.getMessage() + JarProcess.lastLines(processes), failure);
        } finally {
          processes.forEach(JarProcess::close);
        }
      }
    } finally {
      try (Connection cleanup = AmqpConnections.parse(TestServices.amqpUri()).open("cleanup")) {
        declared(env, exchange).delete(cleanup);
      }
    }
  }

  private static void phase(long began, String what) {
    System.out.printf(
        "PostgresFailoverIT +%d ms: %s%n",
        Duration.ofNanos(System.nanoTime() - began).toMillis(), what);
  }

  /**
   * When the first event of an aggregate created after {@code promoted} (all of its events accepted
   * after it: written on the new primary) arrived.
   */
  private static long firstDeliveryOfANewAggregate(long promoted, OrderLoad load, EventTap tap) {
    Map<String, Boolean> allAfter = new HashMap<>();
    load.accepted()
        .forEach(a -> allAfter.merge(a.aggregateId(), a.nanos() > promoted, Boolean::logicalAnd));
    return await("a delivery of an aggregate created after the promotion")
        .atMost(WAIT)
        .until(
            () ->
                tap.arrivals().stream()
                    .filter(a -> allAfter.getOrDefault(a.aggregateId(), false))
                    .mapToLong(EventTap.Arrival::nanos)
                    .min(),
            found -> found.isPresent())
        .getAsLong();
  }

  /** Every outbox event on the (new) primary: per aggregate, its ids in commit_seq order. */
  private static Map<String, List<String>> committedByAggregate(String url) throws Exception {
    Map<String, List<String>> byAggregate = new LinkedHashMap<>();
    try (var c = DriverManager.getConnection(url, "postgres", "");
        ResultSet rs =
            c.createStatement()
                .executeQuery(
                    "SELECT id::text, aggregate_id FROM outbox_events ORDER BY commit_seq")) {
      while (rs.next()) {
        byAggregate.computeIfAbsent(rs.getString(2), k -> new ArrayList<>()).add(rs.getString(1));
      }
    }
    return byAggregate;
  }

  private static List<String> userCreated(String url) throws Exception {
    List<String> ids = new ArrayList<>();
    try (var c = DriverManager.getConnection(url, "postgres", "");
        ResultSet rs =
            c.createStatement()
                .executeQuery(
                    "SELECT id::text FROM outbox_events WHERE event_type = 'user.created'")) {
      while (rs.next()) {
        ids.add(rs.getString(1));
      }
    }
    return ids;
  }

  /** The handlers of the emails sent for each event (SendGrid's custom_args name both). */
  private static Map<String, List<String>> emailsPerEvent(FakeProviders providers)
      throws Exception {
    Map<String, List<String>> handlers = new HashMap<>();
    for (FakeProviders.Request email : providers.emails()) {
      JsonNode args = JSON.readTree(email.body()).path("custom_args");
      handlers
          .computeIfAbsent(args.path("event_id").asText(), k -> new ArrayList<>())
          .add(args.path("handler").asText());
    }
    return handlers;
  }

  private static List<String> slotLosses(String url, String slot) throws Exception {
    List<String> losses = new ArrayList<>();
    try (var c = DriverManager.getConnection(url, "postgres", "");
        var query =
            c.prepareStatement(
                "SELECT lower(cause) || '/' || lower(action) FROM relay_slot_losses"
                    + " WHERE slot_name = ? ORDER BY id")) {
      query.setString(1, slot);
      try (ResultSet rs = query.executeQuery()) {
        while (rs.next()) {
          losses.add(rs.getString(1));
        }
      }
    }
    return losses;
  }

  private static Map<String, String> environment(
      PrivatePostgres primary, PrivatePostgres standby, String exchange, FakeProviders providers) {
    Map<String, String> env = new HashMap<>(SecretFilesIT.providerSettings(providers));
    env.put("SENDGRID_API_KEY", "SG.failover-it-key");
    env.put("TWILIO_AUTH_TOKEN", "failover-it-token");
    env.put(
        "DATABASE_URL",
        "jdbc:postgresql://127.0.0.1:"
            + primary.port()
            + ",127.0.0.1:"
            + standby.port()
            + "/outbox?targetServerType=primary&connectTimeout=2&hostRecheckSeconds=1");
    env.put("DATABASE_USER", "postgres");
    env.put("EVENT_BUS_URL", TestServices.amqpUri());
    env.put("EVENT_BUS_EXCHANGE", exchange);
    env.put("CDC_SLOT_NAME", TestDatabase.uniqueName("failover_slot"));
    env.put("CDC_SLOT_LOSS", "recover");
    env.put("CDC_HEARTBEAT_INTERVAL", "500ms");
    env.put("NOTIFIER_QUEUE", TestDatabase.uniqueName("failover_notifications"));
    env.put("NOTIFIER_ANALYTICS_QUEUE", TestDatabase.uniqueName("failover_analytics"));
    env.put("EMAIL_VERIFICATION_SECRET", TestEnv.SECRET);
    env.put("HTTP_PORT", "0");
    env.put("METRICS_PORT", "0");
    return env;
  }

  /** What the roles declared on the shared broker, deleted at the end. */
  private static BrokerObjects declared(Map<String, String> env, String exchange) {
    BrokerObjects declared = new BrokerObjects().eventExchange(exchange);
    if (env.containsKey("NOTIFIER_QUEUE")) {
      var config = new Settings(Environment.of(env)).notifierQueues();
      for (String q : List.of(env.get("NOTIFIER_QUEUE"), env.get("NOTIFIER_ANALYTICS_QUEUE"))) {
        declared.queue(q, QueueNames.deadLetter(q), QueueNames.parked(q));
        config.consumer().retryDelays().forEach(d -> declared.queue(QueueNames.retry(q, d)));
      }
    }
    return declared;
  }
}
