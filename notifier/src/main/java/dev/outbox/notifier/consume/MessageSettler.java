package dev.outbox.notifier.consume;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Delivery;
import dev.outbox.notifier.event.Attempt;
import dev.outbox.notifier.event.EventEnvelopeParser;
import dev.outbox.notifier.event.EventHandler;
import dev.outbox.notifier.event.MalformedEvent;
import dev.outbox.notifier.event.Outcome;
import java.io.IOException;
import java.util.Optional;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Settles one message: hands it to the handler as its attempt, routes the outcome ({@link Routing})
 * with publisher confirms, and only then acknowledges it. A failure to make the route durable is
 * thrown, so the caller hands the message back instead of acknowledging it.
 */
final class MessageSettler {

  private static final Logger log = LoggerFactory.getLogger(MessageSettler.class);

  private final String queue;
  private final EventHandler handler;
  private final int maxAttempts;
  private final Routing routing;
  private final ConsumerMetrics metrics;
  private final EventEnvelopeParser parser = new EventEnvelopeParser();

  MessageSettler(
      String queue,
      EventHandler handler,
      int maxAttempts,
      Routing routing,
      ConsumerMetrics metrics) {
    this.queue = queue;
    this.handler = handler;
    this.maxAttempts = maxAttempts;
    this.routing = routing;
    this.metrics = metrics;
  }

  void settle(Channel channel, ConfirmedPublisher publisher, Delivery delivery)
      throws IOException, TimeoutException {
    AMQP.BasicProperties props = delivery.getProperties();
    Attempt attempt =
        new Attempt(MessageHeaders.attempt(props), maxAttempts, MessageHeaders.isRedriven(props));
    Outcome outcome = handle(delivery, attempt);
    metrics.handled(outcome);
    Optional<Routing.Target> target = routing.of(delivery, attempt, outcome);
    if (target.isPresent()) {
      if (outcome instanceof Outcome.DeadLetter letter) {
        log.warn("Dead-lettering a message of {}: {}", queue, letter.reason());
      }
      publisher.publish(target.get().queue(), target.get().properties(), delivery.getBody());
    }
    channel.basicAck(delivery.getEnvelope().getDeliveryTag(), false);
  }

  private Outcome handle(Delivery delivery, Attempt attempt) {
    try {
      return handler.handle(parser.parse(delivery.getBody()), attempt);
    } catch (MalformedEvent e) {
      return new Outcome.DeadLetter("malformed event: " + e.getMessage(), handler.name());
    } catch (RuntimeException e) {
      log.warn("{} failed on a message of {}", handler.name(), queue, e);
      return attempt.retryLater(handler.name() + " threw " + e, handler.name());
    }
  }
}
