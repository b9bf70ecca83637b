package dev.outbox.chaos.check;

import com.fasterxml.jackson.databind.JsonNode;
import dev.outbox.chaos.observe.OutboxRow;
import dev.outbox.chaos.provider.Channel;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Which notifications the committed events call for, per notifier/README.md: user.created sends the
 * welcome email and, with a phone, the welcome SMS; order.placed the order confirmation email;
 * payment.received the receipt email and, with a phone, the receipt SMS; every other type nothing.
 */
public final class ExpectedNotifications {

  private ExpectedNotifications() {}

  public static Set<Notification> of(List<OutboxRow> rows) {
    Set<Notification> expected = new HashSet<>();
    for (OutboxRow row : rows) {
      switch (row.type()) {
        case "user.created", "payment.received" -> {
          expected.add(new Notification(row.id(), Channel.EMAIL));
          if (hasPhone(row.payload())) {
            expected.add(new Notification(row.id(), Channel.SMS));
          }
        }
        case "order.placed" -> expected.add(new Notification(row.id(), Channel.EMAIL));
        default -> {}
      }
    }
    return expected;
  }

  private static boolean hasPhone(JsonNode payload) {
    JsonNode phone = payload.path("phone");
    return phone.isTextual() && !phone.asText().isBlank();
  }
}
