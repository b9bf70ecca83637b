package dev.outbox.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.outbox.json.Json;
import dev.outbox.notifier.DeadLetter;
import dev.outbox.notifier.DeadLetterListing;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class DlqListOutputTest {

  private static final String EVENT = "0190a5e2-7b3c-7d40-8e11-2f3a4b5c6d7e";
  private static final Instant AT = Instant.parse("2026-11-27T05:00:00Z");

  private static final DeadLetterListing LETTERS =
      new DeadLetterListing(
          4,
          List.of(
              new DeadLetter(EVENT, "q.dlq", EVENT, "user.created", "400", 10, "email", AT),
              new DeadLetter(
                  "sha256:0123456789ab", "q.dlq", "order-7", null, "malformed", 1, "email", AT)));
  private static final ParkedRows.Listing PARKED =
      new ParkedRows.Listing(
          1, List.of(new ParkedRows.Parked(EVENT, "user.created", 5, "refused", AT)));

  @Test
  void text_heads_each_kind_with_its_total_and_how_many_it_shows() {
    assertThat(DlqListOutput.text(LETTERS, PARKED))
        .isEqualTo(
            "notifier dead letters: 4 (showing 2)\n"
                + "  "
                + EVENT
                + "  user.created  queue=q.dlq attempts=10 handler=email"
                + " at=2026-11-27T05:00:00Z reason=400\n"
                + "  sha256:0123456789ab  null  queue=q.dlq attempts=1 handler=email"
                + " at=2026-11-27T05:00:00Z reason=malformed message_id=order-7\n"
                + "relay parked events: 1 (showing 1)\n"
                + "  "
                + EVENT
                + "  user.created  attempts=5 parked_at=2026-11-27T05:00:00Z last_error=refused\n");
  }

  @Test
  void json_has_the_same_totals_and_entries() throws Exception {
    JsonNode json = Json.mapper().readTree(DlqListOutput.json(LETTERS, PARKED));

    assertThat(json.at("/dead_letters/depth").asLong()).isEqualTo(4);
    assertThat(json.at("/dead_letters/shown").asInt()).isEqualTo(2);
    assertThat(json.at("/dead_letters/messages/1/id").asText()).isEqualTo("sha256:0123456789ab");
    assertThat(json.at("/dead_letters/messages/1/event_id").asText()).isEqualTo("order-7");
    assertThat(json.at("/dead_letters/messages/0/time").asText()).isEqualTo("2026-11-27T05:00:00Z");
    assertThat(json.at("/parked_events/count").asLong()).isEqualTo(1);
    assertThat(json.at("/parked_events/events/0/last_error").asText()).isEqualTo("refused");
  }
}
