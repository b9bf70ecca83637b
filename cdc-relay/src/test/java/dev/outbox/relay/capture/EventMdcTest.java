package dev.outbox.relay.capture;

import static org.assertj.core.api.Assertions.assertThat;

import dev.outbox.relay.model.OutboxMessage;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;

class EventMdcTest {

  static OutboxMessage message(String traceparent) {
    return new OutboxMessage(
        UUID.randomUUID(),
        "user.created",
        "user",
        "42",
        "{}",
        Instant.EPOCH,
        1,
        null,
        false,
        traceparent);
  }

  @Test
  void the_trace_id_of_a_traced_event_is_in_the_mdc_until_closed() {
    OutboxMessage m = message("00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01");
    try (EventMdc ignored = EventMdc.of(m)) {
      assertThat(MDC.get("trace_id")).isEqualTo("4bf92f3577b34da6a3ce929d0e0e4736");
      assertThat(MDC.get("event_id")).isEqualTo(m.id().toString());
    }
    assertThat(MDC.get("trace_id")).isNull();
    assertThat(MDC.get("event_id")).isNull();
  }

  @Test
  void an_untraced_or_malformed_one_puts_no_trace_id() {
    try (EventMdc ignored = EventMdc.of(message(null))) {
      assertThat(MDC.get("trace_id")).isNull();
    }
    try (EventMdc ignored = EventMdc.of(message("garbage"))) {
      assertThat(MDC.get("trace_id")).isNull();
    }
  }
}
