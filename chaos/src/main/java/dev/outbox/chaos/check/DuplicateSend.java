package dev.outbox.chaos.check;

import dev.outbox.chaos.observe.Kill;
import dev.outbox.chaos.provider.ProviderRequest;

/**
 * A notification the provider accepted once more than it should have.
 *
 * @param earlier the accepted request before {@code again}
 * @param crash the SIGKILL of {@code earlier}'s sender after that request reached the provider and
 *     before {@code again}: the documented crash window (provider accepted, the notifier died
 *     before recording it, the lease expired, the delivery was sent again); null when there was
 *     none, i.e. a duplicate the product's protocol should have prevented
 */
public record DuplicateSend(
    Notification notification, ProviderRequest earlier, ProviderRequest again, Kill crash) {

  public boolean inCrashWindow() {
    return crash != null;
  }
}
