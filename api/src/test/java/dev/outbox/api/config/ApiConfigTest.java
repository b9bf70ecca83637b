package dev.outbox.api.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.outbox.config.ConfigException;
import dev.outbox.config.ConfigReader;
import dev.outbox.config.Environment;
import dev.outbox.config.Role;
import dev.outbox.config.Setting;
import dev.outbox.testing.providers.SendGridStandIn;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ApiConfigTest {

  static final String SECRET = "0123456789abcdef0123456789abcdef";

  @Test
  void defaults_apply_when_only_the_secret_is_set() {
    ApiConfig config = read(Map.of("EMAIL_VERIFICATION_SECRET", SECRET));

    assertThat(config.httpPort()).isEqualTo(8080);
    assertThat(config.adminToken()).isEmpty();
    assertThat(config.replication().slotName()).isEqualTo("outbox_relay");
    assertThat(config.replication().publication()).isEqualTo("outbox_publication");
    assertThat(config.eventBus().display()).isEqualTo("amqp://localhost:5672/");
    assertThat(config.eventBus().newFactory().getUsername()).isEqualTo("guest");
    assertThat(config.eventBus().newFactory().getPassword()).isEqualTo("guest");
    assertThat(config.database().url()).isEqualTo("jdbc:postgresql://localhost:5432/outbox");
  }

  @Test
  void a_blank_value_means_the_default_for_every_variable_of_the_api() {
    Map<String, String> env = new HashMap<>();
    for (Setting<?> setting : ApiConfig.settings()) {
      env.put(setting.name(), "  ");
    }
    env.put("EMAIL_VERIFICATION_SECRET", SECRET);

    ApiConfig config = read(env);

    assertThat(config.httpPort()).isEqualTo(8080);
    assertThat(config.adminToken()).isEmpty();
    assertThat(config.replication().slotName()).isEqualTo("outbox_relay");
    assertThat(config.eventBus().display()).isEqualTo("amqp://localhost:5672/");
    assertThat(config.database().url()).isEqualTo("jdbc:postgresql://localhost:5432/outbox");
    assertThat(config.database().user()).isEqualTo("postgres");
    assertThat(config.database().password()).isEmpty();
  }

  @Test
  void running_alone_without_a_verification_secret_fails_naming_the_variable() {
    assertThatThrownBy(() -> read(Map.of()))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("EMAIL_VERIFICATION_SECRET is required");
    assertThatThrownBy(() -> read(Map.of("EMAIL_VERIFICATION_SECRET", " ")))
        .hasMessageContaining("EMAIL_VERIFICATION_SECRET is required");
  }

  @Test
  void a_secret_handed_over_through_the_environment_is_read_like_a_configured_one() {
    String generated = "g".repeat(40);

    ApiConfig config =
        ConfigReader.read(
            Environment.of(Map.of()).with("EMAIL_VERIFICATION_SECRET", generated), ApiConfig::read);

    assertThat(config.emailVerificationSecret()).isEqualTo(generated);
  }

  @Test
  void a_short_secret_is_refused() {
    assertThatThrownBy(() -> read(Map.of("EMAIL_VERIFICATION_SECRET", "short")))
        .hasMessageContaining("EMAIL_VERIFICATION_SECRET must be at least 32");
  }

  @Test
  void bad_values_fail_with_the_variable_name() {
    assertThatThrownBy(() -> read(env("HTTP_PORT", "http"))).hasMessageContaining("HTTP_PORT");
    assertThatThrownBy(() -> read(env("HTTP_PORT", "70000"))).hasMessageContaining("HTTP_PORT");
    assertThatThrownBy(() -> read(env("CDC_SLOT_NAME", "Bad-Slot")))
        .hasMessageContaining("CDC_SLOT_NAME");
    assertThatThrownBy(() -> read(env("EVENT_BUS_URL", "http://broker")))
        .hasMessageContaining("EVENT_BUS_URL");
    assertThatThrownBy(() -> read(env("ADMIN_TOKEN", "short"))).hasMessageContaining("ADMIN_TOKEN");
  }

  @Test
  void three_bad_values_are_reported_at_once() {
    Map<String, String> env = new HashMap<>();
    env.put("HTTP_PORT", "http");
    env.put("CDC_SLOT_NAME", "Bad-Slot");
    env.put("ADMIN_TOKEN", "short");
    env.put("EMAIL_VERIFICATION_SECRET", SECRET);

    assertThatThrownBy(() -> read(env))
        .isInstanceOfSatisfying(
            ConfigException.class,
            e ->
                assertThat(e.problems())
                    .hasSize(3)
                    .anySatisfy(p -> assertThat(p).startsWith("HTTP_PORT "))
                    .anySatisfy(p -> assertThat(p).startsWith("CDC_SLOT_NAME "))
                    .anySatisfy(p -> assertThat(p).startsWith("ADMIN_TOKEN ")));
  }

  @Test
  void to_string_shows_no_secret() {
    ApiConfig config =
        read(
            Map.of(
                "EMAIL_VERIFICATION_SECRET", SECRET,
                "ADMIN_TOKEN", "admin-token-0123456789",
                "EVENT_BUS_URL", "amqp://user:broker-password@rabbit:5672/vhost",
                "DATABASE_PASSWORD", "db-password",
                "TWILIO_AUTH_TOKEN", "twilio-token-secret"));

    assertThat(config.toString())
        .doesNotContain(
            SECRET,
            "admin-token-0123456789",
            "broker-password",
            "db-password",
            "twilio-token-secret")
        .contains("admin=enabled", "amqp://rabbit:5672/vhost");
  }

  @Test
  void a_sendgrid_key_that_is_not_an_ec_public_key_is_reported_by_name() {
    assertThatThrownBy(
            () ->
                read(
                    Map.of(
                        "EMAIL_VERIFICATION_SECRET",
                        SECRET,
                        "SENDGRID_WEBHOOK_PUBLIC_KEY",
                        "bm90IGEga2V5")))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("SENDGRID_WEBHOOK_PUBLIC_KEY must be a base64 EC public key");
  }

  @Test
  void a_sendgrid_key_as_sendgrid_shows_it_is_read() {
    ApiConfig config =
        read(
            Map.of(
                "EMAIL_VERIFICATION_SECRET",
                SECRET,
                "SENDGRID_WEBHOOK_PUBLIC_KEY",
                new SendGridStandIn().publicKey()));

    assertThat(config.webhooks().sendGridPublicKey()).isPresent();
    assertThat(config.webhooks().sendGridMaxAge()).isEqualTo(Duration.ofMinutes(10));
    assertThat(config.webhooks().twilioAuthToken()).isEmpty();
  }

  @Test
  void the_settings_are_the_api_s_own_and_the_shared_ones_it_reads() {
    assertThat(ApiConfig.settings())
        .extracting(Setting::name)
        .containsExactly(
            "HTTP_PORT",
            "ADMIN_TOKEN",
            "SENDGRID_WEBHOOK_PUBLIC_KEY",
            "SENDGRID_WEBHOOK_MAX_AGE",
            "PUBLIC_BASE_URL",
            "TWILIO_AUTH_TOKEN",
            "EMAIL_VERIFICATION_SECRET",
            "CDC_SLOT_NAME",
            "CDC_PUBLICATION",
            "EVENT_BUS_URL",
            "EVENT_BUS_CA_FILE",
            "DATABASE_URL",
            "DATABASE_USER",
            "DATABASE_PASSWORD");
    assertThat(ApiConfig.settings()).allSatisfy(s -> assertThat(s.roles()).contains(Role.API));
    assertThat(ApiConfig.ADMIN_TOKEN.isSecret()).isTrue();
    assertThat(ApiConfig.ADMIN_TOKEN.defaultText()).isNull();
    assertThat(ApiConfig.HTTP_PORT.defaultText()).isEqualTo("8080");
  }

  private static ApiConfig read(Map<String, String> env) {
    return ConfigReader.read(Environment.of(env), ApiConfig::read);
  }

  private static Map<String, String> env(String key, String value) {
    return Map.of("EMAIL_VERIFICATION_SECRET", SECRET, key, value);
  }
}
