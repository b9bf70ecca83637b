package dev.outbox.core.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.outbox.core.domain.InvalidValue;
import dev.outbox.core.domain.order.Order;
import dev.outbox.core.domain.order.OrderFixture;
import dev.outbox.core.domain.order.OrderStatus;
import dev.outbox.core.domain.user.User;
import dev.outbox.core.domain.user.UserId;
import dev.outbox.core.domain.user.UserNotFound;
import java.util.List;
import org.junit.jupiter.api.Test;

class PlaceOrderTest {

  final InMemoryCore core = new InMemoryCore();
  final User ada =
      core.useCases
          .registerUser()
          .execute(new RegisterUserCommand("ada@example.com", "+4915112345678"));

  @Test
  void placing_an_order_saves_it_and_records_order_placed() {
    Order order =
        core.useCases
            .placeOrder()
            .execute(
                new PlaceOrderCommand(
                    ada.id(),
                    "EUR",
                    List.of(
                        new PlaceOrderCommand.Item("BOOK-42", 2, "19.99"),
                        new PlaceOrderCommand.Item("PEN-1", 1, "2.5"))));

    assertThat(core.orders.find(order.id())).contains(order);
    assertThat(order.status()).isEqualTo(OrderStatus.PLACED);
    assertThat(order.total()).isEqualTo(OrderFixture.eur("42.48"));
    assertThat(order.placedAt()).isEqualTo(core.clock.instant());
    assertThat(core.outbox.eventTypes()).containsExactly("user.created", "order.placed");
  }

  @Test
  void placing_an_order_for_an_unknown_user_is_refused() {
    UserId nobody = UserId.generate();

    assertThatThrownBy(
            () ->
                core.useCases
                    .placeOrder()
                    .execute(
                        new PlaceOrderCommand(
                            nobody, "EUR", List.of(new PlaceOrderCommand.Item("PEN-1", 1, "1")))))
        .isInstanceOf(UserNotFound.class)
        .hasMessageContaining(nobody.toString());
  }

  @Test
  void a_zero_total_is_refused_before_the_user_is_looked_up() {
    var free = List.of(new PlaceOrderCommand.Item("FREEBIE", 1, "0.00"));

    assertThatThrownBy(
            () ->
                core.useCases
                    .placeOrder()
                    .execute(new PlaceOrderCommand(UserId.generate(), "EUR", free)))
        .isInstanceOfSatisfying(InvalidValue.class, e -> assertThat(e.field()).isEqualTo("items"));
    assertThat(core.outbox.eventTypes()).containsExactly("user.created");
  }

  @Test
  void an_invalid_item_is_refused_naming_its_position_and_field() {
    var items =
        List.of(
            new PlaceOrderCommand.Item("PEN-1", 1, "1.00"),
            new PlaceOrderCommand.Item("BOOK-42", 1, "19.999"));

    assertThatThrownBy(
            () -> core.useCases.placeOrder().execute(new PlaceOrderCommand(ada.id(), "EUR", items)))
        .isInstanceOfSatisfying(
            InvalidValue.class, e -> assertThat(e.field()).isEqualTo("items[1].unit_price"));
    assertThatThrownBy(
            () ->
                core.useCases
                    .placeOrder()
                    .execute(
                        new PlaceOrderCommand(
                            ada.id(), "EUR", List.of(new PlaceOrderCommand.Item("PEN-1", 0, "1")))))
        .isInstanceOfSatisfying(
            InvalidValue.class, e -> assertThat(e.field()).isEqualTo("items[0].quantity"));
  }

  @Test
  void an_unknown_currency_or_no_items_is_refused() {
    assertThatThrownBy(
            () ->
                core.useCases
                    .placeOrder()
                    .execute(
                        new PlaceOrderCommand(
                            ada.id(), "EURO", List.of(new PlaceOrderCommand.Item("P", 1, "1")))))
        .isInstanceOfSatisfying(
            InvalidValue.class, e -> assertThat(e.field()).isEqualTo("currency"));
    assertThatThrownBy(
            () -> core.useCases.placeOrder().execute(new PlaceOrderCommand(ada.id(), "EUR", null)))
        .isInstanceOfSatisfying(InvalidValue.class, e -> assertThat(e.field()).isEqualTo("items"));
    assertThat(core.outbox.eventTypes()).containsExactly("user.created");
  }
}
