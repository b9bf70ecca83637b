package dev.outbox.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.outbox.config.Environment;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A blank value means "use the default", for every variable of the reference and every role: what
 * {@code .env.example}'s empty lines and Compose's {@code VAR=} suggest.
 */
class BlankMeansDefaultTest {

  private static final String SECRET = "a-test-secret-of-at-least-32-characters";

  private static final Map<String, Function<Settings, Object>> ROLES =
      Map.of(
          "api", Settings::api,
          "relay", Settings::relay,
          "notifier", Settings::notifier,
          "all", Settings::all,
          "status", Settings::operations,
          "migrate", Settings::migration);

  /** Every variable of the reference empty or blank, and so is each secret's {@code _FILE}. */
  private static Map<String, String> everyVariableBlank() {
    Map<String, String> env = new HashMap<>();
    int i = 0;
    for (ReferenceText.Variable variable : ConfigReference.variables()) {
      env.put(variable.name(), i++ % 2 == 0 ? "" : "  ");
      if (variable.secret()) {
        env.put(variable.name() + "_FILE", " ");
      }
    }
    return env;
  }

  @ParameterizedTest
  @ValueSource(strings = {"api", "relay", "notifier", "all", "status", "migrate"})
  void every_variable_blank_reads_as_its_default(String role) {
    Map<String, String> blank = everyVariableBlank();
    blank.put(Settings.SECRET, SECRET); // required by the api and the notifier: no default
    Settings blanks = new Settings(Environment.of(blank));
    Settings unset = new Settings(Environment.of(Map.of(Settings.SECRET, SECRET)));

    assertThat(ROLES.get(role).apply(blanks)).isEqualTo(ROLES.get(role).apply(unset));
  }

  @Test
  void a_blank_secret_is_no_secret_so_all_generates_one() {
    Settings blanks = new Settings(Environment.of(everyVariableBlank()));

    assertThat(blanks.hasSecret()).isFalse();
    assertThat(blanks.all().secretGenerated()).isTrue();
  }
}
