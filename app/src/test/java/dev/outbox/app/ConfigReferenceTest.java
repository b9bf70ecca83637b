package dev.outbox.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import dev.outbox.config.Environment;
import dev.outbox.config.Setting;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * {@link ConfigReference} (the union of the declarations) against the code, the README and {@code
 * .env.example}: every declared setting is in it, the README's table and the example file are
 * exactly what it renders, and the example file's values are the defaults the code applies.
 */
class ConfigReferenceTest {

  private static final String SECRET = "a-test-secret-of-at-least-32-characters";
  private static final String REGENERATE =
      "; regenerate it: ./mvnw -pl app -am package -DskipTests, then java -cp"
          + " app/target/outbox.jar dev.outbox.app.ConfigReference ";

  @Test
  void every_setting_declared_in_main_code_is_in_the_reference() {
    Set<String> declared = new TreeSet<>();
    for (JavaClass type :
        new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.outbox")) {
      for (Setting<?> setting : Setting.declaredIn(type.reflect())) {
        declared.add(setting.name());
      }
    }

    assertThat(declared).contains("DATABASE_URL", "METRICS_PORT", "CDC_SLOT_NAME");
    assertThat(new TreeSet<>(ConfigReference.names())).isEqualTo(declared);
    assertThat(ConfigReference.names()).doesNotHaveDuplicates();
  }

  @Test
  void the_readme_configuration_table_is_the_reference() {
    String readme = Repository.read("README.md");
    int start = readme.indexOf("\n## Configuration");
    String section = readme.substring(start, readme.indexOf("\n## ", start + 1));

    assertThat(section)
        .as("README.md's configuration table" + REGENERATE + "readme")
        .contains(ConfigReference.readmeTable());
  }

  @Test
  void the_env_example_is_the_reference() {
    assertThat(Repository.read(".env.example"))
        .as(".env.example" + REGENERATE + "env-example > .env.example")
        .isEqualTo(ConfigReference.envExample());
  }

  @Test
  void running_on_the_env_example_is_running_on_the_defaults() {
    Settings defaults = withSecret(Map.of());
    Settings fromExample = withSecret(envExample());

    assertThat(fromExample.api()).isEqualTo(defaults.api());
    assertThat(fromExample.relay()).isEqualTo(defaults.relay());
    assertThat(fromExample.notifier()).isEqualTo(defaults.notifier());
    assertThat(fromExample.all()).isEqualTo(defaults.all());
    assertThat(fromExample.migration()).isEqualTo(defaults.migration());
    assertThat(fromExample.operations()).isEqualTo(defaults.operations());
  }

  @Test
  void the_reference_defaults_are_the_code_defaults_where_they_are_plain_values() {
    Map<String, String> explicit = new HashMap<>();
    for (ReferenceText.Variable variable : ConfigReference.variables()) {
      if (!variable.exampleValue().isEmpty()) {
        explicit.put(variable.name(), variable.exampleValue());
      }
    }
    Settings defaults = withSecret(Map.of());
    Settings stated = withSecret(explicit);

    assertThat(explicit).containsKeys("NOTIFIER_MAX_ATTEMPTS", "HTTP_PORT", "CDC_SLOT_NAME");
    assertThat(stated.all()).isEqualTo(defaults.all());
    assertThat(stated.relay()).isEqualTo(defaults.relay());
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
