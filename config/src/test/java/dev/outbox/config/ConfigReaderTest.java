package dev.outbox.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigReaderTest {

  static final Setting<Integer> PORT = Setting.port("SOME_PORT").withDefault("8080");
  static final Setting<Duration> LEASE = Setting.duration("SOME_LEASE_MS").withDefault("60000");
  static final Setting<Duration> POLL = Setting.duration("SOME_POLL").withDefault("1ms");
  static final Setting<String> SLOT = Setting.identifier("SOME_SLOT").withDefault("outbox_relay");
  static final Setting<String> TOKEN = Setting.text("SOME_TOKEN").asSecret();

  private static ConfigReader reader(Map<String, String> env) {
    return new ConfigReader(Environment.of(env));
  }

  @Test
  void a_blank_value_means_the_default() {
    ConfigReader config = reader(Map.of("SOME_PORT", "  ", "SOME_POLL", ""));

    assertThat(config.get(PORT)).isEqualTo(8080);
    assertThat(config.get(POLL)).isEqualTo(Duration.ofMillis(1));
    config.finish();
  }

  @Test
  void every_bad_value_is_reported_at_once_each_naming_its_variable() {
    ConfigReader config =
        reader(Map.of("SOME_PORT", "http", "SOME_POLL", "fast", "SOME_SLOT", "Bad-Slot"));
    config.get(PORT);
    config.get(POLL);
    config.get(SLOT);

    assertThatThrownBy(config::finish)
        .isInstanceOfSatisfying(
            ConfigException.class,
            e ->
                assertThat(e.problems())
                    .hasSize(3)
                    .anySatisfy(p -> assertThat(p).startsWith("SOME_PORT must be"))
                    .anySatisfy(p -> assertThat(p).startsWith("SOME_POLL must be a duration"))
                    .anySatisfy(p -> assertThat(p).startsWith("SOME_SLOT must be")));
  }

  @Test
  void durations_have_one_syntax_and_names_ending_in_ms_take_bare_milliseconds() {
    ConfigReader config = reader(Map.of("SOME_LEASE_MS", "1500", "SOME_POLL", "PT2S"));

    assertThat(config.get(LEASE)).isEqualTo(Duration.ofMillis(1500));
    assertThat(config.get(POLL)).isEqualTo(Duration.ofSeconds(2));
    assertThat(reader(Map.of("SOME_LEASE_MS", "90s")).get(LEASE)).isEqualTo(Duration.ofSeconds(90));
    assertThat(reader(Map.of("SOME_POLL", "0")).get(POLL)).isZero();
  }

  @Test
  void a_bare_number_without_a_unit_in_the_name_is_refused() {
    ConfigReader config = reader(Map.of("SOME_POLL", "250"));
    config.get(POLL);

    assertThatThrownBy(config::finish).hasMessageStartingWith("SOME_POLL must be a duration");
  }

  @Test
  void a_secret_is_read_from_its_file_without_the_trailing_newline(@TempDir Path dir)
      throws Exception {
    Path file = Files.writeString(dir.resolve("token"), "s3cret-value\n");

    ConfigReader config = reader(Map.of("SOME_TOKEN_FILE", file.toString()));

    assertThat(config.optional(TOKEN)).contains("s3cret-value");
    config.finish();
  }

  @Test
  void a_secret_set_twice_or_from_a_missing_file_is_a_problem(@TempDir Path dir) {
    ConfigReader both = reader(Map.of("SOME_TOKEN", "a", "SOME_TOKEN_FILE", "/x"));
    both.optional(TOKEN);
    assertThatThrownBy(both::finish).hasMessageContaining("either SOME_TOKEN or SOME_TOKEN_FILE");

    ConfigReader missing = reader(Map.of("SOME_TOKEN_FILE", dir.resolve("nope").toString()));
    missing.optional(TOKEN);
    assertThatThrownBy(missing::finish).hasMessageContaining("does not exist");
  }

  @Test
  void a_bad_secret_is_reported_without_its_value() {
    Setting<Integer> secretNumber = Setting.integer("SOME_PIN", 0).asSecret();
    ConfigReader config = reader(Map.of("SOME_PIN", "hunter2"));
    config.get(secretNumber);

    assertThatThrownBy(config::finish)
        .hasMessageStartingWith("SOME_PIN ")
        .hasMessageNotContaining("hunter2");
  }

  @Test
  void a_missing_required_value_names_the_variable_and_its_file_variant() {
    ConfigReader config = reader(Map.of());
    config.required(TOKEN, "to sign links");

    assertThatThrownBy(config::finish)
        .hasMessage("SOME_TOKEN is required to sign links (or SOME_TOKEN_FILE)");
  }

  @Test
  void declarations_are_listed_from_the_constants_of_a_class() {
    assertThat(Setting.declaredIn(ConfigReaderTest.class))
        .extracting(Setting::name)
        .containsExactly("SOME_PORT", "SOME_LEASE_MS", "SOME_POLL", "SOME_SLOT", "SOME_TOKEN");
  }

  @Test
  void a_secrets_rule_is_explained_without_its_value() {
    ConfigReader config = reader(Map.of("EMAIL_VERIFICATION_SECRET", "short"));
    EmailVerificationSettings.read(config, "to sign links");

    assertThatThrownBy(config::finish)
        .hasMessage("EMAIL_VERIFICATION_SECRET must be at least 32 characters long");
  }
}
