package dev.outbox.app;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code dlq}: the group of {@code dlq list}, {@code dlq redrive} and {@code dlq discard}. */
@Command(
    name = "dlq",
    mixinStandardHelpOptions = true,
    synopsisSubcommandLabel = "(list | redrive | discard)",
    description = {
      "Inspects, re-drives or discards what gave up: the notifier's dead-lettered messages and"
          + " the events the relay parked after OUTBOX_MAX_RETRIES refused publishes."
    })
final class DlqCommand implements Callable<Integer> {

  @Spec private CommandSpec spec;

  @Override
  public Integer call() {
    throw new ParameterException(spec.commandLine(), "missing command: list, redrive or discard");
  }
}
