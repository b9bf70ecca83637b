package dev.outbox.chaos.fault;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The broker going away and coming back, either gracefully ({@code rabbitmqctl stop_app}, then
 * {@code start_app}: connections closed cleanly, queues persisted) or by SIGKILL of its Erlang VM
 * (then a fresh start that recovers the durable queues from disk). Either way it stays down for the
 * plan's outage while the load goes on.
 */
final class RestartBroker implements Fault {

  private final boolean kill;
  private final int number;

  private RestartBroker(boolean kill, int number) {
    this.kill = kill;
    this.number = number;
  }

  static RestartBroker gracefully(int number) {
    return new RestartBroker(false, number);
  }

  static RestartBroker byKill(int number) {
    return new RestartBroker(true, number);
  }

  @Override
  public String name() {
    return (kill ? "broker-kill-" : "broker-restart-") + number;
  }

  @Override
  public FaultResult inject(FaultContext context) throws Exception {
    Instant at = Instant.now();
    if (kill) {
      context.rabbit().kill();
    } else {
      context.rabbit().stopApp();
    }
    Recovery.hold(context.outage());
    if (kill) {
      context.rabbit().start();
    } else {
      context.rabbit().startApp();
    }
    Instant back = Instant.now();
    Map<String, Duration> measures = new LinkedHashMap<>();
    measures.put("broker back", Duration.between(at, back));
    measures.put("deliveries resumed", Recovery.deliveriesResumed(context, at, back));
    String how = kill ? "SIGKILL of the node, then a start" : "stop_app, then start_app";
    return new FaultResult(name(), at, measures, how);
  }
}
