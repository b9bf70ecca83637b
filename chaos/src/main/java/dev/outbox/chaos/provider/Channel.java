package dev.outbox.chaos.provider;

/** The two kinds of notification the notifier sends: email through SendGrid, SMS through Twilio. */
public enum Channel {
  EMAIL,
  SMS
}
