package dev.outbox.app;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code dlq}: the group of {@code dlq list} and {@code dlq redrive}. */
@Command(
    name = "dlq",
    mixinStandardHelpOptions = true,
    synopsisSubcommandLabel = "(list | redrive)",
    description = {
      "Inspects and re-drives what gave up: the notifier's dead-lettered messages and the"
          + " events the relay parked after OUTBOX_MAX_RETRIES refused publishes."
    })
final class DlqCommand implements Callable<Integer> {

  @Spec private CommandSpec spec;

  @Override
  public Integer call() {
    throw new ParameterException(spec.commandLine(), "missing command: list or redrive");
  }
}
