package dev.outbox.config;

import com.rabbitmq.client.impl.recovery.RecordedBinding;
import com.rabbitmq.client.impl.recovery.RecordedConsumer;
import com.rabbitmq.client.impl.recovery.RecordedEntity;
import com.rabbitmq.client.impl.recovery.RecordedExchange;
import com.rabbitmq.client.impl.recovery.RecordedQueue;
import com.rabbitmq.client.impl.recovery.TopologyRecoveryFilter;

/**
 * Which recorded declarations the AMQP client re-declares after it recovered a connection: only
 * those of channels it recovered too. The client re-declares through the channel that first
 * declared, and the roles declare their topology on short-lived channels they close right after
 * ({@link EventExchange}, the notifier's queues): re-declaring those fails every time, one error
 * per exchange, queue and binding, although the durable objects survived the broker's restart. The
 * consumers (on channels that stay open) are recovered as before; a failure among them is counted
 * in the recovery's one log line ({@link RecoveryLog}).
 */
final class RecoverableTopology implements TopologyRecoveryFilter {

  @Override
  public boolean filterExchange(RecordedExchange exchange) {
    return onOpenChannel(exchange);
  }

  @Override
  public boolean filterQueue(RecordedQueue queue) {
    return onOpenChannel(queue);
  }

  @Override
  public boolean filterBinding(RecordedBinding binding) {
    return onOpenChannel(binding);
  }

  @Override
  public boolean filterConsumer(RecordedConsumer consumer) {
    return true;
  }

  // Channels are recovered before the topology: a closed one is a channel the application closed.
  private static boolean onOpenChannel(RecordedEntity entity) {
    return entity.getDelegateChannel() != null && entity.getDelegateChannel().isOpen();
  }
}
