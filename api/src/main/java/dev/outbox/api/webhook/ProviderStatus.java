package dev.outbox.api.webhook;

import java.util.Locale;

/**
 * What a provider report says about a delivery, in one vocabulary for Twilio and SendGrid. {@code
 * rank} orders the reports of one delivery: a final status (2) is never replaced by a progress
 * report (1) that arrives after it, and engagement reports (0: opened, clicked, ...) are kept in
 * the history without becoming the delivery's status.
 */
enum ProviderStatus {
  ACCEPTED(1, false),
  SENT(1, false),
  DEFERRED(1, false),
  DELIVERED(2, false),
  UNDELIVERED(2, true),
  BOUNCED(2, true),
  DROPPED(2, true),
  FAILED(2, true),
  OPENED(0, false),
  CLICKED(0, false),
  SPAM_REPORT(0, false),
  UNSUBSCRIBED(0, false),
  OTHER(0, false);

  private final int rank;
  private final boolean permanentFailure;

  ProviderStatus(int rank, boolean permanentFailure) {
    this.rank = rank;
    this.permanentFailure = permanentFailure;
  }

  int rank() {
    return rank;
  }

  /** The provider gave up on the message: a bounce operators must see. */
  boolean permanentFailure() {
    return permanentFailure;
  }

  /** As stored in the delivery log: {@code delivered}, {@code spam_report}. */
  String label() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Twilio's MessageStatus values (Messaging "Message status values"). */
  static ProviderStatus fromTwilio(String status) {
    return switch (status.toLowerCase(Locale.ROOT)) {
      case "accepted", "scheduled", "queued", "sending" -> ACCEPTED;
      case "sent" -> SENT;
      case "delivered" -> DELIVERED;
      case "undelivered" -> UNDELIVERED;
      case "failed" -> FAILED;
      case "read" -> OPENED;
      default -> OTHER;
    };
  }

  /** SendGrid's Event Webhook {@code event} values. */
  static ProviderStatus fromSendGrid(String event) {
    return switch (event.toLowerCase(Locale.ROOT)) {
      case "processed" -> ACCEPTED;
      case "deferred" -> DEFERRED;
      case "delivered" -> DELIVERED;
      case "bounce" -> BOUNCED;
      case "dropped" -> DROPPED;
      case "open" -> OPENED;
      case "click" -> CLICKED;
      case "spamreport" -> SPAM_REPORT;
      case "unsubscribe", "group_unsubscribe" -> UNSUBSCRIBED;
      default -> OTHER;
    };
  }
}
