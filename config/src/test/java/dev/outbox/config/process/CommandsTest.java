package dev.outbox.config.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The process runner the test fixtures and the chaos suite share (moved here from testing). */
class CommandsTest {

  private static final Duration ENOUGH = Duration.ofSeconds(30);

  @Test
  void a_command_that_exits_zero_is_ok_and_keeps_what_it_printed_on_both_streams() {
    Commands.Result result =
        Commands.run(ENOUGH, List.of("sh", "-c", "echo out; echo err >&2")).orThrow();

    assertThat(result.ok()).isTrue();
    assertThat(result.output()).contains("out").contains("err");
  }

  @Test
  void a_failing_command_throws_naming_the_command_its_exit_code_and_its_output() {
    Commands.Result result =
        Commands.run(ENOUGH, List.of("sh", "-c", "echo no such table; exit 3"));

    assertThat(result.exit()).isEqualTo(3);
    assertThatThrownBy(result::orThrow)
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("sh -c echo no such table; exit 3 exited 3")
        .hasMessageContaining("no such table");
  }

  @Test
  void a_command_past_its_time_limit_is_killed_and_reported_as_exit_minus_one() {
    Commands.Result result = Commands.run(Duration.ofMillis(200), List.of("sleep", "60"));

    assertThat(result.exit()).isEqualTo(-1);
    assertThat(result.ok()).isFalse();
  }

  @Test
  void a_command_that_cannot_start_is_a_result_not_an_exception() {
    Commands.Result result = Commands.run(ENOUGH, List.of("/nonexistent/tool"));

    assertThat(result.exit()).isEqualTo(-2);
    assertThat(result.output()).contains("/nonexistent/tool");
  }

  @Test
  void as_user_adds_exactly_the_given_environment_before_the_command() {
    List<String> command = Commands.asUser("postgres", Map.of("PGPORT", "5433"), List.of("psql"));

    assertThat(command).containsSubsequence("postgres", "env", "PGPORT=5433", "psql");
    assertThat(command.get(command.size() - 1)).isEqualTo("psql");
  }
}
