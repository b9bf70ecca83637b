package dev.outbox.core.domain.order;

import dev.outbox.core.domain.InvalidValue;
import java.util.Objects;

/** One item of an order: {@code quantity} units of {@code sku} at {@code unitPrice} each. */
public record OrderLine(String sku, int quantity, Money unitPrice) {

  public static final int MAX_SKU_LENGTH = 64;
  public static final int MAX_QUANTITY = 10_000;

  /**
   * @throws InvalidValue when the sku is blank or too long, or the quantity is outside 1..10000
   */
  public OrderLine {
    if (sku == null || sku.isBlank()) {
      throw new InvalidValue("sku", "is required");
    }
    sku = sku.strip();
    if (sku.length() > MAX_SKU_LENGTH) {
      throw new InvalidValue("sku", "must be at most " + MAX_SKU_LENGTH + " characters");
    }
    if (quantity < 1 || quantity > MAX_QUANTITY) {
      throw new InvalidValue("quantity", "must be between 1 and " + MAX_QUANTITY);
    }
    Objects.requireNonNull(unitPrice, "unitPrice is required");
  }

  public Money lineTotal() {
    return unitPrice.times(quantity);
  }
}
