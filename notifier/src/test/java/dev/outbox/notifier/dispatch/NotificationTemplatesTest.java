package dev.outbox.notifier.dispatch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class NotificationTemplatesTest {

  private final NotificationTemplates templates = new NotificationTemplates();

  @Test
  void renders_the_welcome_email_with_subject_html_and_text() {
    RenderedEmail mail =
        templates.email(
            "welcome_email",
            Map.of(
                "email", "ada@example.com",
                "verification_link", "http://localhost:8080/users/1/verify-email?token=t.x",
                "expires_at", "2026-11-29T04:20:00Z"));

    assertThat(mail.subject()).isEqualTo("Welcome! Please confirm your email address");
    assertThat(mail.text())
        .contains("ada@example.com", "http://localhost:8080/users/1/verify-email?token=t.x");
    assertThat(mail.html()).contains("<a href=\"http://localhost:8080/users/1/verify-email");
  }

  @Test
  void escapes_html_in_the_html_part_only() {
    RenderedEmail mail =
        templates.email(
            "welcome_email",
            Map.of(
                "email", "<b>x</b>@example.com",
                "verification_link", "http://l/v",
                "expires_at", "soon"));

    assertThat(mail.html()).contains("&lt;b&gt;x&lt;/b&gt;@example.com");
    assertThat(mail.text()).contains("<b>x</b>@example.com");
  }

  @Test
  void renders_the_order_confirmation_with_every_line() {
    RenderedEmail mail =
        templates.email(
            "order_confirmation_email",
            Map.of(
                "order_id", "o-1",
                "currency", "EUR",
                "total", "19.99",
                "items",
                    List.of(
                        Map.of(
                            "sku",
                            "BOOK-1",
                            "quantity",
                            "2",
                            "unit_price",
                            "9.50",
                            "line_total",
                            "19.00"))));

    assertThat(mail.subject()).isEqualTo("Order o-1 confirmed");
    assertThat(mail.text()).contains("2 x BOOK-1 at 9.50 EUR = 19.00 EUR", "Total: 19.99 EUR");
    assertThat(mail.html()).contains("<td>BOOK-1</td>");
  }

  @Test
  void a_missing_variable_is_an_error_not_an_empty_string() {
    assertThatThrownBy(
            () ->
                templates.email(
                    "welcome_email", Map.of("email", "ada@example.com", "expires_at", "soon")))
        .isInstanceOf(TemplateFailure.class)
        .hasMessageContaining("verification_link");
  }

  @Test
  void renders_the_payment_receipt_sms() {
    String sms =
        templates.sms(
            "payment_receipt_sms",
            Map.of("amount", "19.99", "currency", "EUR", "order_id", "o-1", "reference", "PAY-42"));

    assertThat(sms).isEqualTo("Payment of 19.99 EUR received for order o-1. Reference: PAY-42.");
  }
}
