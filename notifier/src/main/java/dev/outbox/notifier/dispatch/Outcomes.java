package dev.outbox.notifier.dispatch;

import dev.outbox.notifier.event.Outcome;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Folds the outcomes of one event's notifications into the one answer its message gets. A retry
 * wins (the deliveries already done are skipped next time), then waiting for another instance, then
 * the dead letter, then done; the event is a duplicate only when every notification was sent
 * before.
 */
final class Outcomes {

  private Outcomes() {}

  static Outcome combine(List<Outcome> outcomes) {
    List<Outcome.RetryLater> retries = of(outcomes, Outcome.RetryLater.class);
    if (!retries.isEmpty()) {
      return new Outcome.RetryLater(
          join(retries.stream().map(Outcome.RetryLater::reason).toList(), "; "),
          join(retries.stream().map(Outcome.RetryLater::handler).toList(), ","));
    }
    if (!of(outcomes, Outcome.Busy.class).isEmpty()) {
      return new Outcome.Busy();
    }
    List<Outcome.DeadLetter> failures = of(outcomes, Outcome.DeadLetter.class);
    if (!failures.isEmpty()) {
      return new Outcome.DeadLetter(
          join(failures.stream().map(Outcome.DeadLetter::reason).toList(), "; "),
          join(failures.stream().map(Outcome.DeadLetter::handler).toList(), ","));
    }
    boolean allDuplicates =
        !outcomes.isEmpty() && outcomes.stream().allMatch(Outcome.Duplicate.class::isInstance);
    return allDuplicates ? new Outcome.Duplicate() : new Outcome.Completed();
  }

  private static String join(List<String> parts, String separator) {
    return parts.stream().map(String::valueOf).collect(Collectors.joining(separator));
  }

  private static <T> List<T> of(List<Outcome> outcomes, Class<T> type) {
    return outcomes.stream().filter(type::isInstance).map(type::cast).toList();
  }
}
