package dev.outbox.app;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.LoggingEvent;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.Map;
import org.junit.jupiter.api.Test;

class IsoJsonEncoderTest {

  private final LoggerContext context = new LoggerContext();

  @Test
  void an_event_is_one_line_of_json_with_a_zoned_timestamp_the_message_and_the_mdc()
      throws Exception {
    IsoJsonEncoder encoder = new IsoJsonEncoder();
    encoder.setContext(context);
    encoder.start();
    LoggingEvent event =
        new LoggingEvent(
            "fqcn",
            context.getLogger("dev.outbox.Example"),
            Level.WARN,
            "event {} said \"{}\"",
            new IllegalStateException("boom"),
            new Object[] {"e-1", "line\nbreak"});
    event.setTimeStamp(1_764_590_400_123L);
    event.setMDCPropertyMap(Map.of("event_id", "e-1", "aggregate_id", "a-1"));

    String line = new String(encoder.encode(event), StandardCharsets.UTF_8);

    assertThat(line).endsWith("\n").doesNotContain("\n\n");
    assertThat(line.strip()).doesNotContain("\n");
    JsonNode json = new ObjectMapper().readTree(line);
    assertThat(OffsetDateTime.parse(json.path("timestamp").asText()).toInstant().toEpochMilli())
        .isEqualTo(1_764_590_400_123L);
    assertThat(json.path("level").asText()).isEqualTo("WARN");
    assertThat(json.path("loggerName").asText()).isEqualTo("dev.outbox.Example");
    assertThat(json.path("message").asText()).isEqualTo("event e-1 said \"line\nbreak\"");
    assertThat(json.path("mdc").path("event_id").asText()).isEqualTo("e-1");
    assertThat(json.path("mdc").path("aggregate_id").asText()).isEqualTo("a-1");
    assertThat(json.path("throwable").path("message").asText()).isEqualTo("boom");
  }

  @Test
  void a_log_format_that_is_neither_text_nor_json_is_a_configuration_error() {
    Cli.Result result = Cli.run(Map.of("LOG_FORMAT", "xml"), "migrate");

    assertThat(result.exitCode()).isEqualTo(78);
    assertThat(result.err()).contains("LOG_FORMAT");
  }
}
