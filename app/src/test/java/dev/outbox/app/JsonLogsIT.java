package dev.outbox.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.outbox.testing.HttpTestClient;
import dev.outbox.testing.OutboxRows;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * LOG_FORMAT=json over the real jar: every line each process prints, from its first to its last, is
 * one JSON object with a dated, zoned timestamp, the level, the logger and the message; the lines
 * the notifier logs while handling an event carry its event_id and aggregate_id.
 */
class JsonLogsIT {

  private static final Duration START = Duration.ofSeconds(120);
  private static final ObjectMapper JSON = new ObjectMapper();
  private static TestEnv test;

  @BeforeAll
  static void migrate() throws Exception {
    test = new TestEnv("app_json_logs");
    StringBuilder output = new StringBuilder();
    assertThat(JarProcess.run(test.env("LOG_FORMAT", "json"), output, "migrate"))
        .as(output.toString())
        .isZero();
    assertEveryLineIsAJsonLogEvent(output.toString());
  }

  @AfterAll
  static void cleanUp() throws Exception {
    test.close();
  }

  @Test
  void all_logs_only_json_and_names_the_event_it_handles() throws Exception {
    String out;
    try (JarProcess all = JarProcess.start(test.env("LOG_FORMAT", "json"), "all")) {
      await()
          .atMost(START)
          .until(() -> all.output().contains("outbox all running") || !all.isAlive());
      HttpTestClient api = new HttpTestClient(Http.port(all.output(), "api listening on "));
      var queries = new StatusQueries(test.db.jdbcUrl(), test.db.user(), test.db.password());
      await().atMost(START).until(() -> queries.slot(test.slot).streaming());

      String email = "json-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
      HttpTestClient.Response created = api.postJson("/users", "{\"email\":\"" + email + "\"}");
      assertThat(created.status()).isEqualTo(201);
      String userId = id(created.body());
      String eventId = userCreatedEventId(userId);
      await()
          .atMost(Duration.ofSeconds(30))
          .until(() -> handledLine(all.output(), eventId) != null);
      JsonNode handled = handledLine(all.output(), eventId);
      assertThat(handled.path("mdc").path("aggregate_id").asText()).isEqualTo(userId);

      all.terminate();
      assertThat(all.waitFor(Duration.ofSeconds(90))).isEqualTo(143);
      out = all.output();
    }
    assertEveryLineIsAJsonLogEvent(out);
    assertThat(messages(out))
        .contains("outbox all running; stop with Ctrl-C or SIGTERM", "outbox all stopped cleanly");
  }

  @Test
  void each_role_alone_logs_only_json() throws Exception {
    List<JarProcess> roles = new ArrayList<>();
    try {
      roles.add(
          JarProcess.start(
              test.env("LOG_FORMAT", "json", "EMAIL_VERIFICATION_SECRET", TestEnv.SECRET), "api"));
      roles.add(
          JarProcess.start(
              test.env("LOG_FORMAT", "json", "METRICS_PORT", String.valueOf(Http.freePort())),
              "relay"));
      roles.add(
          JarProcess.start(
              test.env(
                  "LOG_FORMAT",
                  "json",
                  "EMAIL_VERIFICATION_SECRET",
                  TestEnv.SECRET,
                  "METRICS_PORT",
                  String.valueOf(Http.freePort())),
              "notifier"));
      for (JarProcess role : roles) {
        await()
            .atMost(START)
            .until(() -> role.output().contains(" running; stop with") || !role.isAlive());
      }
      for (JarProcess role : roles) {
        role.terminate();
      }
      for (JarProcess role : roles) {
        role.waitFor(Duration.ofSeconds(90));
        assertEveryLineIsAJsonLogEvent(role.output());
        assertThat(String.join("\n", messages(role.output()))).contains("stopped cleanly");
      }
    } finally {
      roles.forEach(JarProcess::close);
    }
  }

  private static void assertEveryLineIsAJsonLogEvent(String output) {
    assertThat(output).isNotBlank();
    for (String line : output.split("\n")) {
      JsonNode event;
      try {
        event = JSON.readTree(line);
      } catch (Exception e) {
        throw new AssertionError("not a JSON line: " + line + "\nin:\n" + output, e);
      }
      assertThat(event.isObject()).as(line).isTrue();
      // a date, a time and a zone
      assertThat(OffsetDateTime.parse(event.path("timestamp").asText())).as(line).isNotNull();
      assertThat(event.path("level").asText())
          .as(line)
          .isIn("TRACE", "DEBUG", "INFO", "WARN", "ERROR");
      assertThat(event.path("loggerName").asText()).as(line).isNotBlank();
      assertThat(event.has("message")).as(line).isTrue();
    }
  }

  private static List<String> messages(String output) throws Exception {
    List<String> messages = new ArrayList<>();
    for (String line : output.split("\n")) {
      messages.add(JSON.readTree(line).path("message").asText());
    }
    return messages;
  }

  /** The log adapter's line for the welcome email of {@code eventId}, or null. */
  private static JsonNode handledLine(String output, String eventId) throws Exception {
    for (String line : output.split("\n")) {
      JsonNode event = JSON.readTree(line);
      if (event.path("loggerName").asText().endsWith("LoggingEmailSender")
          && eventId.equals(event.path("mdc").path("event_id").asText())) {
        return event;
      }
    }
    return null;
  }

  private static String id(String json) {
    Matcher m = Pattern.compile("\"id\"\\s*:\\s*\"([0-9a-f-]{36})\"").matcher(json);
    assertThat(m.find()).as(json).isTrue();
    return m.group(1);
  }

  private static String userCreatedEventId(String userId) {
    try (var pool = test.db.pool("json-logs", 1)) {
      return new OutboxRows(pool)
          .of(userId).stream()
              .filter(r -> r.eventType().equals("user.created"))
              .findFirst()
              .orElseThrow()
              .id();
    }
  }
}
