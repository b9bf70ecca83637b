package dev.outbox.notifier.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class NotifierConfigTest {

  private static Map<String, String> env(String... pairs) {
    Map<String, String> env = new HashMap<>();
    env.put("EMAIL_VERIFICATION_SECRET", "s3cret-value");
    for (int i = 0; i < pairs.length; i += 2) {
      env.put(pairs[i], pairs[i + 1]);
    }
    return env;
  }

  @Test
  void defaults_follow_the_contract() {
    NotifierConfig config = NotifierConfig.fromEnv(env());

    assertThat(config.databaseUrl()).isEqualTo("jdbc:postgresql://localhost:5432/outbox");
    assertThat(config.databaseUser()).isEqualTo("postgres");
    assertThat(config.eventBusUrl()).isEqualTo("amqp://guest:guest@localhost:5672/");
    assertThat(config.exchange()).isEqualTo("domain.events");
    assertThat(config.emailAdapter()).isEqualTo(NotifierConfig.EmailAdapter.LOG);
    assertThat(config.smsAdapter()).isEqualTo(NotifierConfig.SmsAdapter.LOG);
    assertThat(config.publicBaseUrl()).isEqualTo(URI.create("http://localhost:8080"));
    assertThat(config.consumer().queue()).isEqualTo("notifier.notifications");
    assertThat(config.consumer().maxAttempts()).isEqualTo(10);
    assertThat(config.consumer().retryDelays()).hasSize(9).endsWith(Duration.ofSeconds(256));
    assertThat(config.sendGrid()).isEmpty();
  }

  @Test
  void sendgrid_without_its_api_key_fails_naming_the_variable() {
    assertThatThrownBy(
            () ->
                NotifierConfig.fromEnv(env("EMAIL_ADAPTER", "sendgrid", "SENDGRID_FROM", "a@b.c")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("SENDGRID_API_KEY");
  }

  @Test
  void twilio_without_its_sender_fails_naming_the_variable() {
    assertThatThrownBy(
            () ->
                NotifierConfig.fromEnv(
                    env(
                        "SMS_ADAPTER", "twilio",
                        "TWILIO_ACCOUNT_SID", "AC1",
                        "TWILIO_AUTH_TOKEN", "tok")))
        .hasMessageContaining("TWILIO_FROM");
  }

  @Test
  void a_sendgrid_base_url_with_a_path_is_refused_naming_the_variable() {
    assertThatThrownBy(
            () ->
                NotifierConfig.fromEnv(
                    env(
                        "EMAIL_ADAPTER", "sendgrid",
                        "SENDGRID_API_KEY", "k",
                        "SENDGRID_FROM", "a@b.c",
                        "SENDGRID_BASE_URL", "https://proxy.example/sendgrid")))
        .hasMessageContaining("SENDGRID_BASE_URL");
  }

  @Test
  void smtp_without_a_host_fails_naming_the_variable() {
    assertThatThrownBy(() -> NotifierConfig.fromEnv(env("EMAIL_ADAPTER", "smtp")))
        .hasMessageContaining("SMTP_HOST");
  }

  @Test
  void a_missing_verification_secret_fails_naming_the_variable() {
    assertThatThrownBy(() -> NotifierConfig.fromEnv(Map.of()))
        .hasMessageContaining("EMAIL_VERIFICATION_SECRET");
  }

  @Test
  void an_unknown_adapter_or_a_bad_number_fails_naming_the_variable() {
    assertThatThrownBy(() -> NotifierConfig.fromEnv(env("EMAIL_ADAPTER", "pigeon")))
        .hasMessageContaining("EMAIL_ADAPTER");
    assertThatThrownBy(() -> NotifierConfig.fromEnv(env("NOTIFIER_PREFETCH", "lots")))
        .hasMessageContaining("NOTIFIER_PREFETCH");
    assertThatThrownBy(() -> NotifierConfig.fromEnv(env("NOTIFIER_CONCURRENCY", "0")))
        .hasMessageContaining("NOTIFIER_CONCURRENCY");
  }

  @Test
  void to_string_never_shows_a_secret() {
    NotifierConfig config =
        NotifierConfig.fromEnv(
            env(
                "DATABASE_PASSWORD", "db-pass-value",
                "EVENT_BUS_URL", "amqp://user:amqp-pass-value@rabbit:5672/",
                "EMAIL_ADAPTER", "sendgrid",
                "SENDGRID_API_KEY", "SG.key-value",
                "SENDGRID_FROM", "noreply@example.com",
                "SMS_ADAPTER", "twilio",
                "TWILIO_ACCOUNT_SID", "AC123",
                "TWILIO_AUTH_TOKEN", "twilio-token-value",
                "TWILIO_FROM", "+15005550006"));

    assertThat(config.toString())
        .doesNotContain("db-pass-value", "amqp-pass-value", "SG.key-value", "twilio-token-value")
        .doesNotContain("s3cret-value")
        .contains("AC123", "noreply@example.com");
  }

  @Test
  void retry_delays_double_per_attempt_up_to_the_maximum() {
    ConsumerSettings settings =
        NotifierConfig.fromEnv(
                env(
                    "NOTIFIER_RETRY_INITIAL_DELAY_MS", "100",
                    "NOTIFIER_RETRY_MAX_DELAY_MS", "300",
                    "NOTIFIER_MAX_ATTEMPTS", "5"))
            .consumer();

    assertThat(settings.retryDelay(1)).isEqualTo(Duration.ofMillis(100));
    assertThat(settings.retryDelay(2)).isEqualTo(Duration.ofMillis(200));
    assertThat(settings.retryDelay(3)).isEqualTo(Duration.ofMillis(300));
    assertThat(settings.retryDelays())
        .containsExactly(Duration.ofMillis(100), Duration.ofMillis(200), Duration.ofMillis(300));
  }
}
