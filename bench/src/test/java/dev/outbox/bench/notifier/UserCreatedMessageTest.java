package dev.outbox.bench.notifier;

import static org.assertj.core.api.Assertions.assertThat;

import dev.outbox.notifier.dispatch.NotificationRule;
import dev.outbox.notifier.dispatch.NotificationTemplates;
import dev.outbox.notifier.dispatch.Notifications;
import dev.outbox.notifier.dispatch.VerificationToken;
import dev.outbox.notifier.event.EventEnvelope;
import dev.outbox.notifier.event.EventEnvelopeParser;
import dev.outbox.notifier.event.EventPayload;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The bench's messages are what the notifier parses and turns into a welcome email and SMS. */
class UserCreatedMessageTest {

  private static final UUID EVENT = UUID.fromString("0190a5c8-1111-7000-8000-000000000001");
  private static final UUID USER = UUID.fromString("0190a5c8-0000-7000-8000-000000000001");
  private static final Instant AT = Instant.parse("2026-11-27T04:20:00.123456789Z");

  private final UserCreatedMessage message = UserCreatedMessage.of(EVENT, USER, 42, AT);
  private final EventEnvelope parsed = new EventEnvelopeParser().parse(message.body());

  @Test
  void the_notifiers_parser_reads_the_envelope_of_docs_events_md() {
    assertThat(parsed.id()).isEqualTo(EVENT);
    assertThat(parsed.type()).isEqualTo("user.created");
    assertThat(parsed.aggregateType()).isEqualTo("user");
    assertThat(parsed.aggregateId()).isEqualTo(USER);
    assertThat(parsed.occurredAt()).isEqualTo(Instant.parse("2026-11-27T04:20:00.123456Z"));
    assertThat(parsed.payload(EventPayload.UserCreated.class))
        .isEqualTo(new EventPayload.UserCreated(USER, "bench-42@example.com", "+14150000042"));
  }

  @Test
  void the_properties_are_the_relays() {
    var props = message.properties();

    assertThat(props.getContentType()).isEqualTo("application/json");
    assertThat(props.getDeliveryMode()).isEqualTo(2);
    assertThat(props.getMessageId()).isEqualTo(EVENT.toString());
    assertThat(props.getType()).isEqualTo("user.created");
    assertThat(props.getTimestamp().toInstant()).isEqualTo(Instant.parse("2026-11-27T04:20:00Z"));
    assertThat(props.getHeaders())
        .containsEntry("aggregate_type", "user")
        .containsEntry("aggregate_id", USER.toString());
  }

  @Test
  void the_notifier_plans_and_renders_a_welcome_email_and_a_welcome_sms_for_it() {
    List<NotificationRule> rules =
        new Notifications(
                new VerificationToken("bench-only-secret"),
                URI.create("http://localhost:8080"),
                Clock.fixed(AT, ZoneOffset.UTC))
            .all().stream().filter(rule -> rule.eventType().equals(parsed.type())).toList();
    var templates = new NotificationTemplates();

    assertThat(rules)
        .extracting(NotificationRule::name)
        .containsExactly("welcome_email", "welcome_sms");
    var email = rules.get(0).plan().apply(parsed).orElseThrow();
    var sms = rules.get(1).plan().apply(parsed).orElseThrow();
    assertThat(email.recipient()).isEqualTo("bench-42@example.com");
    assertThat(templates.email(rules.get(0).template(), email.model()).text())
        .contains("bench-42@example.com", "/users/" + USER + "/verify-email?token=");
    assertThat(sms.recipient()).isEqualTo("+14150000042");
    assertThat(templates.sms(rules.get(1).template(), sms.model())).isNotBlank();
  }

  @Test
  void fresh_messages_are_distinct_events() {
    var a = UserCreatedMessage.fresh(1);
    var b = UserCreatedMessage.fresh(1);

    assertThat(a.eventId()).isNotEqualTo(b.eventId());
    assertThat(new EventEnvelopeParser().parse(a.body()).id()).isEqualTo(a.eventId());
  }
}
