package dev.outbox.app;

import com.zaxxer.hikari.HikariDataSource;
import dev.outbox.config.ExitCodes;
import dev.outbox.config.Pools;
import dev.outbox.notifier.DeadLetters;
import dev.outbox.relay.capture.ParkedEvents;
import dev.outbox.relay.config.RelayConfig;
import dev.outbox.relay.metrics.RelayMetrics;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
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
      "Re-drives every dead letter and parked event, or only those of one event id.",
      "Fix the cause first: what fails again ends up back here after its retries."
    })
final class DlqRedriveCommand implements Callable<Integer> {

  private final Invocation invocation;
  @Spec private CommandSpec spec;

  @Option(names = "--id", paramLabel = "<event-id>", description = "Only this event (a UUID).")
  private String id;

  DlqRedriveCommand(Invocation invocation) {
    this.invocation = invocation;
  }

  @Override
  public Integer call() throws Exception {
    UUID eventId = parse(id);
    Settings.Operations settings = invocation.settings().operations();
    RelayConfig relay = settings.relay();
    int letters;
    try (DeadLetters dlq = DeadLetters.connect(settings.notifierQueues())) {
      letters = dlq.redrive(Optional.ofNullable(eventId).map(UUID::toString));
    }
    int parked;
    try (HikariDataSource pool = Pools.create(settings.database(), "dlq", 2)) {
      RelayMetrics metrics = new RelayMetrics(new SimpleMeterRegistry(), relay.slotName());
      parked = new ParkedEvents(relay, pool, metrics).redrive(eventId);
    }
    invocation.out().println("notifier dead letters redriven: " + letters);
    invocation.out().println("relay parked events redriven: " + parked);
    if (eventId != null && letters + parked == 0) {
      invocation
          .err()
          .println(spec.qualifiedName() + ": no dead letter or parked event " + eventId);
      return ExitCodes.FAILURE;
    }
    return ExitCodes.OK;
  }

  private UUID parse(String value) {
    if (value == null) {
      return null;
    }
    try {
      return UUID.fromString(value);
    } catch (IllegalArgumentException e) {
      throw new ParameterException(
          spec.commandLine(), "--id must be an event id (a UUID), got '" + value + "'");
    }
  }
}
