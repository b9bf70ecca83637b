package dev.outbox.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.outbox.api.config.ApiConfig;
import dev.outbox.config.AmqpConnections;
import dev.outbox.config.ConfigReader;
import dev.outbox.config.Environment;
import dev.outbox.config.Setting;
import dev.outbox.notifier.config.NotifierConfig;
import dev.outbox.relay.config.RelayConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every secret the distribution reads is declared one (masked wherever shown) and so also readable
 * from {@code <NAME>_FILE}, the container convention.
 */
class SecretSettingsTest {

  /** A valid value of each secret (the admin token needs 16 characters, the HMAC key 32). */
  private static final Map<String, String> SAMPLES =
      Map.of(
          "DATABASE_PASSWORD", "db-password-from-a-file",
          "EVENT_BUS_URL", "amqp://user:bus-password@broker.example:5672/",
          "ADMIN_TOKEN", "admin-token-from-a-file",
          "EMAIL_VERIFICATION_SECRET", "verification-secret-from-a-file-0123456789",
          "SENDGRID_API_KEY", "SG.key-from-a-file",
          "SMTP_PASSWORD", "smtp-password-from-a-file",
          "TWILIO_AUTH_TOKEN", "twilio-token-from-a-file");

  private static List<Setting<?>> all() {
    Map<String, Setting<?>> byName = new LinkedHashMap<>();
    Stream.of(RelayConfig.settings(), ApiConfig.settings(), NotifierConfig.settings())
        .flatMap(List::stream)
        .forEach(setting -> byName.putIfAbsent(setting.name(), setting));
    return List.copyOf(byName.values());
  }

  @Test
  void the_secrets_are_exactly_the_credentials_and_keys_the_roles_read() {
    Set<String> secrets = new TreeSet<>();
    Set<String> namedLikeSecrets = new TreeSet<>();
    for (Setting<?> setting : all()) {
      if (setting.isSecret()) {
        secrets.add(setting.name());
      }
      if (setting.name().matches(".*(PASSWORD|TOKEN|SECRET|API_KEY)")) {
        namedLikeSecrets.add(setting.name());
      }
    }

    assertThat(secrets).isEqualTo(SAMPLES.keySet());
    assertThat(secrets).containsAll(namedLikeSecrets);
    assertThat(ConfigReference.names()).containsAll(secrets);
  }

  @Test
  void every_secret_is_read_from_the_file_its_file_variable_names(@TempDir Path dir)
      throws Exception {
    for (Setting<?> setting : all()) {
      if (!setting.isSecret()) {
        continue;
      }
      Path file = dir.resolve(setting.name().toLowerCase(java.util.Locale.ROOT));
      Files.writeString(file, SAMPLES.get(setting.name()) + "\n");
      Environment env = Environment.of(Map.of(setting.fileVariable(), file.toString()));

      Object value = ConfigReader.read(env, config -> config.get(setting));

      if (value instanceof AmqpConnections bus) {
        assertThat(bus.newFactory().getPassword())
            .as(setting.fileVariable())
            .isEqualTo("bus-password");
        assertThat(bus.newFactory().getHost()).isEqualTo("broker.example");
      } else {
        assertThat(value).as(setting.fileVariable()).isEqualTo(SAMPLES.get(setting.name()));
      }
    }
  }
}
