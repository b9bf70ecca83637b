package dev.outbox.app;

import com.zaxxer.hikari.HikariDataSource;
import dev.outbox.config.ExitCodes;
import dev.outbox.config.Pools;
import dev.outbox.relay.capture.OutboxReplay;
import dev.outbox.relay.capture.ReplayResult;
import dev.outbox.relay.config.Durations;
import dev.outbox.relay.config.RelayConfig;
import dev.outbox.relay.metrics.RelayMetrics;
import dev.outbox.relay.model.Lsns;
import dev.outbox.relay.replay.ReplayRequest;
import dev.outbox.relay.replay.ReplayRoute;
import dev.outbox.relay.replay.WalReplayClient;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.concurrent.Callable;
import javax.sql.DataSource;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code replay}: republishes every event committed at or after a WAL position or a time, from the
 * WAL when the slot still holds it (the active relay rewinds its stored offset) and from the
 * retained outbox rows otherwise.
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
    Settings.Replay settings = invocation.settings().replay();
    RelayConfig relay = settings.relay();
    PrintStream out = invocation.out();
    try (HikariDataSource pool = Pools.create(settings.database(), "replay", 2)) {
      long total = ReplayProgress.total(pool, Lsns.format(point.lsnOrZero()), point.time());
      out.println("replay from " + point + ": " + total + " published events to republish");
      Optional<Long> fromLsn =
          point.lsn() != null
              ? Optional.of(point.lsn())
              : ReplayRoute.firstPublishedAtOrAfter(pool, point.time());
      ReplayRoute route =
          fromLsn.isPresent()
              ? ReplayRoute.choose(pool, relay.slotName(), fromLsn.get())
              : new ReplayRoute(
                  ReplayRoute.Path.ROWS, "no published event was created at or after it");
      if (route.path() == ReplayRoute.Path.WAL) {
        out.println(
            "path: WAL (slot "
                + relay.slotName()
                + " still holds "
                + Lsns.format(fromLsn.get())
                + "; the active relay re-reads it)");
        Optional<String> refused = fromWal(pool, relay, point, fromLsn.get(), total, wait, out);
        if (refused.isEmpty()) {
          return ExitCodes.OK;
        }
        route = new ReplayRoute(ReplayRoute.Path.ROWS, refused.get());
      }
      out.println("path: outbox rows (not from the WAL: " + route.reason() + ")");
      fromRows(pool, relay, point, total, route.reason(), out);
    }
    return ExitCodes.OK;
  }

  /**
   * Replays through the active relay; empty when done, the relay's reason when it could not read
   * the WAL after all (the rows serve it then).
   */
  private Optional<String> fromWal(
      DataSource pool,
      RelayConfig relay,
      ReplayPoint point,
      long fromLsn,
      long total,
      Duration wait,
      PrintStream out)
      throws Exception {
    WalReplayProgress progress = new WalReplayProgress(total, out);
    ReplayRequest request =
        new WalReplayClient(pool).replay(relay.slotName(), fromLsn, wait, progress);
    if (request.refused()) {
      out.println("the relay did not read the WAL: " + request.error());
      return Optional.of(request.error());
    }
    if (!request.finished()) {
      throw new IllegalStateException(
          "replay request "
              + request.id()
              + " has not finished after "
              + wait
              + " ("
              + request.events()
              + " events republished so far); the relay goes on with it"
              + " (relay_replay_requests)");
    }
    if (request.error() != null) {
      throw new IllegalStateException(
          "replay request " + request.id() + " failed: " + request.error());
    }
    String fromText =
        point.lsn() != null
            ? Lsns.format(fromLsn)
            : point.time() + " (LSN " + Lsns.format(fromLsn) + ")";
    ReplayResult result =
        ReplayResult.fromWal(request.events(), fromText, Lsns.format(request.throughLsn()));
    out.println(result.toText() + "; " + progress.summary(request));
    return Optional.empty();
  }

  private void fromRows(
      DataSource pool,
      RelayConfig relay,
      ReplayPoint point,
      long total,
      String walReason,
      PrintStream out)
      throws Exception {
    SimpleMeterRegistry registry = new SimpleMeterRegistry();
    OutboxReplay replay =
        new OutboxReplay(relay, pool, new RelayMetrics(registry, relay.slotName()));
    try (ReplayProgress progress = ReplayProgress.start(registry, total, out)) {
      ReplayResult result =
          point.lsn() != null
              ? replay.fromLsn(Lsns.format(point.lsn()))
              : replay.fromTime(point.time());
      out.println(result.toText() + "; " + progress.summary());
    } catch (IllegalArgumentException refused) {
      throw new IllegalArgumentException(
          refused.getMessage() + "; not from the WAL either: " + walReason, refused);
    }
  }

  private Duration timeout() {
    try {
      return Durations.parse("--timeout", timeout);
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), e.getMessage());
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
