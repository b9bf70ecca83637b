package dev.outbox.app;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.outbox.json.Json;
import dev.outbox.notifier.DeadLetter;
import dev.outbox.notifier.DeadLetterListing;
import java.util.Objects;

/**
 * The two forms of what {@code dlq list} saw: per kind the total, how many are shown, and each one
 * with the id that {@code dlq redrive} and {@code dlq discard} take.
 */
final class DlqListOutput {

  private DlqListOutput() {}

  static String text(DeadLetterListing letters, ParkedRows.Listing parked) {
    StringBuilder text = new StringBuilder();
    text.append(heading("notifier dead letters", letters.depth(), letters.letters().size()));
    for (DeadLetter letter : letters.letters()) {
      text.append(
          String.format(
              "  %s  %s  queue=%s attempts=%d handler=%s at=%s reason=%s%s%n",
              letter.id(),
              letter.eventType(),
              letter.queue(),
              letter.attempts(),
              letter.handler(),
              letter.time(),
              letter.reason(),
              foreignMessageId(letter)));
    }
    text.append(heading("relay parked events", parked.count(), parked.events().size()));
    for (ParkedRows.Parked event : parked.events()) {
      text.append(
          String.format(
              "  %s  %s  attempts=%d parked_at=%s last_error=%s%n",
              event.id(), event.type(), event.attempts(), event.parkedAt(), event.lastError()));
    }
    return text.toString();
  }

  /**
   * {@code {"dead_letters":{"depth","shown","messages":[...]},"parked_events":{"count","shown",
   * "events":[...]}}}, each message and event with the fields of the text form.
   */
  static String json(DeadLetterListing letters, ParkedRows.Listing parked) {
    ObjectNode json = Json.mapper().createObjectNode();
    ObjectNode dead = json.putObject("dead_letters");
    dead.put("depth", letters.depth());
    dead.put("shown", letters.letters().size());
    dead.set("messages", Json.mapper().valueToTree(letters.letters()));
    ObjectNode events = json.putObject("parked_events");
    events.put("count", parked.count());
    events.put("shown", parked.events().size());
    events.set("events", Json.mapper().valueToTree(parked.events()));
    try {
      return Json.mapper().writeValueAsString(json) + "\n";
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("records of strings and numbers always serialise", e);
    }
  }

  private static String heading(String kind, long total, int shown) {
    return kind + ": " + total + " (showing " + shown + ")\n";
  }

  // A message_id that is not an event id is listed under its hash; say what it was.
  private static String foreignMessageId(DeadLetter letter) {
    return letter.eventId() == null || Objects.equals(letter.eventId(), letter.id())
        ? ""
        : " message_id=" + letter.eventId();
  }
}
