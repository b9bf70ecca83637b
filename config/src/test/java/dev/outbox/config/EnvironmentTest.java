package dev.outbox.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The process environment over the optional env file (moved here from app with the reader). */
class EnvironmentTest {

  @TempDir Path dir;

  @Test
  void the_real_environment_wins_over_the_env_file() throws IOException {
    Path file = Files.writeString(dir.resolve(".env"), "HTTP_PORT=9090\nEMAIL_ADAPTER=log\n");

    Environment env = Environment.of(Map.of("HTTP_PORT", "8081"), file);

    assertThat(env.value("HTTP_PORT")).contains("8081");
    assertThat(env.value("EMAIL_ADAPTER")).contains("log");
  }

  @Test
  void without_an_env_file_the_environment_is_used_as_is() {
    assertThat(Environment.of(Map.of("A", "1"), null).asMap()).isEqualTo(Map.of("A", "1"));
  }

  @Test
  void env_file_lines_follow_the_compose_env_file_format() throws IOException {
    Path file =
        Files.writeString(
            dir.resolve(".env"),
            """
            # a comment

            PLAIN=value with spaces
            export EXPORTED=1
            DOUBLE="quoted # not a comment"
            SINGLE='x=y'
            EMPTY=
              INDENTED = trimmed
            """);

    assertThat(EnvFile.read(file))
        .containsExactlyInAnyOrderEntriesOf(
            Map.of(
                "PLAIN", "value with spaces",
                "EXPORTED", "1",
                "DOUBLE", "quoted # not a comment",
                "SINGLE", "x=y",
                "EMPTY", "",
                "INDENTED", "trimmed"));
  }

  @Test
  void a_malformed_line_is_reported_by_number_without_its_value() throws IOException {
    Path file = Files.writeString(dir.resolve(".env"), "A=1\nsecret-value-here\n");

    assertThatThrownBy(() -> EnvFile.read(file))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("line 2 is not NAME=value");
  }
}
