package dev.outbox.chaos.provider;

import java.time.Instant;
import java.util.UUID;

/**
 * One request the provider stand-in received, as recorded before it answered.
 *
 * @param seq arrival number at the stand-in, from 1
 * @param eventId the event id the notifier passes on (SendGrid {@code custom_args.event_id},
 *     Twilio's status callback {@code ?event_id=}); null when the request carried none
 * @param sender the notifier incarnation that sent it, from its per-incarnation credential
 * @param status what the stand-in answered: 2xx means the provider accepted (the message is sent)
 * @param text the plain-text body (email) or the SMS body
 */
public record ProviderRequest(
    long seq,
    Instant at,
    Channel channel,
    UUID eventId,
    String recipient,
    String sender,
    int status,
    String text) {

  /** Whether the provider accepted it, i.e. an email or SMS went out. */
  public boolean accepted() {
    return status >= 200 && status < 300;
  }
}
