package dev.outbox.notifier;

import static org.assertj.core.api.Assertions.assertThat;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.impl.LongStringHelper;
import java.nio.charset.StandardCharsets;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DeadLetterIdTest {

  private static final byte[] BODY = "not json".getBytes(StandardCharsets.UTF_8);

  @Test
  void a_message_with_an_event_id_is_named_by_it_in_lower_case() {
    String id = "0190A5E2-7B3C-7D40-8E11-2F3A4B5C6D7E";
    AMQP.BasicProperties props = new AMQP.BasicProperties.Builder().messageId(id).build();

    assertThat(DeadLetterId.of(props, BODY)).isEqualTo(id.toLowerCase());
    assertThat(DeadLetterId.isEventId(DeadLetterId.of(props, BODY))).isTrue();
  }

  @Test
  void a_message_without_an_event_id_is_named_by_a_short_hash() {
    AMQP.BasicProperties none = new AMQP.BasicProperties.Builder().build();
    AMQP.BasicProperties foreign = new AMQP.BasicProperties.Builder().messageId("order-7").build();

    assertThat(DeadLetterId.of(none, BODY)).matches("sha256:[0-9a-f]{12}");
    assertThat(DeadLetterId.of(foreign, BODY))
        .matches("sha256:[0-9a-f]{12}")
        .isNotEqualTo(DeadLetterId.of(none, BODY));
    assertThat(DeadLetterId.isEventId(DeadLetterId.of(none, BODY))).isFalse();
  }

  @Test
  void the_hash_ignores_header_order_and_decoding_but_not_content() {
    Map<String, Object> headers = new LinkedHashMap<>();
    headers.put("reason", "malformed event");
    headers.put("time", new Date(1_764_000_000_000L));
    headers.put("x-death", List.of(Map.of("count", 1L, "queue", "q")));
    Map<String, Object> reordered = new LinkedHashMap<>();
    reordered.put(
        "x-death", List.of(Map.of("queue", LongStringHelper.asLongString("q"), "count", 1L)));
    reordered.put("time", new Date(1_764_000_000_000L));
    reordered.put("reason", LongStringHelper.asLongString("malformed event"));

    String id = DeadLetterId.of(props(headers), BODY);

    assertThat(DeadLetterId.of(props(reordered), BODY)).isEqualTo(id);
    assertThat(DeadLetterId.of(props(headers), "other".getBytes(StandardCharsets.UTF_8)))
        .isNotEqualTo(id);
    headers.put("reason", "another reason");
    assertThat(DeadLetterId.of(props(headers), BODY)).isNotEqualTo(id);
  }

  @Test
  void parse_takes_event_ids_and_hash_ids_and_nothing_else() {
    assertThat(DeadLetterId.parse(" 0190A5E2-7B3C-7D40-8E11-2F3A4B5C6D7E "))
        .isEqualTo("0190a5e2-7b3c-7d40-8e11-2f3a4b5c6d7e");
    assertThat(DeadLetterId.parse("SHA256:0123456789AB")).isEqualTo("sha256:0123456789ab");
    assertThat(DeadLetterId.parse("sha256:0123")).isNull();
    assertThat(DeadLetterId.parse("1-2-3-4-5")).isNull();
    assertThat(DeadLetterId.parse("not-a-uuid")).isNull();
  }

  private static AMQP.BasicProperties props(Map<String, Object> headers) {
    return new AMQP.BasicProperties.Builder().type("user.created").headers(headers).build();
  }
}
