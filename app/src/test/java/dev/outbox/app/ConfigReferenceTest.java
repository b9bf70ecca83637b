package dev.outbox.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.outbox.config.Environment;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * {@link ConfigReference} (the README table's source) against the code and {@code .env.example}: no
 * variable the code reads is missing, none listed is unread, and the example file holds exactly the
 * defaults.
 */
class ConfigReferenceTest {

  /** Where the config records read the environment; every variable name is a string literal. */
  private static final List<String> CONFIG_SOURCES =
      List.of(
          "core/src/main/java/dev/outbox/core/config",
          "cdc-relay/src/main/java/dev/outbox/relay/config",
          "notifier/src/main/java/dev/outbox/notifier/config",
          "api/src/main/java/dev/outbox/api/config",
          "app/src/main/java/dev/outbox/app/MetricsServer.java",
          "app/src/main/java/dev/outbox/app/Settings.java");

  private static final Pattern NAME_LITERAL =
      Pattern.compile("\"([A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+)\"");
  private static final String SECRET = "a-test-secret-of-at-least-32-characters";

  @Test
  void the_reference_lists_exactly_the_variables_the_config_records_read() throws IOException {
    Set<String> read = new TreeSet<>();
    for (String source : CONFIG_SOURCES) {
      try (Stream<Path> files = Files.walk(Repository.root().resolve(source))) {
        for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
          Matcher m = NAME_LITERAL.matcher(Files.readString(file));
          while (m.find()) {
            read.add(m.group(1));
          }
        }
      }
    }

    assertThat(new TreeSet<>(ConfigReference.names())).isEqualTo(read);
    assertThat(ConfigReference.names()).doesNotHaveDuplicates();
  }

  @Test
  void the_readme_configuration_table_is_the_reference() throws IOException {
    String readme = Files.readString(Repository.root().resolve("README.md"));
    int start = readme.indexOf("\n## Configuration");
    int end = readme.indexOf("\n## ", start + 1);
    Matcher row =
        Pattern.compile("(?m)^\\| `([A-Z0-9_]+)` \\| (?:`([^`]*)`)? \\|")
            .matcher(readme.substring(start, end));
    Map<String, String> table = new LinkedHashMap<>();
    while (row.find()) {
      table.put(row.group(1), row.group(2) == null ? "" : row.group(2));
    }

    Map<String, String> reference = new LinkedHashMap<>();
    for (ConfigReference.Variable variable : ConfigReference.VARIABLES) {
      reference.put(variable.name(), variable.defaultValue());
    }
    assertThat(table).containsExactlyEntriesOf(reference);
  }

  @Test
  void the_env_example_lists_every_variable_in_reference_order() {
    assertThat(List.copyOf(envExample().keySet())).isEqualTo(ConfigReference.names());
  }

  @Test
  void the_env_example_shows_each_default_and_leaves_secrets_empty() {
    Map<String, String> example = envExample();
    for (ConfigReference.Variable variable : ConfigReference.VARIABLES) {
      boolean secret = variable.meaning().contains("(secret)");
      boolean computed = variable.defaultValue().startsWith("{");
      String expected = secret || computed ? "" : variable.defaultValue();
      assertThat(example.get(variable.name())).as(variable.name()).isEqualTo(expected);
      if (secret) {
        assertThat(variable.defaultValue()).as(variable.name()).isEmpty();
      }
    }
  }

  @Test
  void running_on_the_env_example_is_running_on_the_defaults() {
    Map<String, String> example = new HashMap<>(envExample());
    Settings defaults = withSecret(Map.of());
    Settings fromExample = withSecret(example);

    assertThat(fromExample.migration()).isEqualTo(defaults.migration());
    assertThat(fromExample.relay()).isEqualTo(defaults.relay());
    assertThat(fromExample.api()).isEqualTo(defaults.api());
    assertThat(fromExample.notifier()).isEqualTo(defaults.notifier());
  }

  @Test
  void the_reference_defaults_are_the_code_defaults_where_they_are_plain_values() {
    Map<String, String> explicit = new HashMap<>();
    List<String> plain = new ArrayList<>();
    for (ConfigReference.Variable variable : ConfigReference.VARIABLES) {
      if (!variable.defaultValue().isEmpty() && !variable.defaultValue().startsWith("{")) {
        explicit.put(variable.name(), variable.defaultValue());
        plain.add(variable.name());
      }
    }
    Settings defaults = withSecret(Map.of());
    Settings stated = withSecret(explicit);

    assertThat(plain).contains("NOTIFIER_MAX_ATTEMPTS", "HTTP_PORT", "CDC_SLOT_NAME");
    assertThat(stated.relay()).isEqualTo(defaults.relay());
    assertThat(stated.api()).isEqualTo(defaults.api());
    assertThat(stated.notifier()).isEqualTo(defaults.notifier());
  }

  private static Settings withSecret(Map<String, String> env) {
    Map<String, String> variables = new HashMap<>(env);
    variables.put(Settings.SECRET, SECRET);
    return new Settings(Environment.of(variables));
  }

  private static Map<String, String> envExample() {
    Map<String, String> variables = new LinkedHashMap<>();
    for (String line : Repository.read(".env.example").split("\n")) {
      if (!line.isBlank() && !line.startsWith("#")) {
        String[] pair = line.split("=", 2);
        assertThat(variables.put(pair[0], pair[1])).as("duplicate " + pair[0]).isNull();
      }
    }
    return variables;
  }
}
