package dev.outbox.notifier.store;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import dev.outbox.notifier.NotifierMigrations;
import dev.outbox.notifier.store.NewDelivery.Channel;
import dev.outbox.testing.MutableClock;
import dev.outbox.testing.Rows;
import dev.outbox.testing.TestDatabase;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * The crash window: a delivery left in SENDING by a dead instance is confirmed by a provider report
 * (the api's webhooks write them), or sent again once the reconciliation window has passed.
 */
class ReconciliationIT {

  private static final Duration LEASE = Duration.ofSeconds(60);
  private static final Duration WINDOW = Duration.ofSeconds(30);
  private static final TestDatabase db = TestDatabase.create("reconcile");
  private static final HikariDataSource pool = db.pool("reconcile-it", 4);
  private static final MutableClock clock = new MutableClock(Instant.parse("2026-11-27T04:00:00Z"));
  private static final Rows rows = new Rows(pool);
  private static final JdbcDeliveries deliveries;

  static {
    NotifierMigrations.migrate(pool);
    deliveries = new JdbcDeliveries(pool, clock, LEASE, WINDOW);
  }

  @AfterAll
  static void dropDatabase() {
    pool.close();
    db.close();
  }

  private static NewDelivery welcomeSms(UUID eventId) {
    return new NewDelivery(
        eventId,
        "welcome_sms",
        "user.created",
        Channel.SMS,
        "+14155550100",
        "welcome_sms",
        "twilio");
  }

  private static void providerReport(Claim.Claimed claim, String sid, String status) {
    rows.execute(
        "insert into notifier.provider_events (delivery_id, provider, event_key,"
            + " provider_message_id, status, raw_status, occurred_at, received_at) values ("
            + claim.id()
            + ", 'twilio', '"
            + sid
            + ":"
            + status
            + "', '"
            + sid
            + "', '"
            + status
            + "', '"
            + status
            + "', now(), now())");
  }

  private static String reconciliation(UUID eventId) {
    return rows.text("select reconciliation from notifier.deliveries where event_id = ?", eventId);
  }

  @Test
  void a_lost_send_the_provider_reported_on_is_recorded_as_sent_without_sending_again() {
    UUID eventId = UUID.randomUUID();
    Claim.Claimed died = (Claim.Claimed) deliveries.claim(welcomeSms(eventId), false);
    providerReport(died, "SM" + eventId.toString().replace("-", ""), "sent");

    clock.advance(LEASE.plusSeconds(1));
    Claim next = deliveries.claim(welcomeSms(eventId), false);

    assertThat(next)
        .isEqualTo(new Claim.ConfirmedByProvider("SM" + eventId.toString().replace("-", "")));
    DeliveryRecord row = deliveries.find(eventId, "welcome_sms").orElseThrow();
    assertThat(row.state()).isEqualTo(DeliveryState.SENT);
    assertThat(row.attempts()).isEqualTo(1);
    assertThat(reconciliation(eventId)).isEqualTo("CONFIRMED_BY_PROVIDER");
    assertThat(deliveries.markSent(died, "late")).isFalse();
  }

  @Test
  void a_report_is_waited_for_during_the_window_and_then_the_delivery_is_sent_again() {
    UUID eventId = UUID.randomUUID();
    deliveries.claim(welcomeSms(eventId), false);

    clock.advance(LEASE.plusSeconds(1));
    Claim withinWindow = deliveries.claim(welcomeSms(eventId), false);
    clock.advance(WINDOW);
    Claim afterWindow = deliveries.claim(welcomeSms(eventId), false);

    assertThat(withinWindow).isInstanceOf(Claim.Busy.class);
    assertThat(afterWindow).isInstanceOf(Claim.Claimed.class);
    assertThat(((Claim.Claimed) afterWindow).attempt()).isEqualTo(2);
    assertThat(reconciliation(eventId)).isEqualTo("RESENT_WITHOUT_REPORT");
  }

  @Test
  void a_report_that_arrives_within_the_window_stops_the_second_send() {
    UUID eventId = UUID.randomUUID();
    Claim.Claimed died = (Claim.Claimed) deliveries.claim(welcomeSms(eventId), false);
    clock.advance(LEASE.plusSeconds(1));
    assertThat(deliveries.claim(welcomeSms(eventId), false)).isInstanceOf(Claim.Busy.class);

    providerReport(died, "SMlate" + eventId.toString().substring(0, 8), "delivered");
    clock.advance(WINDOW);

    assertThat(deliveries.claim(welcomeSms(eventId), false))
        .isInstanceOf(Claim.ConfirmedByProvider.class);
    assertThat(reconciliation(eventId)).isEqualTo("CONFIRMED_BY_PROVIDER");
  }

  @Test
  void an_ordinary_retry_is_not_a_reconciliation() {
    UUID eventId = UUID.randomUUID();
    Claim.Claimed first = (Claim.Claimed) deliveries.claim(welcomeSms(eventId), false);
    deliveries.markRetryScheduled(first, "Twilio answered 503");

    assertThat(deliveries.claim(welcomeSms(eventId), false)).isInstanceOf(Claim.Claimed.class);
    assertThat(reconciliation(eventId)).isNull();
  }
}
