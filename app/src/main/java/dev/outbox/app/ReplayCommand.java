package dev.outbox.app;

import com.zaxxer.hikari.HikariDataSource;
import dev.outbox.config.Durations;
import dev.outbox.config.ExitCodes;
import dev.outbox.config.Pools;
import dev.outbox.relay.Relay;
import dev.outbox.relay.config.RelayConfig;
import dev.outbox.relay.model.Lsns;
import dev.outbox.relay.replay.ReplayPoint;
import dev.outbox.relay.replay.ReplayResult;
import dev.outbox.relay.replay.ReplayService;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code replay}: republishes every event committed at or after a WAL position or a time. The
 * relay's {@link ReplayService} decides the path (the WAL when the slot still holds the point and a
 * relay is active to rewind, the retained outbox rows otherwise) and runs it; this command parses
 * the point and prints what it reports ({@link ReplayOutput}).
 */
@Command(
    name = "replay",
    mixinStandardHelpOptions = true,
    description = {
      "Republishes every event committed at or after a WAL position or a time, in commit order,"
          + " marked replayed=true, then exits. Consumers deduplicate by event id.",
      "Reads the WAL when the slot still holds the point (within CDC_REPLAY_WINDOW) and a relay is"
          + " active: that relay rewinds and re-reads it, then goes on with live events. Otherwise"
          + " reads the retained outbox rows (OUTBOX_RETENTION). A point older than both is"
          + " refused.",
      "Says which path it took; prints a progress line per second (done/total events, events/s)."
    })
final class ReplayCommand implements Callable<Integer> {

  static final class From {
    @Option(
        names = "--from-lsn",
        paramLabel = "<LSN>",
        required = true,
        description = "A WAL position in PostgreSQL's text form, e.g. 0/16B3748.")
    String lsn;

    @Option(
        names = "--from-time",
        paramLabel = "<ISO-8601>",
        required = true,
        description = "A commit time with its offset, e.g. 2026-11-27T06:00:00Z.")
    String time;
  }

  private final Invocation invocation;
  @Spec private CommandSpec spec;

  @ArgGroup(exclusive = true, multiplicity = "1")
  private From from;

  @Option(
      names = "--timeout",
      paramLabel = "<duration>",
      defaultValue = "10m",
      description =
          "How long to wait for the relay to finish a replay from the WAL, e.g. 90s or 10m"
              + " (default: ${DEFAULT-VALUE}); the relay goes on with it after that.")
  private String timeout;

  ReplayCommand(Invocation invocation) {
    this.invocation = invocation;
  }

  @Override
  public Integer call() throws Exception {
    ReplayPoint point =
        from.lsn != null ? ReplayPoint.lsn(lsn(from.lsn)) : ReplayPoint.time(time(from.time));
    Duration wait = timeout();
    RelayConfig relay = invocation.settings().replay().relay();
    try (HikariDataSource pool = Pools.create(relay.database(), "replay", 2);
        ReplayOutput output = new ReplayOutput(invocation.out())) {
      ReplayResult result = Relay.replayService(relay, pool).replay(point, wait, output);
      invocation.out().println(output.closing(result));
    }
    return ExitCodes.OK;
  }

  private Duration timeout() {
    try {
      return Durations.parse("--timeout", timeout);
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), "--timeout " + e.getMessage());
    }
  }

  private long lsn(String text) {
    try {
      return Lsns.parse(text.trim());
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), "--from-lsn: " + e.getMessage());
    }
  }

  private Instant time(String text) {
    try {
      return OffsetDateTime.parse(text.trim()).toInstant();
    } catch (DateTimeParseException e) {
      throw new ParameterException(
          spec.commandLine(),
          "--from-time must be an ISO-8601 time with an offset like 2026-11-27T06:00:00Z, got '"
              + text
              + "'");
    }
  }
}
