package dev.outbox.api.ops;

import static org.assertj.core.api.Assertions.assertThat;

import dev.outbox.api.ApiFixtures;
import dev.outbox.api.RunningApi;
import dev.outbox.config.tracing.TraceParent;
import dev.outbox.testing.HttpTestClient;
import dev.outbox.testing.HttpTestClient.Response;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/** The outbox row a request writes stores the request's trace: continued, or a new one. */
class RequestTracingIT {

  static final String TRACE_ID = "4bf92f3577b34da6a3ce929d0e0e4736";
  static final String INCOMING = "00-" + TRACE_ID + "-00f067aa0ba902b7-01";

  static final RunningApi running = RunningApi.start("api_trace", java.util.Map.of());
  static final HttpTestClient http = running.http();

  @AfterAll
  static void stop() {
    running.close();
  }

  @Test
  void a_request_with_a_traceparent_stores_its_trace_id_with_a_span_of_the_api() {
    String stored = traceparentOfNewUser("traceparent", INCOMING);

    assertThat(TraceParent.traceId(stored)).isEqualTo(TRACE_ID);
    assertThat(stored).as("the api's own span is the parent").isNotEqualTo(INCOMING);
  }

  @Test
  void a_request_without_one_starts_a_new_trace() {
    String first = traceparentOfNewUser();
    String second = traceparentOfNewUser();

    assertThat(TraceParent.traceId(first)).isNotNull();
    assertThat(TraceParent.traceId(second)).isNotNull().isNotEqualTo(TraceParent.traceId(first));
  }

  @Test
  void a_malformed_traceparent_is_ignored_and_a_new_trace_starts() {
    String stored = traceparentOfNewUser("traceparent", "00-not-a-trace-01");

    assertThat(TraceParent.traceId(stored)).isNotNull().isNotEqualTo(TRACE_ID);
  }

  private static String traceparentOfNewUser(String... headers) {
    Response created =
        http.postJson("/users", "{\"email\":\"" + ApiFixtures.uniqueEmail() + "\"}", headers);
    assertThat(created.status()).as(created.body()).isEqualTo(201);
    return running.text(
        "select traceparent from outbox_events where aggregate_id = ?::uuid",
        created.json().get("id").asText());
  }
}
