package dev.outbox.app;

import dev.outbox.core.config.DatabaseConfig;
import dev.outbox.notifier.DeadLetters;
import dev.outbox.notifier.config.NotifierConfig;
import dev.outbox.relay.config.RelayConfig;
import java.io.PrintStream;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** {@code status}: the pipeline's health at a glance, read from PostgreSQL and RabbitMQ. */
@Command(
    name = "status",
    mixinStandardHelpOptions = true,
    description = {
      "Prints the relay's WAL position and lag, the WAL its slot retains, whether a relay is"
          + " active, the outbox backlog (pending, parked, oldest age) and the dead-letter"
          + " depth.",
      "Exits 1 when a part could not be read (that line says why)."
    })
final class StatusCommand implements Callable<Integer> {

  private final Invocation invocation;

  StatusCommand(Invocation invocation) {
    this.invocation = invocation;
  }

  @Override
  public Integer call() throws Exception {
    Settings settings = invocation.settings();
    DatabaseConfig database = settings.database();
    RelayConfig relay = settings.relay();
    NotifierConfig notifier = settings.notifierQueues();
    PrintStream out = invocation.out();
    var db = new StatusQueries(database.url(), database.user(), database.password());
    String slotName = relay.slotName();
    StatusQueries.Slot slot = db.slot(slotName);
    boolean active = db.lockHeld(slotName);
    row(
        out,
        "relay slot",
        slotName
            + (slot.exists()
                ? slot.streaming() ? " (streaming)" : " (idle)"
                : " (not created yet: no relay has run)"));
    row(
        out,
        "relay role",
        active
            ? "active: a relay holds the slot's lock, others wait as standby"
            : "none active: no relay holds the slot's lock");
    if (slot.exists()) {
      row(
          out,
          "relay position",
          slot.confirmedLsn() + " confirmed, " + slot.currentLsn() + " written");
      row(out, "relay lag", bytes(slot.lagBytes()));
      row(
          out,
          "retained WAL",
          bytes(slot.retainedBytes()) + " (wal_status " + slot.walStatus() + ")");
    }
    StatusQueries.Backlog backlog = db.backlog();
    row(out, "outbox pending", String.valueOf(backlog.pending()));
    row(out, "outbox parked", String.valueOf(backlog.parked()));
    row(
        out,
        "oldest pending",
        backlog.oldestPendingSeconds() == null
            ? "none"
            : String.format(Locale.ROOT, "%.1f s", backlog.oldestPendingSeconds()));
    try (DeadLetters letters = DeadLetters.connect(notifier)) {
      row(out, "dead letters", String.valueOf(letters.depth()));
    } catch (Exception e) {
      row(out, "dead letters", "unknown: RabbitMQ unreachable (" + e.getMessage() + ")");
      return ExitCodes.FAILURE;
    }
    return ExitCodes.OK;
  }

  private static void row(PrintStream out, String label, String value) {
    out.printf(Locale.ROOT, "%-16s %s%n", label, value);
  }

  static String bytes(long n) {
    if (n < 1024) {
      return n + " B";
    }
    int unit = (63 - Long.numberOfLeadingZeros(n)) / 10;
    return String.format(
        Locale.ROOT,
        "%.1f %siB (%d bytes)",
        n / (double) (1L << (unit * 10)),
        " KMGTPE".charAt(unit),
        n);
  }
}
