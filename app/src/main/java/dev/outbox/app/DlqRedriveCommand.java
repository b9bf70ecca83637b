package dev.outbox.app;

import com.zaxxer.hikari.HikariDataSource;
import dev.outbox.config.ExitCodes;
import dev.outbox.config.Pools;
import dev.outbox.notifier.DeadLetterId;
import dev.outbox.notifier.DeadLetters;
import dev.outbox.relay.capture.ParkedEvents;
import dev.outbox.relay.config.RelayConfig;
import dev.outbox.relay.metrics.RelayMetrics;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code dlq redrive}: the notifier's dead letters go back to their work queue as a fresh first
 * attempt; the relay's parked events are published again from their rows. Safe to repeat: the
 * notifier sends once per event id.
 */
@Command(
    name = "redrive",
    mixinStandardHelpOptions = true,
    description = {
      "Re-drives the dead letters and parked events with one id (--id, as dlq list prints it),"
          + " or every one of them (--all); one of the two is required.",
      "Fix the cause first: what fails again ends up back here after its retries."
    })
final class DlqRedriveCommand implements Callable<Integer> {

  private final Invocation invocation;
  @Spec private CommandSpec spec;

  @ArgGroup(exclusive = true, multiplicity = "1")
  private DlqTarget target;

  DlqRedriveCommand(Invocation invocation) {
    this.invocation = invocation;
  }

  @Override
  public Integer call() throws Exception {
    Optional<String> id = target.id(spec);
    Settings.Operations settings = invocation.settings().operations();
    RelayConfig relay = settings.relay();
    int letters;
    try (DeadLetters dlq = DeadLetters.connect(settings.notifierQueues())) {
      letters = dlq.redrive(id);
    }
    int parked = 0;
    // parked events are outbox rows: an event id names one, a sha256: id none
    if (id.isEmpty() || DeadLetterId.isEventId(id.get())) {
      try (HikariDataSource pool = Pools.create(settings.database(), "dlq", 2)) {
        RelayMetrics metrics = new RelayMetrics(new SimpleMeterRegistry(), relay.slotName());
        parked =
            new ParkedEvents(relay, pool, metrics).redrive(id.map(UUID::fromString).orElse(null));
      }
    }
    invocation.out().println("notifier dead letters redriven: " + letters);
    invocation.out().println("relay parked events redriven: " + parked);
    if (id.isPresent() && letters + parked == 0) {
      invocation
          .err()
          .println(spec.qualifiedName() + ": no dead letter or parked event " + id.get());
      return ExitCodes.FAILURE;
    }
    return ExitCodes.OK;
  }
}
