package dev.outbox.core.domain.user;

import dev.outbox.core.domain.InvalidValue;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * An email address, stored lower-cased so that uniqueness and the verification token do not depend
 * on how the user typed it. At most 254 characters (RFC 5321 path limit), local part at most 64; a
 * dot-atom ASCII local part and a DNS host name whose last label is 2-63 letters. ASCII only on
 * purpose: what is accepted here is what a mail server accepts. The one owner of this rule: the api
 * reports these reasons, it has no email syntax of its own.
 */
public record Email(String value) {

  public static final int MAX_LENGTH = 254;
  private static final int MAX_LOCAL_PART = 64;

  private static final Pattern SYNTAX =
      Pattern.compile(
          "[a-z0-9!#$%&'*+/=?^_`{|}~-]+(\\.[a-z0-9!#$%&'*+/=?^_`{|}~-]+)*"
              + "@([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\\.)+[a-z]{2,63}");

  /**
   * @throws InvalidValue when the value is missing, too long or not an address
   */
  public Email {
    if (value == null || value.isBlank()) {
      throw new InvalidValue("email", "is required");
    }
    value = value.strip().toLowerCase(Locale.ROOT);
    if (value.length() > MAX_LENGTH) {
      throw new InvalidValue("email", "must be at most " + MAX_LENGTH + " characters long");
    }
    if (!SYNTAX.matcher(value).matches() || value.indexOf('@') > MAX_LOCAL_PART) {
      throw new InvalidValue("email", "must be an email address such as ada@example.com");
    }
  }

  @Override
  public String toString() {
    return value;
  }
}
