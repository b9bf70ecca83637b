package dev.outbox.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.outbox.config.ExitCodes;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The command line's usage and configuration errors, through the real entry point; no services. */
class OutboxCliTest {

  private static final Map<String, String> NO_ENV = Map.of();
  private static final String SECRET = "a-test-secret-of-at-least-32-characters";

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "all",
        "api",
        "relay",
        "notifier",
        "migrate",
        "replay",
        "status",
        "dlq",
        "dlq list",
        "dlq redrive",
        "dlq discard",
        "deliveries",
        "deliveries show"
      })
  void help_of_every_command_prints_its_usage_and_exits_0(String command) {
    String[] args = (command + " --help").strip().split(" ");
    Cli.Result result = Cli.run(NO_ENV, args);

    assertThat(result.exitCode()).isEqualTo(ExitCodes.OK);
    assertThat(result.out()).startsWith("Usage: outbox " + command).contains("--env-file");
    assertThat(result.err()).isEmpty();
  }

  @Test
  void help_lists_every_command_and_the_exit_codes() {
    String help = Cli.run(NO_ENV, "--help").out();

    assertThat(help)
        .contains("all", "api", "relay", "notifier", "migrate", "replay", "status", "dlq")
        .contains(" 3   status --max-lag")
        .contains("78   configuration error");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "bogus",
        "all --bogus",
        "status extra",
        "dlq",
        "dlq bogus",
        "dlq list --limit 0",
        "dlq list --limit x",
        "dlq redrive --id not-a-uuid",
        "dlq redrive --id sha256:0123",
        "dlq redrive",
        "dlq redrive --all --id 0190a5e2-7b3c-7d40-8e11-2f3a4b5c6d7e",
        "dlq discard",
        "dlq discard --all",
        "dlq discard --id nope",
        "dlq list --output yaml",
        "status --output xml",
        "status --max-lag soon",
        "status --max-lag 5",
        "status --max-lag PT-1S",
        "deliveries",
        "deliveries show",
        "deliveries show not-a-uuid",
        "replay",
        "replay --from-lsn 0/1 --from-time 2026-11-27T06:00:00Z",
        "replay --from-lsn 16B3748",
        "replay --from-lsn 0/XYZ",
        "replay --from-time yesterday",
        "replay --from-time 2026-11-27T06:00:00",
        "--env-file"
      })
  void bad_usage_exits_2_with_a_one_line_reason_and_a_hint(String line) {
    String[] args = line.isEmpty() ? new String[0] : line.split(" ");
    Cli.Result result = Cli.run(NO_ENV, args);

    assertThat(result.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(result.err().lines()).hasSize(2);
    assertThat(result.err().lines().findFirst().orElseThrow()).startsWith("outbox").contains(": ");
    assertThat(result.err().lines().skip(1).findFirst().orElseThrow())
        .matches("Try 'outbox[a-z ]*--help'\\.");
    assertThat(result.out()).isEmpty();
  }

  @Test
  void redrive_and_discard_say_why_they_refuse_to_take_everything_by_default() {
    assertThat(Cli.run(NO_ENV, "dlq", "redrive").err())
        .startsWith("outbox dlq redrive: Missing required argument")
        .contains("--id=<id>", "--all");
    assertThat(Cli.run(NO_ENV, "dlq", "discard", "--all").err())
        .startsWith("outbox dlq discard: --all discards every dead letter: add --yes to confirm");
    assertThat(Cli.run(NO_ENV, "status", "--max-lag", "soon").err())
        .startsWith("outbox status: --max-lag must be a duration like 500ms, 10s, 5m");
  }

  @ParameterizedTest
  @ValueSource(strings = {"--version", "-V", "status --version", "dlq discard -V"})
  void every_version_option_prints_the_manifest_version_dev_when_run_from_classes(String line) {
    Cli.Result result = Cli.run(NO_ENV, line.split(" "));

    assertThat(result.exitCode()).isEqualTo(ExitCodes.OK);
    assertThat(result.out()).isEqualTo("outbox dev\n");
  }

  @Test
  void replay_names_what_is_wrong_with_the_lsn() {
    Cli.Result result = Cli.run(NO_ENV, "replay", "--from-lsn", "0/XYZ");

    assertThat(result.err()).startsWith("outbox replay: --from-lsn: not a WAL position");
  }

  @ParameterizedTest
  @ValueSource(strings = {"api", "notifier"})
  void a_separate_api_or_notifier_needs_the_verification_secret(String role) {
    Cli.Result result = Cli.run(NO_ENV, role);

    assertThat(result.exitCode()).isEqualTo(ExitCodes.CONFIG);
    assertThat(result.err())
        .startsWith("outbox " + role + ": configuration error: EMAIL_VERIFICATION_SECRET")
        .hasLineCount(1);
  }

  @Test
  void a_malformed_variable_exits_78_naming_it_before_anything_starts() {
    assertThat(Cli.run(Map.of("HTTP_PORT", "eighty"), "all").err())
        .isEqualTo(
            "outbox all: configuration error: HTTP_PORT must be a whole number, got 'eighty'\n");
    assertThat(Cli.run(Map.of("METRICS_PORT", "-1"), "relay").err())
        .contains("configuration error: METRICS_PORT");
    assertThat(Cli.run(Map.of("CDC_SLOT_NAME", "Bad-Slot"), "status").err())
        .contains("configuration error: CDC_SLOT_NAME");
    assertThat(Cli.run(Map.of("DATABASE_URL", "mysql://x"), "migrate").exitCode())
        .isEqualTo(ExitCodes.CONFIG);
  }

  @Test
  void three_bad_values_are_reported_together_one_line_each_naming_its_variable() {
    Cli.Result result =
        Cli.run(
            Map.of("HTTP_PORT", "eighty", "CDC_SLOT_NAME", "Bad-Slot", "NOTIFIER_PREFETCH", "x"),
            "all");

    assertThat(result.exitCode()).isEqualTo(ExitCodes.CONFIG);
    assertThat(result.err().lines())
        .hasSize(3)
        .allSatisfy(line -> assertThat(line).startsWith("outbox all: configuration error: "))
        .anySatisfy(line -> assertThat(line).contains("HTTP_PORT"))
        .anySatisfy(line -> assertThat(line).contains("CDC_SLOT_NAME"))
        .anySatisfy(line -> assertThat(line).contains("NOTIFIER_PREFETCH"));
    assertThat(result.out()).isEmpty();
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "relay    | CDC_POLL_INTERVAL=soon CDC_MAX_BATCH_SIZE=many OUTBOX_MAX_RETRIES=x",
        "notifier | NOTIFIER_CONCURRENCY=x NOTIFIER_PREFETCH=y NOTIFIER_MAX_ATTEMPTS=z",
        "api      | HTTP_PORT=eighty CDC_SLOT_NAME=Bad-Slot DATABASE_URL=mysql://x"
      })
  void three_bad_values_of_one_role_are_all_reported(String role, String pairs) {
    Map<String, String> env = new HashMap<>(Map.of(Settings.SECRET, SECRET));
    for (String pair : pairs.split(" ")) {
      env.put(pair.substring(0, pair.indexOf('=')), pair.substring(pair.indexOf('=') + 1));
    }

    Cli.Result result = Cli.run(env, role);

    assertThat(result.exitCode()).isEqualTo(ExitCodes.CONFIG);
    assertThat(result.err().lines()).hasSize(3);
    for (String variable : env.keySet()) {
      if (!variable.equals(Settings.SECRET)) {
        assertThat(result.err().lines())
            .as(variable)
            .anySatisfy(
                line ->
                    assertThat(line)
                        .startsWith("outbox " + role + ": configuration error: " + variable));
      }
    }
  }

  @Test
  void a_secret_in_a_bad_value_is_not_echoed() {
    Cli.Result result = Cli.run(Map.of("EVENT_BUS_URL", "amqp://guest:s3cr3t@host name/"), "all");

    assertThat(result.exitCode()).isEqualTo(ExitCodes.CONFIG);
    assertThat(result.err()).contains("EVENT_BUS_URL").doesNotContain("s3cr3t");
  }

  @Test
  void the_env_file_is_read_wherever_the_option_stands(@TempDir Path dir) throws IOException {
    Path file = Files.writeString(dir.resolve("bad.env"), "# comment\nHTTP_PORT=eighty\n");

    for (String[] args :
        new String[][] {
          {"--env-file", file.toString(), "all"}, {"all", "--env-file", file.toString()}
        }) {
      Cli.Result result = Cli.run(NO_ENV, args);
      assertThat(result.exitCode()).isEqualTo(ExitCodes.CONFIG);
      assertThat(result.err()).contains("HTTP_PORT must be a whole number, got 'eighty'");
    }
  }

  @Test
  void a_missing_or_malformed_env_file_is_a_configuration_error(@TempDir Path dir)
      throws IOException {
    Path missing = dir.resolve("missing.env");
    Path malformed = Files.writeString(dir.resolve("bad.env"), "HTTP_PORT 8080\n");

    assertThat(Cli.run(NO_ENV, "status", "--env-file", missing.toString()).err())
        .contains("configuration error: --env-file " + missing + " does not exist");
    assertThat(Cli.run(NO_ENV, "status", "--env-file", malformed.toString()).err())
        .contains("line 1 is not NAME=value");
  }
}
