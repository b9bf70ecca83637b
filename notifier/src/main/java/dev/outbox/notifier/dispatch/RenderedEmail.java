package dev.outbox.notifier.dispatch;

/** A rendered email: the subject line and both bodies. */
public record RenderedEmail(String subject, String html, String text) {}
