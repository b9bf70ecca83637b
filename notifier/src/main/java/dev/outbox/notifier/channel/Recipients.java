package dev.outbox.notifier.channel;

/** Masks addresses and phone numbers for logs: enough to tell them apart, not to contact anyone. */
public final class Recipients {

  private Recipients() {}

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
