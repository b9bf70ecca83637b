package dev.outbox.notifier.channel;

import java.util.Objects;
import java.util.UUID;

/**
 * One rendered email. {@code eventId} and {@code handler} (the rule's name) are handed to the
 * provider (SendGrid custom_args, SMTP headers) so its delivery reports can be matched to the
 * delivery log; they are not personal data.
 */
public record EmailMessage(
    UUID eventId, String handler, String to, String subject, String html, String text) {

  public EmailMessage {
    Objects.requireNonNull(eventId, "eventId is required");
    Objects.requireNonNull(handler, "handler is required");
    Objects.requireNonNull(to, "to is required");
    Objects.requireNonNull(subject, "subject is required");
    Objects.requireNonNull(html, "html is required");
    Objects.requireNonNull(text, "text is required");
  }
}
