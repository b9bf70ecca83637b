package dev.outbox.app;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code deliveries}: the group of {@code deliveries show}. */
@Command(
    name = "deliveries",
    mixinStandardHelpOptions = true,
    synopsisSubcommandLabel = "show",
    description = {
      "Reads the notifier's delivery log: what was sent for an event, and what the providers"
          + " reported about it."
    })
final class DeliveriesCommand implements Callable<Integer> {

  @Spec private CommandSpec spec;

  @Override
  public Integer call() {
    throw new ParameterException(spec.commandLine(), "missing command: show");
  }
}
