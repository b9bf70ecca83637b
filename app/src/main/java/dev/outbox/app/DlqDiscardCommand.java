package dev.outbox.app;

import dev.outbox.config.ExitCodes;
import dev.outbox.notifier.DeadLetters;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code dlq discard}: takes poison messages out of the notifier's dead-letter queues for good, so
 * that a redrive of everything no longer brings them back. They are parked in {@code
 * <queue>.parked} (unchanged, consumed by nothing, bounded) or, with {@code --drop}, dropped with a
 * log line each.
 */
@Command(
    name = "discard",
    mixinStandardHelpOptions = true,
    description = {
      "Moves the notifier's dead letters with one id (--id, as dlq list prints it), or all of them"
          + " (--all, which needs --yes), to the parking queue <queue>.parked, where nothing"
          + " consumes them (at most 10000; when full, discard fails and the message stays a dead"
          + " letter). With --drop they are deleted instead, one log line each.",
      "The relay's parked events are outbox rows, not messages: they stay until redriven."
    })
final class DlqDiscardCommand implements Callable<Integer> {

  private final Invocation invocation;
  @Spec private CommandSpec spec;

  @ArgGroup(exclusive = true, multiplicity = "1")
  private DlqTarget target;

  @Option(names = "--yes", description = "Confirms --all.")
  private boolean yes;

  @Option(names = "--drop", description = "Delete the messages (logged) instead of parking them.")
  private boolean drop;

  DlqDiscardCommand(Invocation invocation) {
    this.invocation = invocation;
  }

  @Override
  public Integer call() throws Exception {
    Optional<String> id = target.id(spec);
    if (target.all() && !yes) {
      throw new ParameterException(
          spec.commandLine(), "--all discards every dead letter: add --yes to confirm");
    }
    Settings.Operations settings = invocation.settings().operations();
    int discarded;
    try (DeadLetters dlq = DeadLetters.connect(settings.notifierQueues())) {
      discarded = drop ? dlq.drop(id) : dlq.park(id);
    }
    invocation
        .out()
        .println("notifier dead letters " + (drop ? "dropped: " : "parked: ") + discarded);
    if (id.isPresent() && discarded == 0) {
      invocation.err().println(spec.qualifiedName() + ": no dead letter " + id.get());
      return ExitCodes.FAILURE;
    }
    return ExitCodes.OK;
  }
}
