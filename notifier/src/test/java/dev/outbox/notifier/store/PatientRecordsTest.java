package dev.outbox.notifier.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class PatientRecordsTest {

  private static final Claim.Claimed CLAIM = new Claim.Claimed(7, 1);

  private final List<Duration> pauses = new ArrayList<>();

  @Test
  void a_record_of_sent_that_fails_while_the_database_is_down_is_tried_again_until_it_holds() {
    DownFor store = new DownFor(3);
    PatientRecords records = new PatientRecords(store, Duration.ofSeconds(5), pauses::add);

    assertThat(records.markSent(CLAIM, "SG.1")).isTrue();

    assertThat(store.calls).isEqualTo(4);
    assertThat(store.sent).isEqualTo("SG.1");
    assertThat(pauses).containsExactly(ms(100), ms(200), ms(400));
  }

  @Test
  void it_gives_up_when_the_next_pause_would_outlast_the_lease() {
    DownFor store = new DownFor(Integer.MAX_VALUE);
    PatientRecords records = new PatientRecords(store, Duration.ofSeconds(2), pauses::add);

    assertThatThrownBy(() -> records.markSent(CLAIM, "SG.1"))
        .isInstanceOf(DeliveryStoreException.class);

    // 100 + 200 + 400 + 800 = 1.5 s; one more second would be 2.5 s, past the 2 s lease
    assertThat(pauses).containsExactly(ms(100), ms(200), ms(400), ms(800));
    assertThat(store.sent).isNull();
  }

  @Test
  void a_record_the_lease_fence_refused_is_not_tried_again() {
    DownFor store = new DownFor(0);
    store.fenced = true;
    PatientRecords records = new PatientRecords(store, Duration.ofSeconds(5), pauses::add);

    assertThat(records.markSent(CLAIM, "SG.1")).isFalse();
    assertThat(store.calls).isEqualTo(1);
    assertThat(pauses).isEmpty();
  }

  @Test
  void other_records_fail_at_once() {
    DownFor store = new DownFor(1);
    PatientRecords records = new PatientRecords(store, Duration.ofSeconds(5), pauses::add);

    assertThatThrownBy(() -> records.markRetryScheduled(CLAIM, "503"))
        .isInstanceOf(DeliveryStoreException.class);
    assertThat(pauses).isEmpty();
  }

  private static Duration ms(long millis) {
    return Duration.ofMillis(millis);
  }

  /** A store whose database is down for its first {@code failures} calls. */
  private static final class DownFor implements Deliveries {
    private final int failures;
    int calls;
    String sent;
    boolean fenced;

    DownFor(int failures) {
      this.failures = failures;
    }

    private void reach() {
      if (++calls <= failures) {
        throw new DeliveryStoreException("recording", new SQLException("connection refused"));
      }
    }

    @Override
    public boolean markSent(Claim.Claimed claim, String providerMessageId) {
      reach();
      if (fenced) {
        return false;
      }
      sent = providerMessageId;
      return true;
    }

    @Override
    public boolean markRetryScheduled(Claim.Claimed claim, String error) {
      reach();
      return true;
    }

    @Override
    public Claim claim(NewDelivery delivery, boolean redriven) {
      throw new UnsupportedOperationException();
    }

    @Override
    public boolean markFailedPermanently(Claim.Claimed claim, String error) {
      throw new UnsupportedOperationException();
    }

    @Override
    public boolean markGaveUp(Claim.Claimed claim, String error) {
      throw new UnsupportedOperationException();
    }

    @Override
    public Optional<DeliveryRecord> find(UUID eventId, String handler) {
      throw new UnsupportedOperationException();
    }
  }
}
