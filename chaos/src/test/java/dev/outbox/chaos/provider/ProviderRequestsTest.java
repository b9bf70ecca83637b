package dev.outbox.chaos.provider;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ProviderRequestsTest {

  private static final UUID EVENT = UUID.fromString("0190a5c8-0000-7000-8000-000000000001");

  @Test
  void a_sendgrid_mail_send_names_its_event_recipient_text_and_sending_incarnation() {
    String body =
        "{\"from\":{\"email\":\"noreply@chaos.example\"},\"subject\":\"Welcome!\","
            + "\"personalizations\":[{\"to\":[{\"email\":\"ada@example.com\"}]}],"
            + "\"content\":[{\"type\":\"text/plain\",\"value\":\"open /users/x/verify-email?token=t\"},"
            + "{\"type\":\"text/html\",\"value\":\"<p>\"}],"
            + "\"custom_args\":{\"event_id\":\""
            + EVENT
            + "\"}}";

    var parsed =
        ProviderRequests.parse("/v3/mail/send", "Bearer SG.chaos-notifier-a#2", body).orElseThrow();

    assertThat(parsed.channel()).isEqualTo(Channel.EMAIL);
    assertThat(parsed.eventId()).isEqualTo(EVENT);
    assertThat(parsed.recipient()).isEqualTo("ada@example.com");
    assertThat(parsed.sender()).isEqualTo("notifier-a#2");
    assertThat(parsed.text()).isEqualTo("open /users/x/verify-email?token=t");
  }

  @Test
  void a_twilio_message_names_its_event_from_the_status_callback_and_its_sender_from_the_token() {
    String auth =
        "Basic "
            + Base64.getEncoder()
                .encodeToString(
                    "AC0000000000000000000000000000c4a5:chaos-notifier-b#1"
                        .getBytes(StandardCharsets.UTF_8));
    String body =
        "StatusCallback=http%3A%2F%2F127.0.0.1%3A8080%2Fwebhooks%2Ftwilio%2Fstatus%3Fevent_id%3D"
            + EVENT
            + "&To=%2B14155550100&From=%2B15005550006&Body=Welcome%21";

    var parsed =
        ProviderRequests.parse(
                "/2010-04-01/Accounts/AC0000000000000000000000000000c4a5/Messages.json", auth, body)
            .orElseThrow();

    assertThat(parsed.channel()).isEqualTo(Channel.SMS);
    assertThat(parsed.eventId()).isEqualTo(EVENT);
    assertThat(parsed.recipient()).isEqualTo("+14155550100");
    assertThat(parsed.sender()).isEqualTo("notifier-b#1");
    assertThat(parsed.text()).isEqualTo("Welcome!");
  }

  @Test
  void other_paths_are_not_provider_requests_and_foreign_credentials_are_unknown_senders() {
    assertThat(ProviderRequests.parse("/v3/other", null, "{}")).isEmpty();
    assertThat(
            ProviderRequests.parse("/v3/mail/send", "Bearer SG.real", "{}").orElseThrow().sender())
        .isEqualTo("unknown");
  }
}
