package dev.outbox.chaos.check;

import dev.outbox.chaos.observe.Kill;
import dev.outbox.chaos.observe.UnrecordedSend;
import dev.outbox.chaos.provider.ProviderRequest;

/**
 * A notification the provider accepted once more than it should have.
 *
 * @param earlier the accepted request before {@code again}
 * @param crash the SIGKILL of {@code earlier}'s sender before {@code again}: the documented crash
 *     window (provider accepted, the notifier died before recording it, the lease expired, the
 *     delivery was sent again); null when there was none
 * @param unrecorded {@code earlier}'s sender logged that it could not record this notification (the
 *     database stayed unreachable for its lease): the same window without a crash; null when it did
 *     not
 */
public record DuplicateSend(
    Notification notification,
    ProviderRequest earlier,
    ProviderRequest again,
    Kill crash,
    UnrecordedSend unrecorded) {

  /** In the documented window: accepted, then not recorded (a kill or a record that failed). */
  public boolean inCrashWindow() {
    return crash != null || unrecorded != null;
  }

  /** What put it in the window, for the report; "none" outside it. */
  public String window() {
    if (crash != null) {
      return "after kill of " + crash.incarnation();
    }
    return unrecorded != null ? "record failed in " + unrecorded.incarnation() : "none";
  }
}
