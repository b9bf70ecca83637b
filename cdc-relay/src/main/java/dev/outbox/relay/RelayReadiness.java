package dev.outbox.relay;

import dev.outbox.config.health.Check;
import dev.outbox.config.health.HealthCheck;
import dev.outbox.relay.publish.BrokerWatch;
import dev.outbox.relay.standby.LeaderElection;

/**
 * The relay's readiness: the active relay is ready while its engine streams and the broker is
 * connected (it delivers); a standby while it competes for the slot's lock with the broker
 * connected (it could take over and deliver). The body says which role, so that a probe (and the
 * operator reading it) tells a healthy standby from an active relay that stopped delivering.
 */
final class RelayReadiness implements HealthCheck {

  private final String slot;
  private final CaptureSupervisor supervisor;
  private final LeaderElection election;
  private final BrokerWatch broker;

  RelayReadiness(
      String slot, CaptureSupervisor supervisor, LeaderElection election, BrokerWatch broker) {
    this.slot = slot;
    this.supervisor = supervisor;
    this.election = election;
    this.broker = broker;
  }

  @Override
  public String name() {
    return "relay";
  }

  @Override
  public Check check() {
    boolean connected = broker.isConnected();
    String brokerState = connected ? "connected" : "disconnected";
    if (supervisor.isLeading()) {
      boolean streaming = supervisor.isStreaming();
      return Check.of(
          streaming && connected,
          "role",
          "active",
          "slot",
          slot,
          "streaming",
          streaming,
          "broker",
          brokerState,
          "delivering",
          streaming && connected);
    }
    boolean competing = election.isRunning();
    return Check.of(
        competing && connected,
        "role",
        "standby",
        "slot",
        slot,
        "waiting_for_lock",
        competing,
        "broker",
        brokerState);
  }
}
