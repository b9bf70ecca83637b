package dev.outbox.core.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import dev.outbox.core.domain.user.Email;
import dev.outbox.core.domain.user.UserEvent.UserCreated;
import dev.outbox.core.domain.user.UserId;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class OutboxEventFactoryTest {

  static final String TRACEPARENT = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";

  static UserCreated created() {
    return new UserCreated(
        UUID.randomUUID(),
        Instant.parse("2026-12-01T10:00:00Z"),
        new UserId(UUID.randomUUID()),
        new Email("ada@example.com"),
        null);
  }

  @Test
  void a_row_stores_the_traceparent_of_the_current_trace() {
    OutboxEvent row = new OutboxEventFactory(() -> TRACEPARENT).create(created());

    assertThat(row.traceparent()).contains(TRACEPARENT);
  }

  @Test
  void an_untraced_row_stores_none() {
    assertThat(new OutboxEventFactory().create(created()).traceparent()).isEmpty();
    assertThat(new OutboxEventFactory(CurrentTrace.NONE).create(created()).traceparent()).isEmpty();
  }
}
