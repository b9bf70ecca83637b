package dev.outbox.api.order;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.outbox.api.request.FieldReader;
import dev.outbox.api.request.TextFormat;
import dev.outbox.core.application.PlaceOrderCommand;
import dev.outbox.core.application.RecordPaymentCommand;
import dev.outbox.core.domain.order.Order;
import dev.outbox.core.domain.order.OrderId;
import dev.outbox.core.domain.order.OrderLine;
import dev.outbox.core.domain.user.UserId;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Reads and checks the bodies of the order routes, reporting every bad field at once. Rules of the
 * order itself (a positive total, lines in the order's currency) are core's {@code OrderLines}';
 * its refusals reach the client through the error mapping with the same field names.
 */
final class OrderRequests {

  /** Totals are stored as numeric(19,4): at most 15 integer digits. */
  private static final BigDecimal MAX_TOTAL = new BigDecimal("1e15");

  private OrderRequests() {}

  static PlaceOrderCommand placeOrder(ObjectNode json) {
    FieldReader body = FieldReader.of(json, Set.of("user_id", "currency", "items"));
    String userId = body.requiredText("user_id", TextFormat.UUID);
    String currency = body.requiredText("currency", TextFormat.CURRENCY);
    List<PlaceOrderCommand.Item> items = new ArrayList<>();
    BigDecimal total = BigDecimal.ZERO;
    for (FieldReader item :
        body.requiredObjects(
            "items", 1, Order.MAX_LINES, Set.of("sku", "quantity", "unit_price"))) {
      String sku = item.requiredText("sku", TextFormat.SKU);
      Integer quantity = item.requiredInteger("quantity", 1, OrderLine.MAX_QUANTITY);
      BigDecimal unitPrice = item.requiredMoney("unit_price", currency, true);
      if (sku != null && quantity != null && unitPrice != null) {
        items.add(new PlaceOrderCommand.Item(sku, quantity, unitPrice.toPlainString()));
        total = total.add(unitPrice.multiply(BigDecimal.valueOf(quantity)));
      }
    }
    if (total.compareTo(MAX_TOTAL) >= 0) {
      body.reject("items", "the order total must be less than 10^15");
    }
    body.throwIfInvalid();
    return new PlaceOrderCommand(new UserId(UUID.fromString(userId)), currency, items);
  }

  static RecordPaymentCommand recordPayment(OrderId orderId, ObjectNode json) {
    FieldReader body = FieldReader.of(json, Set.of("amount", "currency", "reference"));
    String currency = body.requiredText("currency", TextFormat.CURRENCY);
    BigDecimal amount = body.requiredMoney("amount", currency, false);
    String reference = body.requiredText("reference", TextFormat.PAYMENT_REFERENCE);
    body.throwIfInvalid();
    return new RecordPaymentCommand(orderId, amount.toPlainString(), currency, reference);
  }
}
