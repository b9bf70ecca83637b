package dev.outbox.notifier.consume;

import com.rabbitmq.client.AMQP;
import dev.outbox.config.tracing.TraceParent;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The headers the notifier adds to messages. On a dead letter: {@link #REASON}, {@link #TIME}
 * (ISO-8601), {@link #ATTEMPTS}, {@link #HANDLER} and {@link #ROUTING_KEY} (the event type it came
 * with). On retries: {@link #ATTEMPT}. On redriven messages: {@link #REDRIVEN}. Read, as the relay
 * sets it: {@link #TRACEPARENT}, kept on retries and dead letters like every header.
 */
public final class MessageHeaders {

  public static final String ATTEMPT = "x-notifier-attempt";
  public static final String REDRIVEN = "x-notifier-redriven";
  public static final String REASON = "reason";
  public static final String TIME = "time";
  public static final String ATTEMPTS = "attempts";
  public static final String HANDLER = "handler";
  public static final String ROUTING_KEY = "routing_key";

  /** The W3C trace context of the request that raised the event (absent when untraced). */
  public static final String TRACEPARENT = TraceParent.HEADER;

  /** What a dead letter carries about its past life, which a redriven message starts without. */
  private static final List<String> HISTORY =
      List.of(
          REASON,
          TIME,
          ATTEMPTS,
          HANDLER,
          "x-death",
          "x-first-death-exchange",
          "x-first-death-queue",
          "x-first-death-reason",
          "x-last-death-exchange",
          "x-last-death-queue",
          "x-last-death-reason");

  private MessageHeaders() {}

  /** The attempt number this delivery of the message is, 1 when it carries none. */
  public static int attempt(AMQP.BasicProperties props) {
    Object value = headers(props).get(ATTEMPT);
    if (value instanceof Number number) {
      return Math.max(1, number.intValue());
    }
    if (value != null) {
      try {
        return Math.max(1, Integer.parseInt(value.toString()));
      } catch (NumberFormatException e) {
        return 1;
      }
    }
    return 1;
  }

  /** True when an operator sent the message back from the dead-letter queue. */
  public static boolean isRedriven(AMQP.BasicProperties props) {
    Object value = headers(props).get(REDRIVEN);
    return value != null && Boolean.parseBoolean(value.toString());
  }

  /**
   * The properties of a dead letter sent back to its work queue: a fresh first attempt, marked
   * {@link #REDRIVEN}, without the dead letter's history.
   */
  public static AMQP.BasicProperties redriven(AMQP.BasicProperties props) {
    Map<String, Object> headers = headers(props);
    HISTORY.forEach(headers::remove);
    headers.put(ATTEMPT, 1);
    headers.put(REDRIVEN, true);
    return withHeaders(props, headers);
  }

  /** A header as text, or null. */
  public static String text(AMQP.BasicProperties props, String name) {
    Object value = headers(props).get(name);
    return value == null ? null : value.toString();
  }

  /** A modifiable copy of the headers. */
  public static Map<String, Object> headers(AMQP.BasicProperties props) {
    return props.getHeaders() == null ? new HashMap<>() : new HashMap<>(props.getHeaders());
  }

  /** The same properties with other headers. */
  public static AMQP.BasicProperties withHeaders(
      AMQP.BasicProperties props, Map<String, Object> headers) {
    return props.builder().headers(headers).deliveryMode(2).build();
  }
}
