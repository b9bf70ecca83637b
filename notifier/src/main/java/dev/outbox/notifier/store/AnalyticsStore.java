package dev.outbox.notifier.store;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;

/** Daily counters, each event counted at most once. */
public interface AnalyticsStore {

  /**
   * Adds {@code increments} to the day's counters in one transaction together with a mark for
   * {@code eventId}; returns false and changes nothing when the event was counted before.
   */
  boolean countOnce(
      UUID eventId, String eventType, LocalDate day, Map<String, BigDecimal> increments);

  /** The day's counters, metric name to value. */
  Map<String, BigDecimal> dailyCounts(LocalDate day);
}
