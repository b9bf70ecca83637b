package dev.outbox.chaos.check;

import dev.outbox.chaos.observe.Kill;
import dev.outbox.chaos.provider.ProviderRequest;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Invariant 6 against the provider's request log: every notification the events call for was
 * accepted exactly once, except where a notifier was SIGKILLed between the provider accepting it
 * and the notifier recording it (notifier/README.md's at-least-once window), which is counted and
 * named apart.
 */
public final class SendCheck {

  private SendCheck() {}

  public static SendVerdict check(
      Set<Notification> expected, List<ProviderRequest> requests, List<Kill> kills) {
    Map<Notification, List<ProviderRequest>> accepted = new LinkedHashMap<>();
    requests.stream()
        .filter(ProviderRequest::accepted)
        .sorted(Comparator.comparingLong(ProviderRequest::seq))
        .forEach(
            r ->
                accepted
                    .computeIfAbsent(
                        new Notification(r.eventId(), r.channel()), n -> new ArrayList<>())
                    .add(r));
    List<Notification> missing = expected.stream().filter(n -> !accepted.containsKey(n)).toList();
    List<Notification> unexpected =
        accepted.keySet().stream().filter(n -> !expected.contains(n)).toList();
    List<DuplicateSend> duplicates = new ArrayList<>();
    accepted.forEach((n, sends) -> duplicates.addAll(duplicatesOf(n, sends, kills)));
    int acceptedCount = accepted.values().stream().mapToInt(List::size).sum();
    return new SendVerdict(expected.size(), acceptedCount, missing, unexpected, duplicates);
  }

  private static List<DuplicateSend> duplicatesOf(
      Notification notification, List<ProviderRequest> sends, List<Kill> kills) {
    List<DuplicateSend> duplicates = new ArrayList<>();
    for (int i = 1; i < sends.size(); i++) {
      ProviderRequest earlier = sends.get(i - 1);
      ProviderRequest again = sends.get(i);
      Kill crash = crashBetween(earlier, again, kills).orElse(null);
      duplicates.add(new DuplicateSend(notification, earlier, again, crash));
    }
    return duplicates;
  }

  /** The kill of the earlier request's sender after that request arrived and before the next. */
  static Optional<Kill> crashBetween(
      ProviderRequest earlier, ProviderRequest again, List<Kill> kills) {
    return kills.stream()
        .filter(k -> k.incarnation().equals(earlier.sender()))
        .filter(k -> !k.at().isBefore(earlier.at()) && !k.at().isAfter(again.at()))
        .findFirst();
  }
}
