package dev.outbox.app;

import com.zaxxer.hikari.HikariDataSource;
import dev.outbox.core.config.DataSources;
import dev.outbox.relay.capture.OutboxReplay;
import dev.outbox.relay.capture.ReplayResult;
import dev.outbox.relay.config.RelayConfig;
import dev.outbox.relay.metrics.RelayMetrics;
import dev.outbox.relay.model.Lsns;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.PrintStream;
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

/** {@code replay}: republishes every event committed at or after a WAL position or a time. */
@Command(
    name = "replay",
    mixinStandardHelpOptions = true,
    description = {
      "Republishes every event committed at or after a WAL position or a time, marked"
          + " replayed=true, then exits. Consumers deduplicate by event id.",
      "Reads the retained outbox rows (OUTBOX_RETENTION); an older point is refused.",
      "Prints a progress line per second (done/total events, events/s)."
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

  ReplayCommand(Invocation invocation) {
    this.invocation = invocation;
  }

  @Override
  public Integer call() throws Exception {
    ReplayPoint point =
        from.lsn != null ? ReplayPoint.lsn(lsn(from.lsn)) : ReplayPoint.time(time(from.time));
    Settings settings = invocation.settings();
    RelayConfig relay = settings.relay();
    PrintStream out = invocation.out();
    try (HikariDataSource pool = DataSources.pool(settings.database(), "replay", 2)) {
      SimpleMeterRegistry registry = new SimpleMeterRegistry();
      OutboxReplay replay =
          new OutboxReplay(relay, pool, new RelayMetrics(registry, relay.slotName()));
      long total = ReplayProgress.total(pool, Lsns.format(point.lsnOrZero()), point.time());
      out.println("replay from " + point + ": " + total + " published events to republish");
      try (ReplayProgress progress = ReplayProgress.start(registry, total, out)) {
        ReplayResult result =
            point.lsn() != null
                ? replay.fromLsn(Lsns.format(point.lsn()))
                : replay.fromTime(point.time());
        out.println(result.toText() + "; " + progress.summary());
      }
    }
    return ExitCodes.OK;
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

  /** Where a replay starts: a WAL position or a commit time. */
  record ReplayPoint(Long lsn, Instant time) {
    static ReplayPoint lsn(long lsn) {
      return new ReplayPoint(lsn, null);
    }

    long lsnOrZero() {
      return lsn == null ? 0 : lsn;
    }

    static ReplayPoint time(Instant time) {
      return new ReplayPoint(null, time);
    }

    @Override
    public String toString() {
      return lsn != null ? "LSN " + Lsns.format(lsn) : "time " + time;
    }
  }
}
