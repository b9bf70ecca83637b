package dev.outbox.relay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.outbox.relay.support.EventWriter;
import dev.outbox.relay.support.ReceivedMessages;
import dev.outbox.relay.support.RelayEnvironment;
import dev.outbox.relay.support.TcpProxy;
import dev.outbox.testing.TestServices;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Outages during a stream: RabbitMQ cut off from the relay by a TCP proxy between them, then back;
 * the replication connection killed by the database.
 */
class OutageIT {

  static RelayEnvironment env;
  static TcpProxy proxy;
  static Relay relay;
  static SimpleMeterRegistry registry = new SimpleMeterRegistry();

  @BeforeAll
  static void start() throws Exception {
    env = new RelayEnvironment("outage");
    URI broker = URI.create(TestServices.amqpUri());
    proxy = new TcpProxy(broker.getHost(), broker.getPort() == -1 ? 5672 : broker.getPort());
    Map<String, String> vars = env.env();
    vars.put(
        "EVENT_BUS_URL",
        broker.getScheme() + "://" + broker.getRawUserInfo() + "@127.0.0.1:" + proxy.port());
    relay = Relay.start(RelayEnvironment.config(vars), env.dataSource, registry);
    assertThat(relay.awaitStreaming(Duration.ofSeconds(60))).isTrue();
  }

  @AfterAll
  static void stop() throws Exception {
    if (relay != null) {
      relay.close();
    }
    if (proxy != null) {
      proxy.close();
    }
    if (env != null) {
      env.close();
    }
  }

  @Test
  void events_written_while_the_broker_is_unreachable_all_arrive_in_order_once_it_is_back()
      throws Exception {
    ReceivedMessages received = env.queue("outage.#");
    // The writer stops at 300 events until the broker is cut, so the outage always has events to
    // hold back, however fast the relay delivered the first ones.
    CountDownLatch cut = new CountDownLatch(1);
    EventWriter writer = new EventWriter(env, "outage.happened", 10, 200).gateAt(300, cut).start();
    await().atMost(Duration.ofSeconds(60)).until(() -> received.distinct("outage.") >= 300);

    proxy.cut();
    cut.countDown();
    await().atMost(Duration.ofSeconds(30)).until(() -> outages() >= 1);
    writer.join();
    int deliveredDuringOutage = received.distinct("outage.");
    proxy.restore();

    try {
      await()
          .atMost(Duration.ofSeconds(90))
          .until(
              () ->
                  received.distinct("outage.") == writer.total() && env.outbox.unpublished() == 0);
    } catch (org.awaitility.core.ConditionTimeoutException e) {
      env.describe("broker outage", received, "outage.");
      throw e;
    }
    assertThat(deliveredDuringOutage).isLessThan(writer.total());
    assertThat(outages()).isEqualTo(1);
    assertThat(received.sequencesByAggregate("outage.").values())
        .hasSize(10)
        .allSatisfy(seq -> assertThat(seq).isSorted().hasSize(200));
    System.out.printf(
        "broker outage IT: %d events, %d delivered before the cut ended, %d duplicates%n",
        writer.total(), deliveredDuringOutage, received.count("outage.") - writer.total());
  }

  @Test
  void replication_connection_killed_by_the_database_is_reopened_and_nothing_is_lost()
      throws Exception {
    ReceivedMessages received = env.queue("dbdown.#");
    EventWriter writer = new EventWriter(env, "dbdown.happened", 10, 100).start();
    await().atMost(Duration.ofSeconds(60)).until(() -> received.distinct("dbdown.") >= 100);

    long walSender = slotPid();
    env.rows.execute("SELECT pg_terminate_backend(" + walSender + ")");
    writer.join();

    try {
      await()
          .atMost(Duration.ofSeconds(90))
          .until(
              () ->
                  received.distinct("dbdown.") == writer.total() && env.outbox.unpublished() == 0);
    } catch (org.awaitility.core.ConditionTimeoutException e) {
      env.describe("replication connection killed", received, "dbdown.");
      throw e;
    }
    assertThat(slotPid()).isNotEqualTo(walSender);
    assertThat(received.sequencesByAggregate("dbdown.").values())
        .hasSize(10)
        .allSatisfy(seq -> assertThat(seq).isSorted().hasSize(100));
    System.out.printf(
        "replication connection killed: %d events, %d duplicates%n",
        writer.total(), received.count("dbdown.") - writer.total());
  }

  private static long slotPid() {
    return env.rows.count(
        "SELECT COALESCE(active_pid, 0) FROM pg_replication_slots WHERE slot_name = ?", env.slot);
  }

  private static double outages() {
    Counter c = registry.find("relay.outages").tag("dependency", "rabbitmq").counter();
    return c == null ? 0 : c.count();
  }
}
