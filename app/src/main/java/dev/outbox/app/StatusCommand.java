package dev.outbox.app;

import com.zaxxer.hikari.HikariDataSource;
import dev.outbox.config.ExitCodes;
import dev.outbox.config.Pools;
import dev.outbox.notifier.DeadLetters;
import dev.outbox.relay.status.RelayStatus;
import dev.outbox.relay.status.RelayStatusQuery;
import java.io.PrintStream;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/**
 * {@code status}: the pipeline at a glance. The relay's part comes from the relay's own {@link
 * RelayStatusQuery} (the same numbers /admin/relay shows); the dead-letter depth from RabbitMQ.
 */
@Command(
    name = "status",
    mixinStandardHelpOptions = true,
    description = {
      "Prints the relay's WAL position and lag, the WAL its slot retains, whether a relay is"
          + " active (holds the slot's lock; others are standbys), the outbox backlog (pending,"
          + " parked, oldest age), the slot's last loss (when, why, recovered or stopped) and the"
          + " dead-letter depth.",
      "Exits 1 when a part could not be read (that line says why)."
    })
final class StatusCommand implements Callable<Integer> {

  private final Invocation invocation;

  StatusCommand(Invocation invocation) {
    this.invocation = invocation;
  }

  @Override
  public Integer call() throws Exception {
    Settings.Operations settings = invocation.settings().operations();
    var notifier = settings.notifierQueues();
    PrintStream out = invocation.out();
    RelayStatus status;
    try (HikariDataSource pool = Pools.create(settings.database(), "status", 1)) {
      status = new RelayStatusQuery(pool).forSlot(settings.replication().slotName());
    }
    out.println(status.toText());
    try (DeadLetters letters = DeadLetters.connect(notifier)) {
      out.println("dead letters         " + letters.depth());
    } catch (Exception e) {
      out.println("dead letters         unknown: RabbitMQ unreachable (" + e.getMessage() + ")");
      return ExitCodes.FAILURE;
    }
    return ExitCodes.OK;
  }
}
