package dev.outbox.config;

import java.util.Locale;

/** The processes that read settings, for the configuration reference's "read by" column. */
public enum Role {
  API,
  RELAY,
  NOTIFIER,
  /** The operator commands: migrate, replay, status, dlq. */
  CLI,
  /** The benchmark harness (not part of the distribution's reference). */
  BENCH;

  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }
}
