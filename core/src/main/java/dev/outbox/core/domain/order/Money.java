package dev.outbox.core.domain.order;

import dev.outbox.core.domain.InvalidValue;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Currency;
import java.util.Objects;

/**
 * A non-negative amount in one currency, exact: a BigDecimal always carried at the currency's scale
 * (2 for EUR, 0 for JPY, 3 for KWD), never a double. "19.9" EUR becomes 19.90; "19.999" EUR is
 * refused rather than rounded, because rounding someone's money silently is a bug.
 */
public record Money(BigDecimal amount, Currency currency) {

  /** Integer digits the database columns hold (numeric(19,4)). */
  static final int MAX_INTEGER_DIGITS = 15;

  /**
   * @throws InvalidValue (field {@code amount}) when negative, too large or finer than the
   *     currency's minor unit; (field {@code currency}) when the currency has no minor unit
   */
  public Money {
    Objects.requireNonNull(amount, "amount is required");
    Objects.requireNonNull(currency, "currency is required");
    int digits = currency.getDefaultFractionDigits();
    if (digits < 0) {
      throw new InvalidValue("currency", currency.getCurrencyCode() + " is not a money currency");
    }
    if (amount.signum() < 0) {
      throw new InvalidValue("amount", "must not be negative");
    }
    try {
      amount = amount.setScale(digits, RoundingMode.UNNECESSARY);
    } catch (ArithmeticException e) {
      throw new InvalidValue(
          "amount", "has more than " + digits + " decimals for " + currency.getCurrencyCode(), e);
    }
    if (amount.precision() - amount.scale() > MAX_INTEGER_DIGITS) {
      throw new InvalidValue("amount", "is too large");
    }
  }

  /** Parses a decimal string such as {@code "19.99"}; errors name {@code field}. */
  public static Money parse(String field, String amount, Currency currency) {
    if (amount == null || amount.isBlank()) {
      throw new InvalidValue(field, "is required");
    }
    try {
      return new Money(new BigDecimal(amount.strip()), currency);
    } catch (NumberFormatException e) {
      throw new InvalidValue(field, "must be a decimal string such as \"19.99\"", e);
    } catch (InvalidValue e) {
      throw new InvalidValue(field, e.reason(), e);
    }
  }

  /** The ISO 4217 currency with this code. */
  public static Currency currency(String code) {
    if (code == null || code.isBlank()) {
      throw new InvalidValue("currency", "is required");
    }
    try {
      Currency currency = Currency.getInstance(code.strip());
      if (currency.getDefaultFractionDigits() < 0) {
        throw new InvalidValue("currency", code + " is not a money currency");
      }
      return currency;
    } catch (IllegalArgumentException e) {
      throw new InvalidValue("currency", "unknown ISO 4217 code " + code, e);
    }
  }

  public static Money zero(Currency currency) {
    return new Money(BigDecimal.ZERO, currency);
  }

  public Money plus(Money other) {
    requireSameCurrency(other);
    return new Money(amount.add(other.amount), currency);
  }

  /** This minus other; refuses to go negative. */
  public Money minus(Money other) {
    requireSameCurrency(other);
    return new Money(amount.subtract(other.amount), currency);
  }

  public Money times(int quantity) {
    return new Money(amount.multiply(BigDecimal.valueOf(quantity)), currency);
  }

  public boolean isZero() {
    return amount.signum() == 0;
  }

  /** The wire form: a plain decimal string at the currency's scale, e.g. {@code "19.99"}. */
  public String toDecimalString() {
    return amount.toPlainString();
  }

  private void requireSameCurrency(Money other) {
    if (!currency.equals(other.currency)) {
      throw new IllegalArgumentException("cannot mix " + currency + " and " + other.currency);
    }
  }

  @Override
  public String toString() {
    return toDecimalString() + " " + currency.getCurrencyCode();
  }
}
