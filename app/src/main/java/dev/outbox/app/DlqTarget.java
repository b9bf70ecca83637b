package dev.outbox.app;

import dev.outbox.notifier.DeadLetterId;
import java.util.Optional;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/**
 * What {@code dlq redrive} and {@code dlq discard} act on: exactly one of {@code --id <id>} (an id
 * {@code dlq list} printed) and {@code --all}, so that taking everything is never the default.
 */
final class DlqTarget {

  @Option(
      names = "--id",
      paramLabel = "<id>",
      required = true,
      description =
          "Only the messages with this id, as dlq list prints it: an event id (a UUID) or, for a"
              + " message without one, its sha256: id.")
  private String id;

  @Option(names = "--all", required = true, description = "Every one of them.")
  private boolean all;

  boolean all() {
    return all;
  }

  /**
   * The id in its canonical form, empty with {@code --all}.
   *
   * @throws ParameterException when the id is neither form
   */
  Optional<String> id(CommandSpec spec) {
    if (all) {
      return Optional.empty();
    }
    String parsed = DeadLetterId.parse(id);
    if (parsed == null) {
      throw new ParameterException(
          spec.commandLine(),
          "--id must be an event id (a UUID) or a sha256: id from dlq list, got '" + id + "'");
    }
    return Optional.of(parsed);
  }
}
