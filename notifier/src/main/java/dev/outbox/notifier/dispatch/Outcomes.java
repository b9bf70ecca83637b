package dev.outbox.notifier.dispatch;

import dev.outbox.notifier.consume.HandlerOutcome;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Folds the outcomes of one event's notifications into the one answer its message gets. A retry
 * wins (the deliveries already done are skipped next time), then waiting for another instance, then
 * failure (dead letter), then done.
 */
final class Outcomes {

  private Outcomes() {}

  static HandlerOutcome combine(List<HandlerOutcome> outcomes) {
    List<HandlerOutcome.Retry> retries = of(outcomes, HandlerOutcome.Retry.class);
    if (!retries.isEmpty()) {
      return new HandlerOutcome.Retry(
          retries.stream().map(HandlerOutcome.Retry::reason).collect(Collectors.joining("; ")));
    }
    if (!of(outcomes, HandlerOutcome.Busy.class).isEmpty()) {
      return new HandlerOutcome.Busy();
    }
    List<HandlerOutcome.Failed> failures = of(outcomes, HandlerOutcome.Failed.class);
    if (!failures.isEmpty()) {
      return new HandlerOutcome.Failed(
          failures.stream().map(HandlerOutcome.Failed::reason).collect(Collectors.joining("; ")),
          failures.stream().map(HandlerOutcome.Failed::handler).collect(Collectors.joining(",")));
    }
    boolean allDuplicates =
        !outcomes.isEmpty()
            && outcomes.stream().allMatch(HandlerOutcome.Duplicate.class::isInstance);
    return allDuplicates ? new HandlerOutcome.Duplicate() : new HandlerOutcome.Completed();
  }

  private static <T> List<T> of(List<HandlerOutcome> outcomes, Class<T> type) {
    return outcomes.stream().filter(type::isInstance).map(type::cast).toList();
  }
}
