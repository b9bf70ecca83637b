package dev.outbox.app;

import com.zaxxer.hikari.HikariDataSource;
import dev.outbox.api.admin.DeliveryLogQuery;
import dev.outbox.config.Durations;
import dev.outbox.config.Pools;
import dev.outbox.notifier.DeadLetters;
import dev.outbox.relay.status.RelayStatus;
import dev.outbox.relay.status.RelayStatusQuery;
import java.sql.SQLException;
import java.time.Duration;
import java.util.concurrent.Callable;
import javax.sql.DataSource;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code status}: the pipeline at a glance. The relay's part comes from the relay's own {@link
 * RelayStatusQuery} (the same numbers /admin/relay shows); the dead-letter depth from RabbitMQ. One
 * {@link StatusReport}, printed as text or JSON.
 */
@Command(
    name = "status",
    mixinStandardHelpOptions = true,
    description = {
      "Prints the relay's WAL position and lag, the WAL its slot retains, whether a relay is"
          + " active (holds the slot's lock; others are standbys), the outbox backlog (pending,"
          + " parked, oldest age), the slot's last loss (when, why, recovered or stopped) and the"
          + " dead-letter depth.",
      "The lag --max-lag checks is the age of the oldest pending event (neither published nor"
          + " parked); zero when none waits.",
      "Exits 3 when that lag exceeds --max-lag, else 1 when a part could not be read (that line"
          + " says why), else 0."
    })
final class StatusCommand implements Callable<Integer> {

  private final Invocation invocation;
  @Spec private CommandSpec spec;
  @Mixin private OutputOption output;

  @Option(
      names = "--max-lag",
      paramLabel = "<duration>",
      description =
          "Exit 3 when the oldest pending event is older than this, e.g. 30s or 5m (for cron and"
              + " probes).")
  private String maxLag;

  StatusCommand(Invocation invocation) {
    this.invocation = invocation;
  }

  @Override
  public Integer call() throws Exception {
    Duration limit = maxLag();
    Settings.Operations settings = invocation.settings().operations();
    RelayStatus relay;
    Long bounces;
    try (HikariDataSource pool = Pools.create(settings.database(), "status", 1)) {
      relay = new RelayStatusQuery(pool).forSlot(settings.replication().slotName());
      bounces = providerBounces(pool);
    }
    StatusReport report;
    try (DeadLetters letters = DeadLetters.connect(settings.notifierQueues())) {
      report = new StatusReport(relay, letters.depth(), null, limit, bounces);
    } catch (Exception e) {
      report =
          new StatusReport(
              relay, null, "RabbitMQ unreachable (" + e.getMessage() + ")", limit, bounces);
    }
    invocation.out().println(output.json() ? StatusJson.render(report) : StatusText.render(report));
    return report.exitCode();
  }

  // The notifier's tables exist once it or `migrate` ran; before that there is nothing to count.
  private static Long providerBounces(DataSource pool) {
    try {
      return new DeliveryLogQuery(pool).permanentFailures();
    } catch (SQLException e) {
      return null;
    }
  }

  private Duration maxLag() {
    if (maxLag == null) {
      return null;
    }
    try {
      Duration limit = Durations.parse("--max-lag", maxLag);
      if (limit.isNegative()) {
        throw new IllegalArgumentException("must not be negative, got '" + maxLag + "'");
      }
      return limit;
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), "--max-lag " + e.getMessage());
    }
  }
}
