package dev.outbox.notifier.channel;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The notifier's rules for recipients: which addresses and numbers it hands to a provider at all,
 * and how they are masked in logs (enough to tell them apart, not to contact anyone).
 *
 * <p>The rules are the producer's: an address as core's {@code Email} accepts it and a phone number
 * in E.164 form as core's {@code PhoneNumber} requires it ({@code dev.outbox.core.domain.user}; see
 * docs/events.md). The notifier may not depend on core, so they are stated once more here, and only
 * here. A change to either side must change the other.
 */
public final class Recipients {

  /** RFC 5321's path limit, as core's Email. */
  static final int MAX_EMAIL_LENGTH = 254;

  static final int MAX_LOCAL_PART_LENGTH = 64;

  // core's Email.SYNTAX. Core matches it after lower-casing, so case is accepted here;
  // surrounding blanks are not (core strips them before storing, so none reach an event).
  private static final Pattern EMAIL =
      Pattern.compile(
          "[a-z0-9!#$%&'*+/=?^_`{|}~-]+(\\.[a-z0-9!#$%&'*+/=?^_`{|}~-]+)*"
              + "@[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?(\\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)+",
          Pattern.CASE_INSENSITIVE);

  // core's PhoneNumber.E164: +, a country code not starting with 0, 8 to 15 digits in all.
  private static final Pattern E164 = Pattern.compile("\\+[1-9][0-9]{7,14}");

  private Recipients() {}

  /**
   * Why {@code address} cannot receive an email, or empty when it can. The reason does not repeat
   * the address.
   */
  public static Optional<String> emailProblem(String address) {
    if (address.length() > MAX_EMAIL_LENGTH) {
      return Optional.of(
          "recipient is not a valid email address: longer than "
              + MAX_EMAIL_LENGTH
              + " characters");
    }
    if (!EMAIL.matcher(address).matches()) {
      return Optional.of("recipient is not a valid email address (local-part@domain.tld)");
    }
    if (address.indexOf('@') > MAX_LOCAL_PART_LENGTH) {
      return Optional.of(
          "recipient is not a valid email address: local part longer than "
              + MAX_LOCAL_PART_LENGTH
              + " characters");
    }
    return Optional.empty();
  }

  /** Why {@code phone} cannot receive an SMS, or empty when it can. */
  public static Optional<String> phoneProblem(String phone) {
    return E164.matcher(phone).matches()
        ? Optional.empty()
        : Optional.of(
            "recipient is not an E.164 phone number (+, then 8 to 15 digits, the first not 0)");
  }

  /** {@code ada@example.com} becomes {@code a***@example.com}. */
  public static String maskEmail(String email) {
    int at = email.indexOf('@');
    if (at < 1) {
      return "***";
    }
    return email.charAt(0) + "***" + email.substring(at);
  }

  /** {@code +15005550006} becomes {@code +*******0006}. */
  public static String maskPhone(String phone) {
    if (phone.length() <= 4) {
      return "***";
    }
    String tail = phone.substring(phone.length() - 4);
    return (phone.startsWith("+") ? "+" : "") + "*".repeat(phone.length() - 5) + tail;
  }
}
