package dev.outbox.chaos.check;

import dev.outbox.chaos.observe.Arrival;
import dev.outbox.chaos.observe.CommittedEvent;
import dev.outbox.chaos.observe.Kill;
import dev.outbox.chaos.provider.Channel;
import dev.outbox.chaos.provider.ProviderRequest;
import java.time.Instant;
import java.util.UUID;

/** Small fixtures for the checker: ids are numbers, times are seconds from a fixed instant. */
final class Fixtures {

  static final Instant T0 = Instant.parse("2026-12-01T10:00:00Z");

  private Fixtures() {}

  static UUID id(int n) {
    return new UUID(0, n);
  }

  static Instant at(double seconds) {
    return T0.plusMillis(Math.round(seconds * 1000));
  }

  /** Event {@code n} of aggregate {@code aggregate}, the {@code position}-th to commit. */
  static CommittedEvent event(int n, String aggregate, long position) {
    return new CommittedEvent(id(n), "order", aggregate, "order.placed", position);
  }

  /** The {@code seq}-th arrival at the audit queue, of event {@code n}. */
  static Arrival arrival(int n, long seq) {
    return new Arrival(id(n), seq, at(seq), false, "order.placed");
  }

  static Arrival redelivery(int n, long seq) {
    return new Arrival(id(n), seq, at(seq), true, "order.placed");
  }

  /**
   * A request for event {@code n}'s email from {@code sender} at {@code second}, answered {@code
   * status}.
   */
  static ProviderRequest email(long seq, int n, String sender, double second, int status) {
    return new ProviderRequest(
        seq, at(second), Channel.EMAIL, id(n), "u" + n + "@chaos.example", sender, status, "hi");
  }

  static Kill kill(String incarnation, double second) {
    return new Kill(incarnation, at(second));
  }
}
