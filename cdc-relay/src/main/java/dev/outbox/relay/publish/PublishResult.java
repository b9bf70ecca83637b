package dev.outbox.relay.publish;

import dev.outbox.relay.model.OutboxMessage;
import java.util.List;

/**
 * The broker's answer to one publish call.
 *
 * @param refused the messages refused individually, in publish order, with the reason
 */
public record PublishResult(List<Refusal> refused) {

  public PublishResult {
    refused = List.copyOf(refused);
  }

  /** One message the broker would not take, and why (becomes the row's last_error). */
  public record Refusal(OutboxMessage message, String reason) {}
}
