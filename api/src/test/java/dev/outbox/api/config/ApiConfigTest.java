package dev.outbox.api.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class ApiConfigTest {

  static final String SECRET = "0123456789abcdef0123456789abcdef";

  @Test
  void defaults_apply_when_only_the_secret_is_set() {
    ApiConfig config = ApiConfig.fromEnv(Map.of("EMAIL_VERIFICATION_SECRET", SECRET));

    assertThat(config.httpPort()).isEqualTo(8080);
    assertThat(config.adminToken()).isEmpty();
    assertThat(config.cdcSlotName()).isEqualTo("outbox_relay");
    assertThat(config.eventBusUrl()).hasToString("amqp://guest:guest@localhost:5672/");
    assertThat(config.database().url()).isEqualTo("jdbc:postgresql://localhost:5432/outbox");
  }

  @Test
  void running_alone_without_a_verification_secret_fails_naming_the_variable() {
    assertThatThrownBy(() -> ApiConfig.fromEnv(Map.of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("EMAIL_VERIFICATION_SECRET");
  }

  @Test
  void a_generated_secret_stands_in_only_when_none_is_configured() {
    String generated = "g".repeat(40);

    assertThat(ApiConfig.fromEnv(Map.of(), generated).emailVerificationSecret())
        .isEqualTo(generated);
    assertThat(
            ApiConfig.fromEnv(Map.of("EMAIL_VERIFICATION_SECRET", SECRET), generated)
                .emailVerificationSecret())
        .isEqualTo(SECRET);
  }

  @Test
  void a_short_secret_is_refused() {
    assertThatThrownBy(() -> ApiConfig.fromEnv(Map.of("EMAIL_VERIFICATION_SECRET", "short")))
        .hasMessageContaining("EMAIL_VERIFICATION_SECRET must be at least 32");
  }

  @Test
  void bad_values_fail_with_the_variable_name() {
    assertThatThrownBy(() -> ApiConfig.fromEnv(env("HTTP_PORT", "http")))
        .hasMessageContaining("HTTP_PORT");
    assertThatThrownBy(() -> ApiConfig.fromEnv(env("HTTP_PORT", "70000")))
        .hasMessageContaining("HTTP_PORT");
    assertThatThrownBy(() -> ApiConfig.fromEnv(env("CDC_SLOT_NAME", "Bad-Slot")))
        .hasMessageContaining("CDC_SLOT_NAME");
    assertThatThrownBy(() -> ApiConfig.fromEnv(env("EVENT_BUS_URL", "http://broker")))
        .hasMessageContaining("EVENT_BUS_URL");
    assertThatThrownBy(() -> ApiConfig.fromEnv(env("ADMIN_TOKEN", "short")))
        .hasMessageContaining("ADMIN_TOKEN");
  }

  @Test
  void to_string_shows_no_secret() {
    ApiConfig config =
        ApiConfig.fromEnv(
            Map.of(
                "EMAIL_VERIFICATION_SECRET", SECRET,
                "ADMIN_TOKEN", "admin-token-0123456789",
                "EVENT_BUS_URL", "amqp://user:broker-password@rabbit:5672/vhost",
                "DATABASE_PASSWORD", "db-password"));

    assertThat(config.toString())
        .doesNotContain(SECRET, "admin-token-0123456789", "broker-password", "db-password")
        .contains("admin=enabled", "amqp://rabbit:5672/vhost");
  }

  private static Map<String, String> env(String key, String value) {
    return Map.of("EMAIL_VERIFICATION_SECRET", SECRET, key, value);
  }
}
