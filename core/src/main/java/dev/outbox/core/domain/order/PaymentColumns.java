package dev.outbox.core.domain.order;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Currency;
import java.util.UUID;

/** How a {@link Payment} is stored: the currency lives once, on the order. */
@Embeddable
class PaymentColumns {

  @Column(nullable = false)
  private UUID id;

  @Column(nullable = false, precision = 19, scale = 4)
  private BigDecimal amount;

  @Column(nullable = false, length = Payment.MAX_REFERENCE_LENGTH)
  private String reference;

  @Column(name = "received_at", nullable = false)
  private Instant receivedAt;

  // for Hibernate
  PaymentColumns() {}

  PaymentColumns(Payment payment) {
    this.id = payment.id().value();
    this.amount = payment.amount().amount();
    this.reference = payment.reference();
    this.receivedAt = payment.receivedAt();
  }

  Payment toPayment(Currency currency) {
    return new Payment(new PaymentId(id), new Money(amount, currency), reference, receivedAt);
  }
}
