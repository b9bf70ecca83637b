package dev.outbox.chaos;

import dev.outbox.chaos.check.ExpectedNotifications;
import dev.outbox.chaos.check.Notification;
import dev.outbox.chaos.infra.PrivatePostgres;
import dev.outbox.chaos.load.OutboxWriters;
import dev.outbox.chaos.observe.AuditConsumer;
import dev.outbox.chaos.observe.OutboxTable;
import dev.outbox.chaos.pipeline.RoleEnvironment;
import dev.outbox.chaos.provider.ProviderRequest;
import dev.outbox.chaos.provider.ProviderStandIn;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;

/**
 * After the load stops: waits (bounded, polling) until every row is published and has arrived,
 * every notification the events call for was accepted and no delivery is still in work, then until
 * nothing has moved for a few seconds (a late duplicate would show up in that time).
 */
final class Drain {

  private static final Duration QUIET = Duration.ofSeconds(3);
  private static final Set<String> IN_WORK = Set.of("PENDING", "SENDING", "RETRY_SCHEDULED");

  private final PrivatePostgres postgres;
  private final AuditConsumer audit;
  private final ProviderStandIn provider;

  Drain(PrivatePostgres postgres, AuditConsumer audit, ProviderStandIn provider) {
    this.postgres = postgres;
    this.audit = audit;
    this.provider = provider;
  }

  /** Whether the pipeline drained within {@code atMost}. */
  boolean await(Duration atMost) {
    Instant deadline = Instant.now().plus(atMost);
    try {
      poll("every outbox row published and arrived", deadline, this::delivered);
      poll("every notification sent, no delivery in work", deadline, this::sent);
      poll("nothing moving for " + QUIET.toSeconds() + " s", deadline, this::quiet);
      return true;
    } catch (ConditionTimeoutException e) {
      Services.log("not drained: " + e.getMessage());
      return false;
    }
  }

  private static void poll(
      String what, Instant deadline, java.util.concurrent.Callable<Boolean> c) {
    Duration left = Duration.between(Instant.now(), deadline);
    Awaitility.await(what)
        .atMost(left.isNegative() ? Duration.ofMillis(1) : left)
        .pollDelay(Duration.ZERO)
        .pollInterval(Duration.ofSeconds(1))
        .ignoreExceptions()
        .until(c);
  }

  private boolean delivered() throws SQLException {
    try (Connection c = postgres.connect(RoleEnvironment.DATABASE)) {
      return OutboxTable.pending(c) == 0 && OutboxTable.ids(c).stream().allMatch(audit::hasSeen);
    }
  }

  private boolean sent() throws SQLException {
    try (Connection c = postgres.connect(RoleEnvironment.DATABASE)) {
      Set<Notification> expected =
          ExpectedNotifications.of(OutboxTable.rowsExcept(c, OutboxWriters.EVENT_TYPE));
      Set<Notification> accepted =
          provider.requests().stream()
              .filter(ProviderRequest::accepted)
              .map(r -> new Notification(r.eventId(), r.channel()))
              .collect(Collectors.toSet());
      Map<String, Long> states = OutboxTable.deliveryStates(c);
      return accepted.containsAll(expected) && IN_WORK.stream().noneMatch(states::containsKey);
    }
  }

  private boolean quiet() {
    Instant last =
        List.of(audit.lastArrivalAt(), provider.lastRequestAt()).stream()
            .max(Instant::compareTo)
            .orElseThrow();
    return Duration.between(last, Instant.now()).compareTo(QUIET) >= 0;
  }
}
