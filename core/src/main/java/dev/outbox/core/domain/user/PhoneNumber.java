package dev.outbox.core.domain.user;

import dev.outbox.core.domain.InvalidValue;
import java.util.regex.Pattern;

/**
 * A phone number in E.164 form: {@code +}, country code, subscriber number, 8 to 15 digits, the
 * first not zero. The one owner of this rule: the api reports its reason.
 */
public record PhoneNumber(String value) {

  private static final Pattern E164 = Pattern.compile("\\+[1-9][0-9]{7,14}");

  /**
   * @throws InvalidValue when the value is not in E.164 form
   */
  public PhoneNumber {
    if (value == null || !E164.matcher(value).matches()) {
      throw new InvalidValue("phone", "must be an E.164 number such as +14155550100");
    }
  }

  /** Null or blank means the user gave no phone number. */
  public static PhoneNumber ofNullable(String value) {
    return value == null || value.isBlank() ? null : new PhoneNumber(value.strip());
  }

  @Override
  public String toString() {
    return value;
  }
}
