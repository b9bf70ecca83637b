package dev.outbox.app;

import dev.outbox.config.DatabaseSettings;
import dev.outbox.config.ExitCodes;
import dev.outbox.notifier.DeadLetter;
import dev.outbox.notifier.DeadLetters;
import java.io.PrintStream;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code dlq list}: shows dead letters and parked events without removing them. */
@Command(
    name = "list",
    mixinStandardHelpOptions = true,
    description = {
      "Lists the notifier's dead letters (event id, type, queue, attempts, reason, time) and the"
          + " relay's parked events, oldest first, without removing them."
    })
final class DlqListCommand implements Callable<Integer> {

  private final Invocation invocation;
  @Spec private CommandSpec spec;

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
    PrintStream out = invocation.out();
    List<DeadLetter> letters;
    try (DeadLetters dlq = DeadLetters.connect(settings.notifierQueues())) {
      letters = dlq.list(limit);
    }
    out.println("notifier dead letters: " + letters.size());
    for (DeadLetter letter : letters) {
      out.printf(
          "  %s  %s  queue=%s attempts=%d handler=%s at=%s reason=%s%n",
          letter.eventId(),
          letter.eventType(),
          letter.queue(),
          letter.attempts(),
          letter.handler(),
          letter.time(),
          letter.reason());
    }
    var parked = ParkedRows.list(database.url(), database.user(), database.password(), limit);
    out.println("relay parked events: " + parked.size());
    for (ParkedRows.Parked event : parked) {
      out.printf(
          "  %s  %s  attempts=%d parked_at=%s last_error=%s%n",
          event.id(), event.type(), event.attempts(), event.parkedAt(), event.lastError());
    }
    return ExitCodes.OK;
  }
}
