package dev.outbox.chaos.check;

import java.util.List;

/**
 * Exactly-once sends, as the provider stand-in saw them.
 *
 * @param expected notifications the committed events call for
 * @param accepted requests the provider accepted (2xx), i.e. emails and SMS that went out
 * @param missing expected notifications never accepted
 * @param unexpected accepted notifications no committed event calls for
 */
public record SendVerdict(
    int expected,
    int accepted,
    List<Notification> missing,
    List<Notification> unexpected,
    List<DuplicateSend> duplicates) {

  public List<DuplicateSend> inCrashWindow() {
    return duplicates.stream().filter(DuplicateSend::inCrashWindow).toList();
  }

  public List<DuplicateSend> outsideCrashWindow() {
    return duplicates.stream().filter(d -> !d.inCrashWindow()).toList();
  }
}
