package dev.outbox.api.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.outbox.api.error.ApiProblem;
import dev.outbox.testing.providers.SendGridStandIn;
import dev.outbox.testing.providers.TwilioStandIn;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ProviderReportsTest {

  private static final Instant NOW = Instant.parse("2026-12-01T12:00:00Z");

  @Test
  void a_twilio_callback_names_its_delivery_through_the_query_the_notifier_set() {
    UUID eventId = UUID.randomUUID();

    ProviderReport report =
        TwilioReports.read(
            TwilioStandIn.statusForm("SM1", "undelivered", "30005"),
            Map.of("event_id", eventId.toString(), "handler", "welcome_sms"),
            NOW);

    assertThat(report.eventId()).contains(eventId);
    assertThat(report.handler()).contains("welcome_sms");
    assertThat(report.providerMessageId()).isEqualTo("SM1");
    assertThat(report.status()).isEqualTo(ProviderStatus.UNDELIVERED);
    assertThat(report.status().permanentFailure()).isTrue();
    assertThat(report.errorCode()).contains("30005");
    assertThat(report.eventKey()).isEqualTo("SM1:undelivered");
    assertThat(report.occurredAt()).isEqualTo(NOW);
  }

  @Test
  void a_twilio_callback_without_sid_or_status_is_invalid_and_a_bad_event_id_is_ignored() {
    assertThatThrownBy(() -> TwilioReports.read(Map.of("MessageSid", "SM1"), Map.of(), NOW))
        .isInstanceOf(ApiProblem.class)
        .hasMessageContaining("MessageStatus");
    ProviderReport report =
        TwilioReports.read(
            TwilioStandIn.statusForm("SM2", "queued", null), Map.of("event_id", "nope"), NOW);
    assertThat(report.eventId()).isEmpty();
    assertThat(report.status()).isEqualTo(ProviderStatus.ACCEPTED);
  }

  @Test
  void sendgrid_events_carry_custom_args_at_the_top_level_and_their_own_time() {
    UUID eventId = UUID.randomUUID();
    var bounce = SendGridStandIn.event("bounce", eventId, "welcome_email", "abc", NOW);
    bounce.put("type", "blocked");
    bounce.put("status", "5.7.1");
    var open = SendGridStandIn.event("open", null, null, "abc", NOW.plusSeconds(60));
    open.remove("sg_event_id");

    List<ProviderReport> reports =
        SendGridReports.read(SendGridStandIn.body(List.of(bounce, open)));

    assertThat(reports).hasSize(2);
    ProviderReport first = reports.get(0);
    assertThat(first.eventId()).contains(eventId);
    assertThat(first.handler()).contains("welcome_email");
    assertThat(first.status()).isEqualTo(ProviderStatus.BOUNCED);
    assertThat(first.rawStatus()).isEqualTo("bounce:blocked");
    assertThat(first.errorCode()).contains("5.7.1");
    assertThat(first.eventKey()).isEqualTo(bounce.get("sg_event_id").asText());
    assertThat(first.occurredAt()).isEqualTo(NOW);
    ProviderReport second = reports.get(1);
    assertThat(second.status().rank()).isZero();
    assertThat(second.eventKey()).startsWith("sha256:");
    assertThat(second.handler()).isEqualTo(Optional.empty());
  }

  @Test
  void a_sendgrid_body_that_is_not_an_array_of_events_is_refused() {
    assertThatThrownBy(() -> SendGridReports.read("{}".getBytes(StandardCharsets.UTF_8)))
        .isInstanceOf(ApiProblem.class);
    assertThatThrownBy(() -> SendGridReports.read("[{\"event\":\"delivered\"}]".getBytes()))
        .isInstanceOf(ApiProblem.class)
        .hasMessageContaining("[0]");
  }

  @Test
  void statuses_map_to_one_vocabulary() {
    assertThat(ProviderStatus.fromSendGrid("processed")).isEqualTo(ProviderStatus.ACCEPTED);
    assertThat(ProviderStatus.fromSendGrid("dropped").permanentFailure()).isTrue();
    assertThat(ProviderStatus.fromSendGrid("deferred").permanentFailure()).isFalse();
    assertThat(ProviderStatus.fromSendGrid("something_new")).isEqualTo(ProviderStatus.OTHER);
    assertThat(ProviderStatus.fromTwilio("sent")).isEqualTo(ProviderStatus.SENT);
    assertThat(ProviderStatus.fromTwilio("failed").permanentFailure()).isTrue();
    assertThat(ProviderStatus.DELIVERED.rank()).isGreaterThan(ProviderStatus.SENT.rank());
  }
}
