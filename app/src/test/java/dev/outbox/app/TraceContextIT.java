package dev.outbox.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.GetResponse;
import dev.outbox.config.tracing.TraceParent;
import dev.outbox.testing.HttpTestClient;
import dev.outbox.testing.Rows;
import dev.outbox.testing.TestDatabase;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Issue 13's acceptance for trace context, over the real jar ({@code all}, LOG_FORMAT=json): a
 * request's W3C traceparent is found on its outbox row, in the AMQP headers of its message, and in
 * the notifier's log line for its event; a request without one starts a new trace.
 */
class TraceContextIT {

  private static final Duration START = Duration.ofSeconds(120);
  private static final Duration FLOW = Duration.ofSeconds(30);
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String TRACE_ID = "0af7651916cd43dd8448eb211c80319c";
  private static final String TRACEPARENT = "00-" + TRACE_ID + "-b7ad6b7169203331-01";

  private static TestEnv test;
  private static JarProcess all;
  private static HttpTestClient api;
  private static Connection broker;
  private static Channel channel;
  private static final String probe = TestDatabase.uniqueName("app_trace_probe");
  private static final Map<String, GetResponse> received = new HashMap<>();

  @BeforeAll
  static void startAll() throws Exception {
    test = new TestEnv("app_trace");
    all = JarProcess.start(test.env("LOG_FORMAT", "json"), "all");
    await()
        .atMost(START)
        .until(() -> all.output().contains("outbox all running") || !all.isAlive());
    assertThat(all.isAlive()).as(all.output()).isTrue();
    api = new HttpTestClient(Http.port(all.output(), "api listening on "));
    var queries = new StatusQueries(test.db.jdbcUrl(), test.db.user(), test.db.password());
    await().atMost(START).until(() -> queries.slot(test.slot).streaming());
    broker = test.broker();
    channel = broker.createChannel();
    // The relay declared the exchange at start; an independent consumer of user.created binds.
    channel.queueDeclare(probe, false, true, true, null);
    channel.queueBind(probe, test.exchange, "user.created");
  }

  @AfterAll
  static void stopAll() throws Exception {
    try {
      if (channel != null) {
        channel.queueDelete(probe);
        broker.close();
      }
      if (all != null) {
        all.terminate();
        all.waitFor(Duration.ofSeconds(90));
        all.close();
      }
    } finally {
      test.close();
    }
  }

  @Test
  void the_trace_id_of_a_request_is_on_the_row_in_the_amqp_headers_and_in_the_notifiers_log()
      throws Exception {
    String userId = register("traceparent", TRACEPARENT);
    String eventId = userCreatedEventId(userId);

    assertThat(TraceParent.traceId(storedTraceparent(userId))).isEqualTo(TRACE_ID);
    GetResponse message = awaitMessage(eventId);
    Object header = message.getProps().getHeaders().get("traceparent");
    assertThat(header).as("traceparent header").isNotNull();
    assertThat(TraceParent.traceId(header.toString())).isEqualTo(TRACE_ID);
    await().atMost(FLOW).until(() -> handledLine(eventId) != null);
    JsonNode mdc = handledLine(eventId).path("mdc");
    assertThat(mdc.path("trace_id").asText()).isEqualTo(TRACE_ID);
    assertThat(mdc.path("aggregate_id").asText()).isEqualTo(userId);
  }

  @Test
  void a_request_without_a_traceparent_gets_a_new_trace_carried_the_same_way() throws Exception {
    String userId = register();
    String eventId = userCreatedEventId(userId);

    String traceId = TraceParent.traceId(storedTraceparent(userId));
    assertThat(traceId).as("a valid trace id on the row").isNotNull().isNotEqualTo(TRACE_ID);
    GetResponse message = awaitMessage(eventId);
    assertThat(TraceParent.traceId(message.getProps().getHeaders().get("traceparent").toString()))
        .isEqualTo(traceId);
    await().atMost(FLOW).until(() -> handledLine(eventId) != null);
    assertThat(handledLine(eventId).path("mdc").path("trace_id").asText()).isEqualTo(traceId);
  }

  private static String register(String... headers) {
    String email = "trace-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
    HttpTestClient.Response created =
        api.postJson("/users", "{\"email\":\"" + email + "\"}", headers);
    assertThat(created.status()).as(created.body()).isEqualTo(201);
    return created.json().get("id").asText();
  }

  private static String userCreatedEventId(String userId) {
    try (var pool = test.db.pool("trace-rows", 1)) {
      return new Rows(pool)
          .text(
              "select id::text from outbox_events where aggregate_id = ?::uuid"
                  + " and event_type = 'user.created'",
              userId);
    }
  }

  private static String storedTraceparent(String userId) {
    try (var pool = test.db.pool("trace-rows", 1)) {
      return new Rows(pool)
          .text(
              "select traceparent from outbox_events where aggregate_id = ?::uuid"
                  + " and event_type = 'user.created'",
              userId);
    }
  }

  /** The probe queue's message of {@code eventId}, draining the others into {@link #received}. */
  private static synchronized GetResponse awaitMessage(String eventId) {
    await()
        .atMost(FLOW)
        .until(
            () -> {
              GetResponse next;
              while ((next = channel.basicGet(probe, true)) != null) {
                received.put(next.getProps().getMessageId(), next);
              }
              return received.containsKey(eventId);
            });
    return received.get(eventId);
  }

  /** The log adapter's line for the welcome email of {@code eventId}, or null. */
  private static JsonNode handledLine(String eventId) throws Exception {
    for (String line : all.output().split("\n")) {
      if (!line.startsWith("{")) {
        continue;
      }
      JsonNode event = JSON.readTree(line);
      if (event.path("loggerName").asText().endsWith("LoggingEmailSender")
          && eventId.equals(event.path("mdc").path("event_id").asText())) {
        return event;
      }
    }
    return null;
  }
}
