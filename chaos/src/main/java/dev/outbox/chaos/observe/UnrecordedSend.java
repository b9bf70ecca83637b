package dev.outbox.chaos.observe;

import dev.outbox.chaos.provider.Channel;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A notification the provider accepted and the notifier could not record, as the notifier itself
 * logged it ({@code accepted but not recorded: <rule> (<CHANNEL>) of event <id>}): the database
 * stayed unreachable longer than its lease while it tried (notifier/README.md's at-least-once
 * window, without a crash). Read from each notifier incarnation's log, whose file name names it.
 */
public record UnrecordedSend(UUID eventId, Channel channel, String incarnation) {

  private static final Pattern LINE =
      Pattern.compile("accepted but not recorded: \\S+ \\((EMAIL|SMS)\\) of event ([0-9a-f-]{36})");
  private static final Pattern NOTIFIER_LOG = Pattern.compile("(notifier-[a-z]+)\\.(\\d+)\\.log");

  /** The line's unrecorded send, if it is one, by {@code incarnation}. */
  public static Optional<UnrecordedSend> parse(String line, String incarnation) {
    Matcher m = LINE.matcher(line);
    return m.find()
        ? Optional.of(
            new UnrecordedSend(
                UUID.fromString(m.group(2)), Channel.valueOf(m.group(1)), incarnation))
        : Optional.empty();
  }

  /** Every unrecorded send in the notifier logs of {@code logs} (notifier-a.1.log, ...). */
  public static List<UnrecordedSend> read(Path logs) {
    List<UnrecordedSend> found = new ArrayList<>();
    try (Stream<Path> files = Files.list(logs)) {
      for (Path file : files.sorted().toList()) {
        Matcher name = NOTIFIER_LOG.matcher(file.getFileName().toString());
        if (name.matches()) {
          String incarnation = name.group(1) + "#" + name.group(2);
          try (Stream<String> lines = Files.lines(file)) {
            lines.forEach(l -> parse(l, incarnation).ifPresent(found::add));
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return found;
  }
}
