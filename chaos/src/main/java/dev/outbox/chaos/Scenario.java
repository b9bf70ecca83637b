package dev.outbox.chaos;

import dev.outbox.chaos.fault.Fault;
import dev.outbox.chaos.fault.FaultContext;
import dev.outbox.chaos.fault.FaultResult;
import dev.outbox.chaos.fault.FaultSequence;
import dev.outbox.chaos.fault.FirstSnapshotCrash;
import dev.outbox.chaos.load.ApiClient;
import dev.outbox.chaos.load.CustomerJourneys;
import dev.outbox.chaos.load.EmailVerifier;
import dev.outbox.chaos.load.LoadLog;
import dev.outbox.chaos.load.OutboxWriters;
import dev.outbox.chaos.observe.AuditConsumer;
import dev.outbox.chaos.observe.Timeline;
import dev.outbox.chaos.pipeline.Pipeline;
import dev.outbox.chaos.pipeline.RoleEnvironment;
import dev.outbox.chaos.pipeline.RoleInstance;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The run's phases, in order: notifiers and the audit queue up; the first-start snapshot crash
 * against a backlog; the standby relay and the api up; steady load; each fault of the sequence with
 * steady load after it; the load stopped and the pipeline drained.
 */
final class Scenario {

  private final ChaosPlan plan;
  private final Services services;
  private final Pipeline pipeline;
  private final int apiPort;
  private final Timeline timeline = new Timeline();
  private final LoadLog load = new LoadLog();
  private final List<FaultResult> faults = new ArrayList<>();
  private String unrecovered;

  Scenario(ChaosPlan plan, Services services, Pipeline pipeline, int apiPort) {
    this.plan = plan;
    this.services = services;
    this.pipeline = pipeline;
    this.apiPort = apiPort;
  }

  /** Runs every phase; the audit consumer is the caller's to close. */
  boolean run(AuditConsumer audit) throws Exception {
    FaultContext context =
        new FaultContext(
            pipeline,
            services.postgres,
            services.rabbit,
            audit,
            timeline,
            plan.outage(),
            plan.recovery());
    OutboxWriters writers =
        new OutboxWriters(
            () -> services.postgres.connect(RoleEnvironment.DATABASE),
            load,
            plan.sqlWriters(),
            60,
            3);
    timeline.enter("first-snapshot");
    Services.log(
        "first-start snapshot: "
            + plan.snapshotBacklog()
            + " unpublished rows, "
            + plan.snapshotKills()
            + " kills of the relay in its first seconds");
    writers.start();
    faults.add(
        new FirstSnapshotCrash(
                plan.snapshotKills(), plan.snapshotBacklog(), writers, plan.sqlPace())
            .run(context));
    startStandbyAndApi();
    ApiClient api =
        new ApiClient(URI.create("http://127.0.0.1:" + apiPort), load, Duration.ofSeconds(90));
    CustomerJourneys customers =
        new CustomerJourneys(
            api, load, "r" + System.currentTimeMillis(), plan.customerWorkers(), plan.thinkTime());
    EmailVerifier verifier = new EmailVerifier(api, load, services.provider::requests);
    customers.start();
    verifier.start();
    timeline.enter("steady");
    Thread.sleep(plan.steady().toMillis());
    injectFaults(context);
    timeline.enter("drain");
    Services.log("stopping the load, draining");
    customers.close();
    verifier.close();
    writers.close();
    return new Drain(services.postgres, audit, services.provider).await(plan.drain());
  }

  private void startStandbyAndApi() throws Exception {
    RoleInstance standby = pipeline.relays().get(1);
    standby.start();
    pipeline.api().start();
    standby.awaitRunning(plan.recovery());
    pipeline.api().awaitRunning(plan.recovery());
  }

  private void injectFaults(FaultContext context) throws InterruptedException {
    for (Fault fault : FaultSequence.of(plan.faults())) {
      timeline.enter(fault.name());
      Services.log("fault " + fault.name());
      try {
        faults.add(fault.inject(context));
      } catch (Exception e) {
        unrecovered = fault.name() + ": " + e.getMessage();
        Services.log("no recovery from " + unrecovered);
        return;
      }
      Thread.sleep(plan.steady().toMillis());
    }
  }

  Timeline timeline() {
    return timeline;
  }

  LoadLog load() {
    return load;
  }

  List<FaultResult> faults() {
    return List.copyOf(faults);
  }

  /** Why the fault sequence stopped early; null when every fault recovered. */
  String unrecovered() {
    return unrecovered;
  }
}
