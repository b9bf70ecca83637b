package dev.outbox.notifier.dispatch;

import dev.outbox.notifier.store.NewDelivery.Channel;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;

/**
 * The notifications handler's counters per channel ({@code email}, {@code sms}), all registered at
 * zero: {@code notifier.notifications.sent}, {@code .failed} (every send or recipient that did not
 * succeed), and of those {@code .retried} (another attempt is scheduled) and {@code .dead_lettered}
 * (given up: refused for good, invalid recipient, or out of attempts); {@code .unrecorded}: the
 * provider accepted but the delivery log could not record it (the at-least-once window); and {@code
 * notifier.reconciled{path=confirmed_by_provider}}: a crashed send a provider report showed to have
 * arrived, not sent again.
 */
final class ChannelMetrics {

  private record Counters(
      Counter sent, Counter failed, Counter retried, Counter deadLettered, Counter unrecorded) {}

  private final Map<Channel, Counters> counters = new EnumMap<>(Channel.class);
  private final Counter confirmedByProvider;

  ChannelMetrics(MeterRegistry meters) {
    confirmedByProvider = meters.counter("notifier.reconciled", "path", "confirmed_by_provider");
    for (Channel channel : Channel.values()) {
      String tag = channel.name().toLowerCase(Locale.ROOT);
      counters.put(
          channel,
          new Counters(
              meters.counter("notifier.notifications.sent", "channel", tag),
              meters.counter("notifier.notifications.failed", "channel", tag),
              meters.counter("notifier.notifications.retried", "channel", tag),
              meters.counter("notifier.notifications.dead_lettered", "channel", tag),
              meters.counter("notifier.notifications.unrecorded", "channel", tag)));
    }
  }

  void sent(Channel channel) {
    counters.get(channel).sent().increment();
  }

  void failed(Channel channel) {
    counters.get(channel).failed().increment();
  }

  void retried(Channel channel) {
    counters.get(channel).retried().increment();
  }

  void deadLettered(Channel channel) {
    counters.get(channel).deadLettered().increment();
  }

  void confirmedByProvider() {
    confirmedByProvider.increment();
  }

  void unrecorded(Channel channel) {
    counters.get(channel).unrecorded().increment();
  }
}
