package dev.outbox.core.domain.order;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.math.BigDecimal;
import java.util.Currency;

/** How an {@link OrderLine} is stored: the currency lives once, on the order. */
@Embeddable
class OrderLineColumns {

  @Column(nullable = false, length = OrderLine.MAX_SKU_LENGTH)
  private String sku;

  @Column(nullable = false)
  private int quantity;

  @Column(name = "unit_price", nullable = false, precision = 19, scale = 4)
  private BigDecimal unitPrice;

  // for Hibernate
  OrderLineColumns() {}

  OrderLineColumns(OrderLine line) {
    this.sku = line.sku();
    this.quantity = line.quantity();
    this.unitPrice = line.unitPrice().amount();
  }

  OrderLine toLine(Currency currency) {
    return new OrderLine(sku, quantity, new Money(unitPrice, currency));
  }
}
