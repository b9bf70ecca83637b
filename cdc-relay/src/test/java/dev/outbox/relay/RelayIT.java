package dev.outbox.relay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.outbox.relay.model.OutboxMessage;
import dev.outbox.relay.store.RowMessages;
import dev.outbox.relay.support.ReceivedMessages;
import dev.outbox.relay.support.ReceivedMessages.Received;
import dev.outbox.relay.support.RelayEnvironment;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.lang.management.ManagementFactory;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import javax.management.MBeanServer;
import javax.management.ObjectName;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** One relay engine for the class, against real PostgreSQL and RabbitMQ. */
class RelayIT {

  static RelayEnvironment env;
  static ReceivedMessages all;
  static Relay relay;
  static SimpleMeterRegistry registry = new SimpleMeterRegistry();
  static UUID publishedBeforeStart;
  static UUID pendingBeforeStart;
  static UUID parkedBeforeStart;

  @BeforeAll
  static void startRelay() throws Exception {
    env = new RelayEnvironment("relay");
    all = env.queue("#");
    publishedBeforeStart = env.insert(UUID.randomUUID().toString(), "user.created", "{}");
    pendingBeforeStart = env.insert(UUID.randomUUID().toString(), "user.created", "{}");
    parkedBeforeStart = env.insert(UUID.randomUUID().toString(), "user.created", "{}");
    env.rows.execute(
        "UPDATE outbox_events SET published_at = now() WHERE id = '" + publishedBeforeStart + "'");
    env.rows.execute(
        "UPDATE outbox_events SET parked_at = now() WHERE id = '" + parkedBeforeStart + "'");
    Map<String, String> vars = env.env();
    vars.put("EVENT_BUS_MAX_MESSAGE_BYTES", "8192");
    // Short, so the slot test below sees the windowed task confirm positions to the slot.
    vars.put("CDC_REPLAY_WINDOW", "1s");
    relay = Relay.start(RelayEnvironment.config(vars), env.dataSource, registry);
    assertThat(relay.awaitStreaming(Duration.ofSeconds(60))).isTrue();
  }

  @AfterAll
  static void stopRelay() {
    if (relay != null) {
      relay.close();
    }
    if (env != null) {
      env.close();
    }
  }

  @Test
  void inserted_event_arrives_with_every_contract_property_and_its_row_is_marked_published()
      throws Exception {
    String userId = UUID.randomUUID().toString();
    UUID id =
        env.insert(
            userId,
            "user.created",
            "{\"user_id\":\"" + userId + "\",\"email\":\"ada@example.com\",\"phone\":null}");

    Received m = awaitMessage(id);
    Map<String, Object> row = awaitPublishedRow(id);

    assertThat(m.routingKey()).isEqualTo("user.created");
    assertThat(m.properties().getContentType()).isEqualTo("application/json");
    assertThat(m.properties().getDeliveryMode()).isEqualTo(2);
    assertThat(m.properties().getMessageId()).isEqualTo(id.toString());
    assertThat(m.properties().getType()).isEqualTo("user.created");
    OffsetDateTime createdAt = (OffsetDateTime) row.get("created_at");
    assertThat(m.properties().getTimestamp().toInstant().getEpochSecond())
        .isEqualTo(createdAt.toEpochSecond());
    assertThat(m.header("aggregate_type")).isEqualTo("user");
    assertThat(m.header("aggregate_id")).isEqualTo(userId);
    assertThat(m.header("lsn")).matches("[0-9A-F]+/[0-9A-F]+").isEqualTo(row.get("published_lsn"));
    assertThat(m.header("replayed")).isNull();
    JsonNode body = m.body();
    assertThat(body.get("id").asText()).isEqualTo(id.toString());
    assertThat(body.get("type").asText()).isEqualTo("user.created");
    assertThat(body.get("aggregate_type").asText()).isEqualTo("user");
    assertThat(body.get("aggregate_id").asText()).isEqualTo(userId);
    assertThat(OffsetDateTime.parse(body.get("occurred_at").asText()).toInstant())
        .isEqualTo(createdAt.toInstant());
    assertThat(body.get("payload").isObject()).isTrue();
    assertThat(body.get("payload").get("email").asText()).isEqualTo("ada@example.com");
    assertThat(body.get("payload").get("phone").isNull()).isTrue();
    assertThat(registry.get("relay.events.published").counter().count()).isPositive();
    assertThat(registry.get("relay.commit.to.confirm").timer().count()).isPositive();
  }

  @Test
  void a_stored_traceparent_goes_out_as_a_header_from_the_wal_and_from_the_rows()
      throws SQLException {
    String traceparent = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";
    UUID untraced = env.insert(UUID.randomUUID().toString(), "user.created", "{}");
    UUID id = UUID.randomUUID();
    try (Connection c = env.dataSource.getConnection();
        PreparedStatement ps =
            c.prepareStatement(
                "INSERT INTO outbox_events (id, aggregate_type, aggregate_id, event_type, payload,"
                    + " traceparent) VALUES (?, 'user', gen_random_uuid(), 'user.created', '{}', ?)")) {
      ps.setObject(1, id);
      ps.setString(2, traceparent);
      ps.executeUpdate();
    }

    assertThat(awaitMessage(id).header("traceparent")).isEqualTo(traceparent);
    assertThat(awaitMessage(untraced).properties().getHeaders()).doesNotContainKey("traceparent");
    try (Connection c = env.dataSource.getConnection();
        PreparedStatement ps =
            c.prepareStatement(
                "SELECT "
                    + RowMessages.COLUMNS
                    + " FROM outbox_events WHERE id IN (?, ?)"
                    + " ORDER BY traceparent NULLS LAST")) {
      ps.setObject(1, id);
      ps.setObject(2, untraced);
      assertThat(RowMessages.read(ps, true))
          .extracting(OutboxMessage::traceparent)
          .containsExactly(traceparent, null);
    }
  }

  @Test
  void debeziums_per_event_last_event_summary_is_not_recorded_and_its_lag_is_measured_inline()
      throws Exception {
    UUID id = env.insert(UUID.randomUUID().toString(), "user.created", "{}");
    awaitMessage(id);

    MBeanServer server = ManagementFactory.getPlatformMBeanServer();
    Set<ObjectName> streaming =
        server.queryNames(
            new ObjectName(
                "debezium.postgres:context=streaming,server="
                    + env.env().get("CDC_SLOT_NAME")
                    + ",*"),
            null);
    assertThat(streaming).isNotEmpty();
    for (ObjectName name : streaming) {
      assertThat(server.getAttribute(name, "LastEvent"))
          .isEqualTo("not recorded (outbox relay: per-event cost, issue 17)");
      assertThat((Long) server.getAttribute(name, "MilliSecondsBehindSource")).isNotNegative();
    }
    // Debezium's lag measurement has no thread of its own left (it ran one per streaming meter)
    assertThat(Thread.getAllStackTraces().values())
        .noneSatisfy(
            stack ->
                assertThat(stack)
                    .anySatisfy(
                        frame ->
                            assertThat(frame.getClassName())
                                .contains("MeasurementCollector$MeasurementPublisher")));
  }

  @Test
  void rows_committed_before_the_slot_existed_are_published_once_unless_published_or_parked() {
    UUID marker = env.insert(UUID.randomUUID().toString(), "user.created", "{}");
    awaitMessage(marker);
    awaitMessage(pendingBeforeStart);

    assertThat(all.byId(publishedBeforeStart)).isNull();
    assertThat(all.byId(parkedBeforeStart)).isNull();
  }

  @Test
  void update_or_delete_on_outbox_events_never_produces_a_message() {
    UUID id = env.insert(UUID.randomUUID().toString(), "user.created", "{\"v\":1}");
    awaitMessage(id);
    env.rows.execute("UPDATE outbox_events SET payload = '{\"v\":2}' WHERE id = '" + id + "'");
    env.rows.execute("DELETE FROM outbox_events WHERE id = '" + id + "'");
    UUID marker = env.insert(UUID.randomUUID().toString(), "user.created", "{}");
    awaitMessage(marker);

    assertThat(all.all().stream().filter(r -> r.id().equals(id))).hasSize(1);
  }

  @Test
  void ten_thousand_events_from_four_writers_arrive_complete_and_in_order_per_aggregate()
      throws Exception {
    int writers = 4;
    int aggregatesPerWriter = 25;
    int eventsPerAggregate = 100;
    ReceivedMessages load = env.queue("load.#");
    ExecutorService pool = Executors.newFixedThreadPool(writers);
    List<Future<?>> done = new ArrayList<>();
    for (int w = 0; w < writers; w++) {
      done.add(pool.submit(() -> write(aggregatesPerWriter, eventsPerAggregate)));
    }
    for (Future<?> f : done) {
      f.get();
    }
    pool.shutdown();

    int total = writers * aggregatesPerWriter * eventsPerAggregate;
    await().atMost(Duration.ofMinutes(3)).until(() -> load.distinct() == total);
    Map<String, List<Integer>> sequences =
        load.firstArrivals().stream()
            .collect(
                Collectors.groupingBy(
                    r -> r.header("aggregate_id"),
                    Collectors.mapping(
                        r -> r.body().get("payload").get("seq").asInt(), Collectors.toList())));
    assertThat(sequences).hasSize(writers * aggregatesPerWriter);
    sequences.values().forEach(seq -> assertThat(seq).isSorted().hasSize(eventsPerAggregate));
    System.out.printf(
        "relay IT: %d events, %d deliveries (%d duplicates)%n",
        total, load.size(), load.size() - total);
  }

  @Test
  void event_refused_by_the_broker_is_parked_the_stream_goes_on_and_it_can_be_redriven()
      throws Exception {
    String rejecting = env.exchange + ".rejecting";
    env.declared().queue(rejecting);
    var channel = env.channel();
    channel.queueDeclare(
        rejecting, true, false, false, Map.of("x-max-length", 0, "x-overflow", "reject-publish"));
    channel.queueBind(rejecting, env.exchange, "poison.rejected");
    UUID poison = env.insert(UUID.randomUUID().toString(), "poison.rejected", "{}");
    UUID after = env.insert(UUID.randomUUID().toString(), "user.created", "{}");

    awaitMessage(after);
    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> Boolean.TRUE.equals(row(poison).get("parked")));
    Map<String, Object> parked = row(poison);
    assertThat(parked.get("retry_count")).isEqualTo(3);
    assertThat((String) parked.get("last_error")).contains("nack");
    assertThat(parked.get("published_at")).isNull();

    channel.queueDelete(rejecting);
    channel.close();
    assertThat(relay.redriveParked(poison)).isEqualTo(1);
    Map<String, Object> redriven = row(poison);
    assertThat(redriven.get("published_at")).isNotNull();
    assertThat(redriven.get("parked")).isEqualTo(false);
  }

  @Test
  void event_too_large_for_the_broker_is_parked_without_being_sent_and_the_stream_goes_on()
      throws Exception {
    UUID large =
        env.insert(
            UUID.randomUUID().toString(),
            "user.created",
            "{\"blob\":\"" + "x".repeat(9000) + "\"}");
    UUID after = env.insert(UUID.randomUUID().toString(), "user.created", "{}");

    awaitMessage(after);
    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> Boolean.TRUE.equals(row(large).get("parked")));
    assertThat((String) row(large).get("last_error")).contains("EVENT_BUS_MAX_MESSAGE_BYTES");
    assertThat(all.byId(large)).isNull();
  }

  @Test
  void idle_outbox_and_a_busy_other_table_still_advance_the_slot_a_replay_window_behind()
      throws Exception {
    env.rows.execute("CREATE TABLE IF NOT EXISTS busy_table (id BIGSERIAL PRIMARY KEY, v TEXT)");
    String before = env.rows.text("SELECT pg_current_wal_lsn()::text");
    env.rows.execute(
        "INSERT INTO busy_table (v) SELECT md5(g::text) FROM generate_series(1, 5000) g");
    String afterWrites = env.rows.text("SELECT pg_current_wal_lsn()::text");

    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(
            () -> {
              env.rows.execute("INSERT INTO busy_table (v) VALUES ('more')");
              assertThat(
                      env.rows.text(
                          "SELECT pg_wal_lsn_diff(confirmed_flush_lsn, '"
                              + afterWrites
                              + "') >= 0 FROM pg_replication_slots WHERE slot_name = '"
                              + env.slot
                              + "'"))
                  .isEqualTo("t");
            });
    assertThat(before).isNotEqualTo(afterWrites);
  }

  private static void write(int aggregates, int events) {
    List<String> ids = new ArrayList<>();
    for (int a = 0; a < aggregates; a++) {
      ids.add(UUID.randomUUID().toString());
    }
    for (int seq = 0; seq < events; seq++) {
      for (String aggregate : ids) {
        env.insert(aggregate, "load.happened", "{\"seq\":" + seq + "}");
      }
    }
  }

  private static Received awaitMessage(UUID id) {
    await().atMost(Duration.ofSeconds(30)).until(() -> all.byId(id) != null);
    return all.byId(id);
  }

  private static Map<String, Object> awaitPublishedRow(UUID id) throws SQLException {
    await().atMost(Duration.ofSeconds(30)).until(() -> row(id).get("published_at") != null);
    return row(id);
  }

  static Map<String, Object> row(UUID id) throws SQLException {
    try (Connection c = env.dataSource.getConnection();
        PreparedStatement ps =
            c.prepareStatement(
                "SELECT created_at, published_at, published_lsn::text, retry_count, last_error,"
                    + " parked_at IS NOT NULL FROM outbox_events WHERE id = ?")) {
      ps.setObject(1, id);
      try (ResultSet rs = ps.executeQuery()) {
        assertThat(rs.next()).as("row %s exists", id).isTrue();
        java.util.HashMap<String, Object> row = new java.util.HashMap<>();
        row.put("created_at", rs.getObject(1, OffsetDateTime.class));
        row.put("published_at", rs.getObject(2, OffsetDateTime.class));
        row.put("published_lsn", rs.getString(3));
        row.put("retry_count", rs.getInt(4));
        row.put("last_error", rs.getString(5));
        row.put("parked", rs.getBoolean(6));
        return row;
      }
    }
  }
}
