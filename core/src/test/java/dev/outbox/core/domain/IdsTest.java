package dev.outbox.core.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.outbox.core.domain.order.OrderId;
import dev.outbox.core.domain.user.UserId;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class IdsTest {

  @Test
  void ids_parse_their_text_form() {
    UUID uuid = UUID.fromString("0190a5c8-0000-7000-8000-000000000001");

    assertThat(UserId.parse(" " + uuid + " ")).isEqualTo(new UserId(uuid));
    assertThat(OrderId.parse(uuid.toString())).isEqualTo(new OrderId(uuid));
    assertThat(UserId.parse(uuid.toString())).hasToString(uuid.toString());
  }

  @Test
  void text_that_is_not_a_uuid_is_refused_naming_the_field() {
    assertThatThrownBy(() -> UserId.parse("1-1-1-1-1")).isInstanceOf(InvalidValue.class);
    assertThatThrownBy(() -> UserId.parse("42"))
        .isInstanceOfSatisfying(
            InvalidValue.class, e -> assertThat(e.field()).isEqualTo("user_id"));
    assertThatThrownBy(() -> OrderId.parse(null))
        .isInstanceOfSatisfying(
            InvalidValue.class, e -> assertThat(e.field()).isEqualTo("order_id"));
  }

  @Test
  void generated_ids_are_time_ordered_uuids() {
    assertThat(UserId.generate().value().version()).isEqualTo(7);
    assertThat(OrderId.generate().value().version()).isEqualTo(7);
  }
}
