package dev.outbox.notifier;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.LongString;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Date;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * What {@code dlq list} calls a dead letter, and what {@code dlq redrive} and {@code dlq discard}
 * take as {@code --id}: the event id when the message's message_id is one (a UUID, lower case),
 * otherwise {@code sha256:} and the first 12 hex digits of a SHA-256 over the message's body, type,
 * message_id and headers. The hash is stable: listing, requeueing and parking leave all of these
 * unchanged, so an id read from one listing still names the message later. Two messages with the
 * same id (an event dead-lettered twice, two identical bodies) are one target.
 */
public final class DeadLetterId {

  private static final String HASH_PREFIX = "sha256:";
  private static final Pattern HASH = Pattern.compile("sha256:[0-9a-f]{12}");

  private DeadLetterId() {}

  /** The id of the message with {@code props} and {@code body}. */
  public static String of(AMQP.BasicProperties props, byte[] body) {
    String eventId = eventId(props.getMessageId());
    if (eventId != null) {
      return eventId;
    }
    MessageDigest digest = sha256();
    digest.update(body == null ? new byte[0] : body);
    String rest =
        "\0type=" + props.getType() + "\0message_id=" + props.getMessageId() + "\0headers=";
    digest.update(rest.getBytes(StandardCharsets.UTF_8));
    digest.update(canonical(props.getHeaders()).getBytes(StandardCharsets.UTF_8));
    return HASH_PREFIX + HexFormat.of().formatHex(digest.digest()).substring(0, 12);
  }

  /**
   * The id in its canonical form (a UUID in lower case), or null when {@code text} is neither an
   * event id nor a {@code sha256:} id.
   */
  public static String parse(String text) {
    String trimmed = text.trim();
    String eventId = eventId(trimmed);
    if (eventId != null) {
      return eventId;
    }
    String lower = trimmed.toLowerCase(Locale.ROOT);
    return HASH.matcher(lower).matches() ? lower : null;
  }

  /** Whether {@code id} (canonical) is an event id, which may also name a parked outbox row. */
  public static boolean isEventId(String id) {
    return !id.startsWith(HASH_PREFIX);
  }

  private static String eventId(String messageId) {
    if (messageId == null) {
      return null;
    }
    try {
      UUID uuid = UUID.fromString(messageId);
      // UUID.fromString also takes short groups ("1-2-3-4-5"); only the canonical form is an id
      return uuid.toString().equalsIgnoreCase(messageId) ? uuid.toString() : null;
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  // Header values as AMQP decodes them: LongString, Date, nested tables and arrays, numbers.
  private static String canonical(Object value) {
    if (value == null) {
      return "null";
    }
    if (value instanceof Map<?, ?> map) {
      StringBuilder text = new StringBuilder("{");
      stringKeys(map)
          .forEach((k, v) -> text.append(k).append('=').append(canonical(v)).append(';'));
      return text.append('}').toString();
    }
    if (value instanceof List<?> list) {
      StringBuilder text = new StringBuilder("[");
      list.forEach(v -> text.append(canonical(v)).append(';'));
      return text.append(']').toString();
    }
    if (value instanceof Date date) {
      return Long.toString(date.getTime()); // Date.toString depends on the time zone
    }
    if (value instanceof byte[] bytes) {
      return HexFormat.of().formatHex(bytes);
    }
    if (value instanceof LongString text) {
      return text.toString();
    }
    return value.toString();
  }

  private static Map<String, Object> stringKeys(Map<?, ?> map) {
    Map<String, Object> keys = new TreeMap<>();
    map.forEach((k, v) -> keys.put(String.valueOf(k), v));
    return keys;
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JVM has SHA-256", e);
    }
  }
}
