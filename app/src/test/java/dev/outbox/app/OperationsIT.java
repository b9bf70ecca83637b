package dev.outbox.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.zaxxer.hikari.HikariDataSource;
import dev.outbox.config.EventExchange;
import dev.outbox.config.ExitCodes;
import dev.outbox.json.Json;
import dev.outbox.notifier.consume.QueueNames;
import dev.outbox.relay.store.StoredOffsets;
import dev.outbox.testing.Rows;
import java.nio.charset.StandardCharsets;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** migrate, status, dlq and replay through the real entry point against PostgreSQL and RabbitMQ. */
class OperationsIT {

  @Test
  void migrating_twice_applies_every_schema_once() throws Exception {
    try (TestEnv test = new TestEnv("app_migrate")) {
      Cli.Result first = Cli.run(test.env(), "migrate");
      Cli.Result second = Cli.run(test.env(), "migrate");

      assertThat(first.exitCode()).isZero();
      assertThat(first.out())
          .matches("migrations applied: [1-9]\\d* new; core v\\d+, relay v\\d+, notifier v\\d+\\n");
      assertThat(second.exitCode()).isZero();
      assertThat(second.out()).isEqualTo(first.out().replaceFirst("\\d+ new", "0 new"));
      try (HikariDataSource pool = test.db.pool("app-it", 1)) {
        Map<String, Object> tables =
            new Rows(pool)
                .list(
                    "select to_regclass('outbox_events') is not null as core,"
                        + " to_regclass('relay_offsets') is not null as relay,"
                        + " to_regclass('notifier.flyway_notifier_history') is not null"
                        + " as notifier")
                .get(0);
        assertThat(
                (boolean) tables.get("core")
                    && (boolean) tables.get("relay")
                    && (boolean) tables.get("notifier"))
            .isTrue();
      }
    }
  }

  @Test
  void status_reports_slot_lock_backlog_and_dead_letters() throws Exception {
    try (TestEnv test = new TestEnv("app_status");
        var c = test.db.connect()) {
      Cli.run(test.env(), "migrate");
      insertEvent(c, false);
      insertEvent(c, true);
      try (Statement s = c.createStatement()) {
        s.execute("select pg_create_logical_replication_slot('" + test.slot + "', 'pgoutput')");
      }

      Cli.Result idle = Cli.run(test.env(), "status");
      try (Statement s = c.createStatement()) {
        // what a relay holds while active; status must recognise the relay's own key
        s.execute("select pg_advisory_lock(hashtextextended('outbox-relay:" + test.slot + "', 0))");
      }
      Cli.Result active = Cli.run(test.env(), "status");

      assertThat(idle.exitCode()).isZero();
      assertThat(idle.out())
          .contains("slot                 " + test.slot + "\n")
          .contains("relay                none active")
          .containsPattern("confirmed_flush_lsn  [0-9A-F]+/[0-9A-F]+")
          .containsPattern("restart_lsn          [0-9A-F]+/[0-9A-F]+")
          .containsPattern("wal_status           \\w+")
          .containsPattern("lag                  \\d+ bytes, \\d+ ms")
          .containsPattern("retained WAL         \\d+ bytes")
          .contains("outbox pending       1\n")
          .contains("outbox parked        1\n")
          .contains("dead letters         0\n")
          .contains("provider bounces     0");
      assertThat(active.out()).contains("relay                active (lock held)");
    }
  }

  @Test
  void status_before_any_relay_ran_says_the_slot_does_not_exist() throws Exception {
    try (TestEnv test = new TestEnv("app_status_new")) {
      Cli.run(test.env(), "migrate");

      Cli.Result result = Cli.run(test.env(), "status");

      assertThat(result.exitCode()).isZero();
      assertThat(result.out())
          .contains(test.slot + " (does not exist)")
          .contains("outbox pending       0")
          .contains("lag                  0 bytes, 0 ms");
    }
  }

  @Test
  void dlq_lists_and_redrives_dead_letters_one_or_all() throws Exception {
    try (TestEnv test = new TestEnv("app_dlq");
        Connection broker = test.broker();
        Channel channel = broker.createChannel()) {
      Cli.run(test.env(), "migrate");
      String dlq = QueueNames.deadLetter(test.queue);
      channel.queueDeclare(test.queue, true, false, false, null);
      channel.queueDeclare(dlq, true, false, false, null);
      String first = UUID.randomUUID().toString();
      String second = UUID.randomUUID().toString();
      deadLetter(channel, dlq, first, "SendGrid answered 400");
      deadLetter(channel, dlq, second, "template failed");

      Cli.Result list = Cli.run(test.env(), "dlq", "list");
      Cli.Result one = Cli.run(test.env(), "dlq", "redrive", "--id", first);
      long afterOne = channel.messageCount(test.queue);
      Cli.Result unknown =
          Cli.run(test.env(), "dlq", "redrive", "--id", UUID.randomUUID().toString());
      Cli.Result withoutAll = Cli.run(test.env(), "dlq", "redrive");
      long waitingAfterBadUsage = channel.messageCount(dlq);
      Cli.Result rest = Cli.run(test.env(), "dlq", "redrive", "--all");

      assertThat(list.exitCode()).isZero();
      assertThat(list.out())
          .contains("notifier dead letters: 2 (showing 2)")
          .contains(first + "  user.created  queue=" + dlq + " attempts=10")
          .contains("reason=SendGrid answered 400")
          .contains(second)
          .contains("relay parked events: 0 (showing 0)");
      assertThat(one.out()).contains("notifier dead letters redriven: 1");
      assertThat(afterOne).isEqualTo(1);
      assertThat(unknown.exitCode()).isEqualTo(ExitCodes.FAILURE);
      assertThat(unknown.err()).contains("no dead letter or parked event");
      assertThat(withoutAll.exitCode()).isEqualTo(ExitCodes.USAGE);
      assertThat(waitingAfterBadUsage).isEqualTo(1);
      assertThat(rest.out()).contains("notifier dead letters redriven: 1");
      assertThat(channel.messageCount(test.queue)).isEqualTo(2);
      assertThat(channel.messageCount(dlq)).isZero();
    }
  }

  @Test
  void dlq_redrive_publishes_a_parked_event_again() throws Exception {
    try (TestEnv test = new TestEnv("app_parked");
        var c = test.db.connect()) {
      Cli.run(test.env(), "migrate");
      declareExchange(test);
      UUID parked = insertEvent(c, true);

      Cli.Result list = Cli.run(test.env(), "dlq", "list");
      Cli.Result redrive = Cli.run(test.env(), "dlq", "redrive", "--id", parked.toString());

      assertThat(list.out())
          .contains("relay parked events: 1 (showing 1)")
          .contains(parked + "  user.created");
      assertThat(redrive.exitCode()).isZero();
      assertThat(redrive.out()).contains("relay parked events redriven: 1");
      try (HikariDataSource pool = test.db.pool("app-it", 1)) {
        assertThat(
                new Rows(pool)
                        .count(
                            "select count(*) from outbox_events where id = ?"
                                + " and published_at is not null",
                            parked)
                    == 1)
            .isTrue();
      }
    }
  }

  @Test
  void dlq_list_shows_the_depth_and_ids_that_discard_and_redrive_take() throws Exception {
    try (TestEnv test = new TestEnv("app_discard");
        Connection broker = test.broker();
        Channel channel = broker.createChannel()) {
      Cli.run(test.env(), "migrate");
      String dlq = QueueNames.deadLetter(test.queue);
      String parked = QueueNames.parked(test.queue);
      channel.queueDeclare(test.queue, true, false, false, null);
      channel.queueDeclare(dlq, true, false, false, null);
      String event = UUID.randomUUID().toString();
      deadLetter(channel, dlq, event, "SendGrid answered 400");
      deadLetter(channel, dlq, UUID.randomUUID().toString(), "template failed");
      deadLetter(channel, dlq, null, "malformed event: not JSON");
      deadLetter(channel, dlq, "order-7", "malformed event: no payload");

      Cli.Result two = Cli.run(test.env(), "dlq", "list", "--limit", "2");
      JsonNode all = json(Cli.run(test.env(), "dlq", "list", "--output", "json"));
      String poison = idOf(all, "malformed event: not JSON");
      String foreign = idOf(all, "malformed event: no payload");
      Cli.Result discard = Cli.run(test.env(), "dlq", "discard", "--id", poison);
      Cli.Result again = Cli.run(test.env(), "dlq", "discard", "--id", poison);
      JsonNode after = json(Cli.run(test.env(), "dlq", "list", "--output", "json"));
      Cli.Result unconfirmed = Cli.run(test.env(), "dlq", "discard", "--all");
      long waitingAfterBadUsage = channel.messageCount(dlq);
      Cli.Result redriveForeign = Cli.run(test.env(), "dlq", "redrive", "--id", foreign);
      Cli.Result drop = Cli.run(test.env(), "dlq", "discard", "--all", "--yes", "--drop");

      assertThat(two.exitCode()).isZero();
      assertThat(two.out())
          .contains("notifier dead letters: 4 (showing 2)\n")
          .contains(event + "  user.created");
      assertThat(all.at("/dead_letters/depth").asLong()).isEqualTo(4);
      assertThat(all.at("/dead_letters/shown").asInt()).isEqualTo(4);
      assertThat(poison).matches("sha256:[0-9a-f]{12}");
      assertThat(foreign).matches("sha256:[0-9a-f]{12}").isNotEqualTo(poison);
      assertThat(discard.exitCode()).as(discard.err()).isZero();
      assertThat(discard.out()).isEqualTo("notifier dead letters parked: 1\n");
      assertThat(channel.messageCount(parked)).isEqualTo(1);
      assertThat(new String(channel.basicGet(parked, false).getBody(), StandardCharsets.UTF_8))
          .isEqualTo("{\"reason\":\"malformed event: not JSON\"}");
      assertThat(again.exitCode()).isEqualTo(ExitCodes.FAILURE);
      assertThat(again.err()).isEqualTo("outbox dlq discard: no dead letter " + poison + "\n");
      assertThat(after.at("/dead_letters/depth").asLong()).isEqualTo(3);
      assertThat(idOf(after, "malformed event: no payload")).isEqualTo(foreign); // stable
      assertThat(unconfirmed.exitCode()).isEqualTo(ExitCodes.USAGE);
      assertThat(waitingAfterBadUsage).isEqualTo(3);
      assertThat(redriveForeign.out()).contains("notifier dead letters redriven: 1");
      assertThat(channel.messageCount(test.queue)).isEqualTo(1);
      assertThat(drop.out()).isEqualTo("notifier dead letters dropped: 2\n");
      assertThat(channel.messageCount(dlq)).isZero();
    }
  }

  @Test
  void status_prints_json_and_exits_3_when_the_oldest_pending_event_exceeds_max_lag()
      throws Exception {
    try (TestEnv test = new TestEnv("app_maxlag");
        var c = test.db.connect()) {
      Cli.run(test.env(), "migrate");
      UUID late = insertEvent(c, false);
      try (Statement s = c.createStatement()) {
        s.execute(
            "update outbox_events set created_at = now() - interval '10 minutes'"
                + " where id = '"
                + late
                + "'");
      }

      Cli.Result exceeded = Cli.run(test.env(), "status", "--output", "json", "--max-lag", "5m");
      Cli.Result within = Cli.run(test.env(), "status", "--max-lag", "1h");
      Cli.Result plain = Cli.run(test.env(), "status", "--output", "json");
      Map<String, String> noBroker = test.env("EVENT_BUS_URL", "amqp://guest:guest@127.0.0.1:1/");
      Cli.Result brokerDown = Cli.run(noBroker, "status", "--output", "json", "--max-lag", "1h");
      Cli.Result brokerDownLate = Cli.run(noBroker, "status", "--max-lag", "5m");

      assertThat(exceeded.exitCode()).as(exceeded.err()).isEqualTo(ExitCodes.LAG_EXCEEDED);
      assertThat(exceeded.out().lines()).hasSize(1);
      JsonNode json = json(exceeded);
      assertThat(json.get("slot").asText()).isEqualTo(test.slot);
      assertThat(json.get("slot_exists").asBoolean()).isFalse();
      assertThat(json.get("outbox_pending").asLong()).isEqualTo(1);
      assertThat(json.get("lag_ms").asLong()).isGreaterThanOrEqualTo(600_000);
      assertThat(json.get("max_lag_ms").asLong()).isEqualTo(300_000);
      assertThat(json.get("lag_exceeded").asBoolean()).isTrue();
      assertThat(json.get("dead_letters").asLong()).isZero();
      assertThat(within.exitCode()).isZero();
      assertThat(within.out()).contains("max lag              3600000 ms, not exceeded");
      assertThat(plain.exitCode()).isZero();
      assertThat(json(plain).has("lag_exceeded")).isFalse();
      assertThat(brokerDown.exitCode()).isEqualTo(ExitCodes.FAILURE);
      assertThat(json(brokerDown).get("dead_letters").isNull()).isTrue();
      assertThat(json(brokerDown).get("dead_letters_error").asText())
          .startsWith("RabbitMQ unreachable");
      assertThat(brokerDownLate.exitCode()).isEqualTo(ExitCodes.LAG_EXCEEDED);
      assertThat(brokerDownLate.out()).contains("max lag              300000 ms, exceeded");
    }
  }

  private static JsonNode json(Cli.Result result) throws Exception {
    return Json.mapper().readTree(result.out());
  }

  private static String idOf(JsonNode listing, String reason) {
    for (JsonNode message : listing.at("/dead_letters/messages")) {
      if (reason.equals(message.get("reason").asText())) {
        return message.get("id").asText();
      }
    }
    throw new AssertionError("no dead letter with reason " + reason + " in " + listing);
  }

  @Test
  void replay_republishes_the_events_from_a_position_or_a_time_marked_replayed() throws Exception {
    try (TestEnv test = new TestEnv("app_replay");
        var c = test.db.connect();
        Connection broker = test.broker();
        Channel channel = broker.createChannel()) {
      Cli.run(test.env(), "migrate");
      declareExchange(test);
      channel.queueDeclare(test.queue, true, false, false, null);
      channel.queueBind(test.queue, test.exchange, "#");
      insertPublished(c);
      String second = insertPublished(c);
      insertPublished(c);

      Cli.Result fromLsn = Cli.run(test.env(), "replay", "--from-lsn", second);
      long replayed = channel.messageCount(test.queue);
      var message = channel.basicGet(test.queue, true);
      Cli.Result fromFuture = Cli.run(test.env(), "replay", "--from-time", "2999-01-01T00:00:00Z");
      try (Statement s = c.createStatement()) {
        s.execute("insert into relay_retention_horizon values (1, '" + second + "', now())");
      }
      Cli.Result tooOld = Cli.run(test.env(), "replay", "--from-lsn", "0/1");

      assertThat(fromLsn.exitCode()).isZero();
      assertThat(fromLsn.out())
          .contains("replay from LSN " + second + ": 2 published events to republish")
          .contains("path: outbox rows (not from the WAL: slot " + test.slot + " does not exist)")
          .contains("replayed 2 events from " + second + " (read from the outbox rows)")
          .containsPattern("2 events in [0-9.]+ s \\([0-9]+ events/s\\)");
      assertThat(replayed).isEqualTo(2);
      assertThat(message.getProps().getHeaders()).containsEntry("replayed", true);
      assertThat(fromFuture.exitCode()).isZero();
      assertThat(fromFuture.out()).contains("replayed 0 events");
      assertThat(tooOld.exitCode()).isEqualTo(ExitCodes.FAILURE);
      assertThat(tooOld.err())
          .contains("cannot replay from 0/1: outbox rows through " + second + " were deleted")
          .contains("not from the WAL either: slot " + test.slot + " does not exist");
    }
  }

  @Test
  void replay_within_the_window_is_read_from_the_wal_by_the_active_relay() throws Exception {
    try (TestEnv test = new TestEnv("app_walreplay");
        var c = test.db.connect();
        HikariDataSource pool = test.db.pool("app-it", 2);
        Connection broker = test.broker();
        Channel channel = broker.createChannel()) {
      Cli.run(test.env(), "migrate");
      declareExchange(test);
      channel.queueDeclare(test.queue, true, false, false, null);
      channel.queueBind(test.queue, test.exchange, "#");
      var queries = new StatusQueries(test.db.jdbcUrl(), test.db.user(), test.db.password());
      Rows rows = new Rows(pool);
      try (Cli.Running relay = Cli.start(test.env("CDC_REPLAY_WINDOW", "10m"), "relay")) {
        // A slot shows as active while PostgreSQL is still creating it; rows committed until its
        // starting point go out through the first-start snapshot, not the WAL.
        await()
            .atMost(Duration.ofSeconds(60))
            .until(
                () ->
                    queries.slot(test.slot).streaming()
                        && queries.slot(test.slot).confirmedLsn() != null);
        UUID first = insertEvent(c, false);
        UUID second = insertEvent(c, false);
        UUID third = insertEvent(c, false);
        await()
            .atMost(Duration.ofSeconds(30))
            .until(
                () -> publishedLsn(rows, third) != null && channel.messageCount(test.queue) == 3);
        // The WAL path needs the relay's stored position, written at its first offset flush
        // (CDC_OFFSET_FLUSH_INTERVAL after the first events): before that the replay rightly reads
        // the rows (failed so once in a full run).
        await()
            .atMost(Duration.ofSeconds(60))
            .until(() -> StoredOffsets.read(c, test.slot).filter(o -> !o.inSnapshot()).isPresent());
        String secondLsn = publishedLsn(rows, second);
        String secondCreated = createdAt(rows, second);

        Cli.Result fromLsn = Cli.run(test.env(), "replay", "--from-lsn", secondLsn);
        Cli.Result fromTime = Cli.run(test.env(), "replay", "--from-time", secondCreated);

        assertThat(fromLsn.exitCode()).as(fromLsn.err()).isZero();
        assertThat(fromLsn.out())
            .contains("replay from LSN " + secondLsn + ": 2 published events to republish")
            .contains("path: WAL (slot " + test.slot + " still holds " + secondLsn)
            .containsPattern(
                "replayed 2 events from "
                    + secondLsn
                    + " through [0-9A-F]+/[0-9A-F]+ \\(read from the WAL\\); 2 events in");
        assertThat(fromTime.exitCode()).as(fromTime.err()).isZero();
        assertThat(fromTime.out())
            .contains("path: WAL")
            .contains("replayed 2 events from " + Instant.parse(secondCreated));
        await().atMost(Duration.ofSeconds(30)).until(() -> channel.messageCount(test.queue) == 7);
        List<String> ids = new ArrayList<>();
        List<Object> replayed = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
          var message = channel.basicGet(test.queue, true);
          ids.add(message.getProps().getMessageId());
          replayed.add(message.getProps().getHeaders().get("replayed"));
        }
        List<String> sent = List.of(first.toString(), second.toString(), third.toString());
        assertThat(ids.subList(0, 3)).isEqualTo(sent);
        assertThat(ids.subList(3, 7))
            .isEqualTo(List.of(sent.get(1), sent.get(2), sent.get(1), sent.get(2)));
        assertThat(replayed.subList(0, 3)).containsOnlyNulls();
        assertThat(replayed.subList(3, 7)).containsOnly(true);
        assertThat(relay.stop(Duration.ofSeconds(60))).isZero();
      }
    }
  }

  private static String publishedLsn(Rows rows, UUID id) {
    return rows.text(
        "select published_lsn::text from outbox_events where id = ? and published_at is not null",
        id);
  }

  private static String createdAt(Rows rows, UUID id) {
    return rows.text(
        "select to_char(created_at at time zone 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS.US\"Z\"')"
            + " from outbox_events where id = ?",
        id);
  }

  private static String insertPublished(java.sql.Connection c) throws Exception {
    try (PreparedStatement s =
        c.prepareStatement(
            "insert into outbox_events (aggregate_type, aggregate_id, event_type, payload,"
                + " published_at, published_lsn) values ('user', ?, 'user.created',"
                + " '{\"email\":\"ada@example.com\"}'::jsonb, now(), pg_current_wal_lsn())"
                + " returning published_lsn::text")) {
      s.setObject(1, UUID.randomUUID());
      try (ResultSet rs = s.executeQuery()) {
        rs.next();
        return rs.getString(1);
      }
    }
  }

  private static UUID insertEvent(java.sql.Connection c, boolean parked) throws Exception {
    UUID id = UUID.randomUUID();
    try (PreparedStatement s =
        c.prepareStatement(
            "insert into outbox_events (id, aggregate_type, aggregate_id, event_type, payload,"
                + " parked_at, retry_count, last_error) values (?, 'user', ?, 'user.created',"
                + " '{\"email\":\"ada@example.com\"}'::jsonb, ?, ?, ?)")) {
      s.setObject(1, id);
      s.setObject(2, UUID.randomUUID());
      s.setObject(3, parked ? java.sql.Timestamp.from(java.time.Instant.now()) : null);
      s.setInt(4, parked ? 5 : 0);
      s.setString(5, parked ? "broker refused" : null);
      s.executeUpdate();
    }
    return id;
  }

  private static void deadLetter(Channel channel, String dlq, String eventId, String reason)
      throws Exception {
    AMQP.BasicProperties props =
        new AMQP.BasicProperties.Builder()
            .messageId(eventId)
            .type(eventId == null ? null : "user.created")
            .contentType("application/json")
            .deliveryMode(2)
            .headers(
                Map.of(
                    "reason",
                    reason,
                    "attempts",
                    10,
                    "handler",
                    "notifications",
                    "time",
                    "2026-11-27T05:00:00Z"))
            .build();
    String body = eventId == null ? "{\"reason\":\"" + reason + "\"}" : "{}";
    channel.basicPublish("", dlq, props, body.getBytes(StandardCharsets.UTF_8));
  }

  private static void declareExchange(TestEnv test) throws Exception {
    try (Connection broker = test.broker()) {
      EventExchange.declare(broker, test.exchange);
    }
  }
}
