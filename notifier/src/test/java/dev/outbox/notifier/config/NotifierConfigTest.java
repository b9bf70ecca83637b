package dev.outbox.notifier.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.outbox.config.ConfigException;
import dev.outbox.config.ConfigReader;
import dev.outbox.config.Environment;
import dev.outbox.config.Role;
import dev.outbox.config.Setting;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NotifierConfigTest {

  private static final String SECRET = "s3cret-value-of-at-least-32-characters";

  private static Map<String, String> env(String... pairs) {
    Map<String, String> env = new HashMap<>();
    env.put("EMAIL_VERIFICATION_SECRET", SECRET);
    for (int i = 0; i < pairs.length; i += 2) {
      env.put(pairs[i], pairs[i + 1]);
    }
    return env;
  }

  private static NotifierConfig read(Map<String, String> env) {
    return ConfigReader.read(Environment.of(env), NotifierConfig::read);
  }

  @Test
  void defaults_follow_the_contract() {
    NotifierConfig config = read(env());

    assertThat(config.database().url()).isEqualTo("jdbc:postgresql://localhost:5432/outbox");
    assertThat(config.database().user()).isEqualTo("postgres");
    assertThat(config.bus().connections().display()).isEqualTo("amqp://localhost:5672/");
    assertThat(config.bus().connections().newFactory().getUsername()).isEqualTo("guest");
    assertThat(config.exchange()).isEqualTo("domain.events");
    assertThat(config.emailAdapter()).isEqualTo(NotifierConfig.EmailAdapter.LOG);
    assertThat(config.smsAdapter()).isEqualTo(NotifierConfig.SmsAdapter.LOG);
    assertThat(config.publicBaseUrl()).isEqualTo(URI.create("http://localhost:8080"));
    assertThat(config.consumer().queue()).isEqualTo("notifier.notifications");
    assertThat(config.consumer().maxAttempts()).isEqualTo(10);
    assertThat(config.consumer().lease()).isEqualTo(Duration.ofSeconds(60));
    assertThat(config.consumer().retryDelays()).hasSize(9).endsWith(Duration.ofSeconds(256));
    assertThat(config.sendGrid()).isEmpty();
    assertThat(config.logAdapterPrintsBodies()).isFalse();
  }

  @Test
  void the_log_adapters_print_bodies_only_when_asked_for_local_runs() {
    assertThat(read(env("LOG_ADAPTER_PRINT_BODIES", "true")).logAdapterPrintsBodies()).isTrue();
    assertThat(read(env("LOG_ADAPTER_PRINT_BODIES", "false")).logAdapterPrintsBodies()).isFalse();
    assertThat(NotifierConfig.LOG_ADAPTER_PRINT_BODIES.roles()).containsExactly(Role.NOTIFIER);
    assertThat(NotifierConfig.LOG_ADAPTER_PRINT_BODIES.defaultText()).isEqualTo("false");
    assertThat(NotifierConfig.LOG_ADAPTER_PRINT_BODIES.description())
        .contains("full recipients", "verification links", "local runs only");
    assertThatThrownBy(() -> read(env("LOG_ADAPTER_PRINT_BODIES", "yes please")))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("LOG_ADAPTER_PRINT_BODIES");
  }

  @Test
  void blank_values_mean_the_default() {
    NotifierConfig config =
        read(
            env(
                "DATABASE_URL", " ",
                "EVENT_BUS_EXCHANGE", "",
                "EMAIL_ADAPTER", "",
                "NOTIFIER_CONCURRENCY", "  ",
                "NOTIFIER_LEASE_MS", "",
                "PUBLIC_BASE_URL", ""));

    // AmqpConnections has no equals: compare what the configuration says, secrets masked.
    assertThat(config.toString()).isEqualTo(read(env()).toString());
  }

  @Test
  void millisecond_variables_take_bare_numbers_and_the_duration_syntax() {
    ConsumerSettings settings =
        read(env("NOTIFIER_LEASE_MS", "90s", "NOTIFIER_SEND_TIMEOUT_MS", "2500")).consumer();

    assertThat(settings.lease()).isEqualTo(Duration.ofSeconds(90));
    assertThat(settings.sendTimeout()).isEqualTo(Duration.ofMillis(2500));
  }

  @Test
  void sendgrid_without_its_api_key_fails_naming_the_variable() {
    assertThatThrownBy(() -> read(env("EMAIL_ADAPTER", "sendgrid", "SENDGRID_FROM", "a@b.c")))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("SENDGRID_API_KEY");
  }

  @Test
  void twilio_without_its_sender_fails_naming_the_variable() {
    assertThatThrownBy(
            () ->
                read(
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
                read(
                    env(
                        "EMAIL_ADAPTER", "sendgrid",
                        "SENDGRID_API_KEY", "k",
                        "SENDGRID_FROM", "a@b.c",
                        "SENDGRID_BASE_URL", "https://proxy.example/sendgrid")))
        .hasMessageContaining("SENDGRID_BASE_URL");
  }

  @Test
  void smtp_without_a_host_fails_naming_the_variable() {
    assertThatThrownBy(() -> read(env("EMAIL_ADAPTER", "smtp"))).hasMessageContaining("SMTP_HOST");
  }

  @Test
  void provider_settings_are_read_only_for_the_chosen_adapter() {
    NotifierConfig config = read(env("SENDGRID_BASE_URL", "not a url", "SMTP_PORT", "many"));

    assertThat(config.sendGrid()).isEmpty();
    assertThat(config.smtp()).isEmpty();
  }

  @Test
  void a_missing_verification_secret_fails_naming_the_variable() {
    assertThatThrownBy(() -> read(Map.of())).hasMessageContaining("EMAIL_VERIFICATION_SECRET");
  }

  @Test
  void an_unknown_adapter_or_a_bad_number_fails_naming_the_variable() {
    assertThatThrownBy(() -> read(env("EMAIL_ADAPTER", "pigeon")))
        .hasMessageContaining("EMAIL_ADAPTER");
    assertThatThrownBy(() -> read(env("NOTIFIER_PREFETCH", "lots")))
        .hasMessageContaining("NOTIFIER_PREFETCH");
    assertThatThrownBy(() -> read(env("NOTIFIER_CONCURRENCY", "0")))
        .hasMessageContaining("NOTIFIER_CONCURRENCY");
  }

  @Test
  void a_send_timeout_not_below_the_lease_is_refused_naming_both() {
    assertThatThrownBy(
            () -> read(env("NOTIFIER_LEASE_MS", "5000", "NOTIFIER_SEND_TIMEOUT_MS", "5s")))
        .hasMessageContaining("NOTIFIER_SEND_TIMEOUT_MS")
        .hasMessageContaining("NOTIFIER_LEASE_MS");
  }

  @Test
  void three_bad_values_are_reported_together() {
    assertThatThrownBy(
            () ->
                read(
                    env(
                        "SMS_ADAPTER", "pigeon",
                        "NOTIFIER_PREFETCH", "lots",
                        "NOTIFIER_RETRY_MAX_DELAY_MS", "soon")))
        .isInstanceOfSatisfying(
            ConfigException.class,
            e ->
                assertThat(e.problems())
                    .hasSize(3)
                    .anySatisfy(p -> assertThat(p).startsWith("SMS_ADAPTER"))
                    .anySatisfy(p -> assertThat(p).startsWith("NOTIFIER_PREFETCH"))
                    .anySatisfy(p -> assertThat(p).startsWith("NOTIFIER_RETRY_MAX_DELAY_MS")));
  }

  @Test
  void a_secret_may_come_from_its_file(@TempDir Path dir) throws Exception {
    Path token = Files.writeString(dir.resolve("token"), "twilio-token-from-file\n");

    NotifierConfig config =
        read(
            env(
                "SMS_ADAPTER", "twilio",
                "TWILIO_ACCOUNT_SID", "AC1",
                "TWILIO_AUTH_TOKEN_FILE", token.toString(),
                "TWILIO_FROM", "+15005550006"));

    assertThat(config.twilio().orElseThrow().authToken()).isEqualTo("twilio-token-from-file");
  }

  @Test
  void the_status_callback_defaults_to_the_public_base_url() {
    Map<String, String> twilio =
        env(
            "SMS_ADAPTER", "twilio",
            "TWILIO_ACCOUNT_SID", "AC1",
            "TWILIO_AUTH_TOKEN", "tok",
            "TWILIO_FROM", "+15005550006",
            "PUBLIC_BASE_URL", "https://shop.example/");

    assertThat(read(twilio).twilio().orElseThrow().statusCallbackUrl())
        .isEqualTo(URI.create("https://shop.example/webhooks/twilio/status"));
    twilio.put("TWILIO_STATUS_CALLBACK_URL", "mailto:ops@example.com");
    assertThatThrownBy(() -> read(twilio)).hasMessageContaining("TWILIO_STATUS_CALLBACK_URL");
  }

  @Test
  void to_string_never_shows_a_secret() {
    NotifierConfig config =
        read(
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
        .doesNotContain(SECRET)
        .contains("AC123", "noreply@example.com");
  }

  @Test
  void retry_delays_double_per_attempt_up_to_the_maximum() {
    ConsumerSettings settings =
        read(env(
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

  @Test
  void queues_are_quorum_queues_unless_classic_is_asked_for() {
    assertThat(read(env()).consumer().queueType()).isEqualTo(QueueType.QUORUM);
    assertThat(read(env("NOTIFIER_QUEUE_TYPE", "classic")).consumer().queueType())
        .isEqualTo(QueueType.CLASSIC);
  }

  @Test
  void settings_lists_every_variable_the_notifier_reads_once_each_with_its_role() {
    assertThat(NotifierConfig.settings())
        .extracting(Setting::name)
        .doesNotHaveDuplicates()
        .containsExactlyInAnyOrder(
            "DATABASE_URL",
            "DATABASE_USER",
            "DATABASE_PASSWORD",
            "EVENT_BUS_URL",
            "EVENT_BUS_CA_FILE",
            "EVENT_BUS_EXCHANGE",
            "EMAIL_VERIFICATION_SECRET",
            "PUBLIC_BASE_URL",
            "EMAIL_ADAPTER",
            "SMS_ADAPTER",
            "LOG_ADAPTER_PRINT_BODIES",
            "SENDGRID_API_KEY",
            "SENDGRID_FROM",
            "SENDGRID_BASE_URL",
            "SMTP_HOST",
            "SMTP_PORT",
            "SMTP_USERNAME",
            "SMTP_PASSWORD",
            "SMTP_FROM",
            "SMTP_STARTTLS",
            "TWILIO_ACCOUNT_SID",
            "TWILIO_AUTH_TOKEN",
            "TWILIO_FROM",
            "TWILIO_BASE_URL",
            "TWILIO_STATUS_CALLBACK_URL",
            "NOTIFIER_QUEUE",
            "NOTIFIER_ANALYTICS_QUEUE",
            "NOTIFIER_CONCURRENCY",
            "NOTIFIER_PREFETCH",
            "NOTIFIER_MAX_ATTEMPTS",
            "NOTIFIER_RETRY_INITIAL_DELAY_MS",
            "NOTIFIER_RETRY_MAX_DELAY_MS",
            "NOTIFIER_LEASE_MS",
            "NOTIFIER_SEND_TIMEOUT_MS",
            "NOTIFIER_QUEUE_TYPE",
            "NOTIFIER_RECONCILE_WINDOW");
    assertThat(NotifierConfig.settings())
        .allSatisfy(s -> assertThat(s.roles()).contains(Role.NOTIFIER));
    assertThat(NotifierConfig.settings())
        .filteredOn(Setting::isSecret)
        .extracting(Setting::name)
        .containsExactlyInAnyOrder(
            "DATABASE_PASSWORD",
            "EVENT_BUS_URL",
            "EMAIL_VERIFICATION_SECRET",
            "SENDGRID_API_KEY",
            "SMTP_PASSWORD",
            "TWILIO_AUTH_TOKEN");
  }
}
