package dev.outbox.app;

import dev.outbox.config.DatabaseSettings;
import dev.outbox.config.ExitCodes;
import dev.outbox.notifier.DeadLetterListing;
import dev.outbox.notifier.DeadLetters;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code dlq list}: shows dead letters and parked events without removing them. */
@Command(
    name = "list",
    mixinStandardHelpOptions = true,
    description = {
      "Lists the notifier's dead letters (id, type, queue, attempts, reason, time) and the"
          + " relay's parked events, oldest first, without removing them; each kind headed by its"
          + " total and how many are shown.",
      "A dead letter's id is its event id, or for a message without one a sha256: id (of its"
          + " body and headers, stable); dlq redrive and dlq discard take either."
    })
final class DlqListCommand implements Callable<Integer> {

  private final Invocation invocation;
  @Spec private CommandSpec spec;
  @Mixin private OutputOption output;

  @Option(
      names = "--limit",
      paramLabel = "<n>",
      defaultValue = "100",
      description = "Show at most this many of each kind (default ${DEFAULT-VALUE}).")
  private int limit;

  DlqListCommand(Invocation invocation) {
    this.invocation = invocation;
  }

  @Override
  public Integer call() throws Exception {
    if (limit < 1) {
      throw new ParameterException(spec.commandLine(), "--limit must be at least 1, got " + limit);
    }
    Settings.Operations settings = invocation.settings().operations();
    DatabaseSettings database = settings.database();
    DeadLetterListing letters;
    try (DeadLetters dlq = DeadLetters.connect(settings.notifierQueues())) {
      letters = dlq.list(limit);
    }
    var parked = ParkedRows.list(database.url(), database.user(), database.password(), limit);
    invocation
        .out()
        .print(
            output.json()
                ? DlqListOutput.json(letters, parked)
                : DlqListOutput.text(letters, parked));
    return ExitCodes.OK;
  }
}
