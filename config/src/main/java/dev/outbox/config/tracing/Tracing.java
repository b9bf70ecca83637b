package dev.outbox.config.tracing;

import dev.outbox.config.ConfigException;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.autoconfigure.AutoConfiguredOpenTelemetrySdk;
import io.opentelemetry.sdk.autoconfigure.spi.ConfigurationException;
import java.util.concurrent.TimeUnit;

/**
 * The one place an OpenTelemetry SDK is built: by the SDK's autoconfiguration from {@link
 * TracingSettings} (so the environment comes through the project's one reader, env file included),
 * one per role. The role's composition owns it and closes it after the role stopped, which ends the
 * last spans and flushes them to the exporter when there is one.
 */
public final class Tracing implements AutoCloseable {

  private static final long CLOSE_SECONDS = 5;

  private final OpenTelemetrySdk sdk;

  private Tracing(OpenTelemetrySdk sdk) {
    this.sdk = sdk;
  }

  /**
   * @throws ConfigException when the SDK refuses an {@code OTEL_*} value
   */
  public static Tracing start(TracingSettings settings) {
    try {
      return new Tracing(
          AutoConfiguredOpenTelemetrySdk.builder()
              // Closed by the role's composition, after the role: not by a hook racing it.
              .disableShutdownHook()
              .addPropertiesCustomizer(config -> settings.properties())
              .addTracerProviderCustomizer(
                  (provider, config) -> provider.addSpanProcessor(new LocalSpans()))
              .build()
              .getOpenTelemetrySdk());
    } catch (ConfigurationException e) {
      throw new ConfigException("an OTEL_* variable is not valid: " + rootMessage(e), e);
    }
  }

  // The SDK wraps what it refused in "Unexpected configuration error"; the root says what it was.
  private static String rootMessage(Throwable e) {
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    return root == e ? e.getMessage() : e.getMessage() + ": " + root.getMessage();
  }

  public OpenTelemetry openTelemetry() {
    return sdk;
  }

  @Override
  public void close() {
    sdk.shutdown().join(CLOSE_SECONDS, TimeUnit.SECONDS);
  }
}
