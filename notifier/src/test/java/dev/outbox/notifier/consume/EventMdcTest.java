package dev.outbox.notifier.consume;

import static org.assertj.core.api.Assertions.assertThat;

import com.rabbitmq.client.AMQP;
import dev.outbox.config.ConfigReader;
import dev.outbox.config.Environment;
import dev.outbox.config.tracing.TraceParent;
import dev.outbox.config.tracing.Tracing;
import dev.outbox.config.tracing.TracingSettings;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.trace.Tracer;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;

class EventMdcTest {

  static final String TRACE_ID = "4bf92f3577b34da6a3ce929d0e0e4736";
  static final String TRACEPARENT = "00-" + TRACE_ID + "-00f067aa0ba902b7-01";

  final Tracing tracing =
      Tracing.start(
          ConfigReader.read(Environment.of(Map.of()), c -> TracingSettings.read(c, "test")));
  final Tracer tracer = tracing.openTelemetry().getTracer("test");

  @AfterEach
  void close() {
    tracing.close();
  }

  static AMQP.BasicProperties message(Map<String, Object> headers) {
    return new AMQP.BasicProperties.Builder().messageId("e-1").headers(headers).build();
  }

  @Test
  void a_message_with_a_traceparent_is_handled_in_a_child_span_of_its_trace() {
    try (EventMdc ignored = EventMdc.of(message(Map.of("traceparent", TRACEPARENT)), tracer, "q")) {
      assertThat(MDC.get("trace_id")).isEqualTo(TRACE_ID);
      assertThat(MDC.get("span_id")).hasSize(16).isNotEqualTo("00f067aa0ba902b7");
      assertThat(MDC.get("event_id")).isEqualTo("e-1");
      assertThat(TraceParent.traceId(TraceParent.current())).isEqualTo(TRACE_ID);
    }
    assertThat(MDC.get("trace_id")).isNull();
    assertThat(MDC.get("span_id")).isNull();
    assertThat(TraceParent.current()).isNull();
  }

  @Test
  void without_one_or_with_a_malformed_one_a_new_trace_starts() {
    try (EventMdc ignored = EventMdc.of(message(Map.of("traceparent", "00-x-01")), tracer, "q")) {
      assertThat(MDC.get("trace_id")).hasSize(32).isNotEqualTo(TRACE_ID);
    }
    try (EventMdc ignored = EventMdc.of(message(null), tracer, "q")) {
      assertThat(MDC.get("trace_id")).hasSize(32);
    }
  }

  @Test
  void without_tracing_the_header_trace_id_is_still_logged() {
    Tracer noop = OpenTelemetry.noop().getTracer("test");
    try (EventMdc ignored = EventMdc.of(message(Map.of("traceparent", TRACEPARENT)), noop, "q")) {
      assertThat(MDC.get("trace_id")).isEqualTo(TRACE_ID);
    }
    try (EventMdc ignored = EventMdc.of(message(Map.of()), noop, "q")) {
      assertThat(MDC.get("trace_id")).isNull();
    }
  }
}
