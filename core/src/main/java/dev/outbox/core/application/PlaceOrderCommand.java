package dev.outbox.core.application;

import dev.outbox.core.domain.user.UserId;
import java.util.List;
import java.util.Objects;

/**
 * Place an order for a user in one currency (ISO 4217 code); unit prices are decimal strings such
 * as {@code "19.99"}.
 */
public record PlaceOrderCommand(UserId userId, String currency, List<Item> items) {

  public PlaceOrderCommand {
    Objects.requireNonNull(userId, "userId is required");
    items = items == null ? List.of() : List.copyOf(items);
  }

  /** One item: {@code quantity} units of {@code sku} at {@code unitPrice} each. */
  public record Item(String sku, int quantity, String unitPrice) {}
}
