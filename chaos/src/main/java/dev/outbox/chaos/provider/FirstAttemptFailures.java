package dev.outbox.chaos.provider;

import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Which requests the stand-in answers 503: the first attempt of a fixed share of notifications,
 * chosen by the event id's hash (so a run's choice does not depend on timing), never a second
 * attempt, so every notification is eventually accepted.
 */
final class FirstAttemptFailures {

  private final int percent;
  private final Set<String> attempted = ConcurrentHashMap.newKeySet();

  FirstAttemptFailures(int percent) {
    this.percent = percent;
  }

  boolean failsNow(Channel channel, UUID eventId) {
    if (eventId == null || percent <= 0) {
      return false;
    }
    boolean chosen = Math.floorMod((eventId + channel.name()).hashCode(), 100) < percent;
    return chosen && attempted.add(eventId + "/" + channel);
  }
}
