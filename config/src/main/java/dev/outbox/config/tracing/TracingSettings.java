package dev.outbox.config.tracing;

import dev.outbox.config.ConfigReader;
import dev.outbox.config.Role;
import dev.outbox.config.Setting;
import java.net.URI;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The properties one role's OpenTelemetry SDK is configured with: every {@code OTEL_*} variable of
 * the environment under its SDK property name ({@code OTEL_SERVICE_NAME} is {@code
 * otel.service.name}), so the SDK's own variables work as its documentation describes, with three
 * decisions of ours on top: no span exporter unless {@link #OTLP_ENDPOINT} is set, never a metrics
 * or logs exporter (metrics are Micrometer's on /metrics, logs go to stdout), the role's service
 * name unless {@link #SERVICE_NAME} is set, and OTLP over HTTP unless {@code
 * OTEL_EXPORTER_OTLP_PROTOCOL} says otherwise (the Java SDK's default is gRPC, for which the jar
 * ships no sender: it sends with the JDK's HTTP client).
 *
 * @param properties SDK property names to values, as {@link Tracing#start} hands them over
 */
public record TracingSettings(Map<String, String> properties) {

  public static final Setting<URI> OTLP_ENDPOINT =
      Setting.httpUrl("OTEL_EXPORTER_OTLP_ENDPOINT")
          .withDescription(
              "OpenTelemetry's collector endpoint (OTLP over HTTP, e.g. http://localhost:4318);"
                  + " unset, no span leaves the process (trace context is still accepted, stored"
                  + " and passed on). The SDK's other OTEL_* variables apply as documented by"
                  + " OpenTelemetry")
          .readBy(Role.API, Role.NOTIFIER);

  public static final Setting<String> SERVICE_NAME =
      Setting.text("OTEL_SERVICE_NAME")
          .withDescription(
              "service.name of the spans; unset, outbox-api or outbox-notifier by role")
          .readBy(Role.API, Role.NOTIFIER);

  private static final String PREFIX = "OTEL_";

  public TracingSettings {
    properties = Map.copyOf(properties);
  }

  /** The settings of the role whose spans are named {@code defaultServiceName} by default. */
  public static TracingSettings read(ConfigReader config, String defaultServiceName) {
    boolean exporting = config.optional(OTLP_ENDPOINT).isPresent();
    Map<String, String> properties = new TreeMap<>();
    config
        .variablesStartingWith(PREFIX)
        .forEach((name, value) -> properties.put(propertyName(name), value));
    properties.put("otel.service.name", config.optional(SERVICE_NAME).orElse(defaultServiceName));
    if (!exporting) {
      properties.put("otel.traces.exporter", "none");
    }
    properties.putIfAbsent("otel.exporter.otlp.protocol", "http/protobuf");
    properties.put("otel.metrics.exporter", "none");
    properties.put("otel.logs.exporter", "none");
    return new TracingSettings(properties);
  }

  /** {@code OTEL_EXPORTER_OTLP_ENDPOINT} -> {@code otel.exporter.otlp.endpoint}, the SDK's rule. */
  static String propertyName(String variable) {
    return variable.toLowerCase(Locale.ROOT).replace('_', '.');
  }
}
