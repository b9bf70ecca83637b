package dev.outbox.config.tracing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import dev.outbox.config.ConfigException;
import dev.outbox.config.ConfigReader;
import dev.outbox.config.Environment;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.context.Scope;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

class TracingTest {

  private static TracingSettings settings(Map<String, String> variables) {
    return ConfigReader.read(Environment.of(variables), c -> TracingSettings.read(c, "outbox-api"));
  }

  @Test
  void without_an_endpoint_no_span_is_exported_and_the_role_names_the_service() {
    TracingSettings settings = settings(Map.of("OTEL_TRACES_SAMPLER", "always_on", "PATH", "/bin"));

    assertThat(settings.properties())
        .containsEntry("otel.traces.exporter", "none")
        .containsEntry("otel.metrics.exporter", "none")
        .containsEntry("otel.logs.exporter", "none")
        .containsEntry("otel.service.name", "outbox-api")
        .containsEntry("otel.traces.sampler", "always_on")
        .doesNotContainKey("path");
  }

  @Test
  void an_endpoint_turns_the_otlp_exporter_on_and_otel_service_name_wins() {
    TracingSettings settings =
        settings(
            Map.of(
                "OTEL_EXPORTER_OTLP_ENDPOINT", "http://collector:4318",
                "OTEL_SERVICE_NAME", "checkout"));

    assertThat(settings.properties())
        .doesNotContainKey("otel.traces.exporter")
        .containsEntry("otel.exporter.otlp.endpoint", "http://collector:4318")
        .containsEntry("otel.service.name", "checkout")
        .containsEntry("otel.metrics.exporter", "none");
  }

  @Test
  void a_malformed_endpoint_is_refused_naming_the_variable() {
    assertThatThrownBy(() -> settings(Map.of("OTEL_EXPORTER_OTLP_ENDPOINT", "collector:4318")))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("OTEL_EXPORTER_OTLP_ENDPOINT");
  }

  @Test
  void the_sdk_starts_new_traces_and_continues_a_traceparent() {
    String incoming = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";
    try (Tracing tracing = Tracing.start(settings(Map.of()))) {
      var tracer = tracing.openTelemetry().getTracer("test");
      Span fresh = tracer.spanBuilder("fresh").setParent(TraceParent.extract(null)).startSpan();
      Span child =
          tracer
              .spanBuilder("child")
              .setSpanKind(SpanKind.SERVER)
              .setParent(TraceParent.extract(incoming))
              .startSpan();
      try (Scope ignored = child.makeCurrent()) {
        assertThat(TraceParent.traceId(TraceParent.current()))
            .isEqualTo("4bf92f3577b34da6a3ce929d0e0e4736");
        assertThat(TraceParent.current()).doesNotContain("00f067aa0ba902b7");
      } finally {
        child.end();
      }
      assertThat(fresh.getSpanContext().isValid()).isTrue();
      assertThat(fresh.getSpanContext().getTraceId())
          .isNotEqualTo(child.getSpanContext().getTraceId());
      fresh.end();
    }
  }

  @Test
  void with_an_endpoint_spans_are_sent_over_otlp_http_and_flushed_on_close() throws Exception {
    List<String> received = new CopyOnWriteArrayList<>();
    HttpServer collector = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    collector.createContext(
        "/",
        exchange -> {
          received.add(exchange.getRequestMethod() + " " + exchange.getRequestURI().getPath());
          exchange.getRequestBody().readAllBytes();
          exchange.sendResponseHeaders(200, -1);
          exchange.close();
        });
    collector.start();
    try {
      String endpoint = "http://127.0.0.1:" + collector.getAddress().getPort();
      try (Tracing tracing =
          Tracing.start(settings(Map.of("OTEL_EXPORTER_OTLP_ENDPOINT", endpoint)))) {
        tracing.openTelemetry().getTracer("test").spanBuilder("sent").startSpan().end();
      }
      assertThat(received).containsExactly("POST /v1/traces");
    } finally {
      collector.stop(0);
    }
  }

  @Test
  void a_protocol_without_a_sender_is_refused_saying_why() {
    var settings =
        settings(
            Map.of(
                "OTEL_EXPORTER_OTLP_ENDPOINT", "http://127.0.0.1:1",
                "OTEL_EXPORTER_OTLP_PROTOCOL", "grpc"));

    assertThatThrownBy(() -> Tracing.start(settings))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("OTEL_")
        .hasMessageContaining("GrpcSenderProvider");
  }

  @Test
  void a_malformed_traceparent_means_no_parent_never_an_error() {
    assertThat(TraceParent.traceId("00-not-hex-01")).isNull();
    assertThat(TraceParent.traceId("00-00000000000000000000000000000000-00f067aa0ba902b7-01"))
        .isNull();
    assertThat(TraceParent.traceId(null)).isNull();
    assertThat(TraceParent.current()).isNull();
  }
}
