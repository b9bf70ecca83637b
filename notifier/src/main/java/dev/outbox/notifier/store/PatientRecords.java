package dev.outbox.notifier.store;

import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link Deliveries} that keeps trying to record a provider's acceptance while the database is
 * unreachable, for up to one lease, before it gives up. Between the provider's 2xx and the record
 * the notification has gone out; giving up at the first failure (a PostgreSQL restart takes a few
 * seconds) leaves the delivery {@code SENDING} until its lease expires and it is sent again. Within
 * the lease nobody else may take the delivery over, so a record that succeeds then is the only one.
 * The claim's fence stays as it is: a record after a take-over still returns false.
 */
public final class PatientRecords implements Deliveries {

  private static final Logger log = LoggerFactory.getLogger(PatientRecords.class);
  private static final Duration FIRST_PAUSE = Duration.ofMillis(100);
  private static final Duration LONGEST_PAUSE = Duration.ofSeconds(1);

  /** Waits between attempts (tests: without waiting). */
  @FunctionalInterface
  interface Pause {
    void sleep(Duration pause) throws InterruptedException;
  }

  private final Deliveries store;
  private final Duration patience;
  private final Pause pause;

  /** Retries a failed record of SENT for up to {@code patience} (the lease). */
  public PatientRecords(Deliveries store, Duration patience) {
    this(store, patience, p -> Thread.sleep(p.toMillis()));
  }

  PatientRecords(Deliveries store, Duration patience, Pause pause) {
    this.store = store;
    this.patience = patience;
    this.pause = pause;
  }

  @Override
  public boolean markSent(Claim.Claimed claim, String providerMessageId) {
    Duration waited = Duration.ZERO;
    Duration next = FIRST_PAUSE;
    while (true) {
      try {
        return store.markSent(claim, providerMessageId);
      } catch (DeliveryStoreException e) {
        if (waited.plus(next).compareTo(patience) > 0) {
          throw e;
        }
        log.warn(
            "recording SENT for delivery {} failed, trying again in {} ms: {}",
            claim.id(),
            next.toMillis(),
            rootMessage(e));
        sleep(next, e);
        waited = waited.plus(next);
        next = min(next.multipliedBy(2), LONGEST_PAUSE);
      }
    }
  }

  private void sleep(Duration next, DeliveryStoreException failure) {
    try {
      pause.sleep(next);
    } catch (InterruptedException interrupted) {
      Thread.currentThread().interrupt();
      throw failure; // stopping: the caller treats it as a record that failed
    }
  }

  private static Duration min(Duration a, Duration b) {
    return a.compareTo(b) <= 0 ? a : b;
  }

  // The SQLException's text ("Connection refused", "An I/O error occurred ..."); its own causes
  // (an EOFException) often have none.
  private static String rootMessage(Throwable e) {
    return String.valueOf(e.getCause() != null ? e.getCause().getMessage() : e.getMessage());
  }

  @Override
  public Claim claim(NewDelivery delivery, boolean redriven) {
    return store.claim(delivery, redriven);
  }

  @Override
  public boolean markRetryScheduled(Claim.Claimed claim, String error) {
    return store.markRetryScheduled(claim, error);
  }

  @Override
  public boolean markFailedPermanently(Claim.Claimed claim, String error) {
    return store.markFailedPermanently(claim, error);
  }

  @Override
  public boolean markGaveUp(Claim.Claimed claim, String error) {
    return store.markGaveUp(claim, error);
  }

  @Override
  public Optional<DeliveryRecord> find(UUID eventId, String handler) {
    return store.find(eventId, handler);
  }
}
