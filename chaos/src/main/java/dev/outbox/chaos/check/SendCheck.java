package dev.outbox.chaos.check;

import dev.outbox.chaos.observe.Kill;
import dev.outbox.chaos.observe.UnrecordedSend;
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
 * accepted exactly once, except where the provider accepted it and the notifier did not record it
 * (notifier/README.md's at-least-once window): its sender was SIGKILLed before the repeat, or
 * logged that the record failed. Those are counted and named apart.
 */
public final class SendCheck {

  private SendCheck() {}

  public static SendVerdict check(
      Set<Notification> expected, List<ProviderRequest> requests, List<Kill> kills) {
    return check(expected, requests, kills, List.of());
  }

  public static SendVerdict check(
      Set<Notification> expected,
      List<ProviderRequest> requests,
      List<Kill> kills,
      List<UnrecordedSend> unrecorded) {
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
    accepted.forEach((n, sends) -> duplicates.addAll(duplicatesOf(n, sends, kills, unrecorded)));
    int acceptedCount = accepted.values().stream().mapToInt(List::size).sum();
    return new SendVerdict(expected.size(), acceptedCount, missing, unexpected, duplicates);
  }

  private static List<DuplicateSend> duplicatesOf(
      Notification notification,
      List<ProviderRequest> sends,
      List<Kill> kills,
      List<UnrecordedSend> unrecorded) {
    List<DuplicateSend> duplicates = new ArrayList<>();
    for (int i = 1; i < sends.size(); i++) {
      ProviderRequest earlier = sends.get(i - 1);
      ProviderRequest again = sends.get(i);
      Kill crash = crashBetween(earlier, again, kills).orElse(null);
      UnrecordedSend failed =
          crash != null ? null : unrecordedBy(notification, earlier, unrecorded).orElse(null);
      duplicates.add(new DuplicateSend(notification, earlier, again, crash, failed));
    }
    return duplicates;
  }

  /**
   * The kill of the earlier request's sender before the next request. An incarnation dies once and
   * sent the earlier request alive, so its kill came after that request; the kill's time is taken
   * just before the signal, which the request's arrival at the stand-in may follow by a moment.
   */
  static Optional<Kill> crashBetween(
      ProviderRequest earlier, ProviderRequest again, List<Kill> kills) {
    return kills.stream()
        .filter(k -> k.incarnation().equals(earlier.sender()))
        .filter(k -> !k.at().isAfter(again.at()))
        .findFirst();
  }

  /** The earlier request's sender logged that it could not record this notification. */
  static Optional<UnrecordedSend> unrecordedBy(
      Notification notification, ProviderRequest earlier, List<UnrecordedSend> unrecorded) {
    return unrecorded.stream()
        .filter(u -> u.eventId().equals(notification.eventId()))
        .filter(u -> u.channel() == notification.channel())
        .filter(u -> u.incarnation().equals(earlier.sender()))
        .findFirst();
  }
}
