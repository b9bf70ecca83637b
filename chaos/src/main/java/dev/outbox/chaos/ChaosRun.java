package dev.outbox.chaos;

import dev.outbox.chaos.check.Findings;
import dev.outbox.chaos.check.Observations;
import dev.outbox.chaos.infra.Ports;
import dev.outbox.chaos.observe.AuditConsumer;
import dev.outbox.chaos.observe.CommitLog;
import dev.outbox.chaos.observe.Kill;
import dev.outbox.chaos.observe.OutboxTable;
import dev.outbox.chaos.observe.UnrecordedSend;
import dev.outbox.chaos.pipeline.Launcher;
import dev.outbox.chaos.pipeline.Pipeline;
import dev.outbox.chaos.pipeline.RoleEnvironment;
import dev.outbox.chaos.pipeline.RoleInstance;
import dev.outbox.chaos.pipeline.SlotWatch;
import dev.outbox.chaos.report.Report;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * One run from start to report: the private services, the migrations, the commit-order slot, the
 * pipeline's processes, the scenario, then the observations collected from each independent source
 * and checked. Everything is torn down at the end, also on failure.
 */
final class ChaosRun {

  private final ChaosOptions options;

  ChaosRun(ChaosOptions options) {
    this.options = options;
  }

  Report run() throws Exception {
    Instant started = Instant.now();
    try (Services services = new Services(options)) {
      int apiPort = Ports.freeBetween(10_000, 20_000);
      RoleEnvironment env =
          new RoleEnvironment(
              services.postgres, services.rabbit.amqpUri(), services.provider.baseUrl(), apiPort);
      Path java = Path.of(ProcessHandle.current().info().command().orElse("java"));
      Launcher launcher =
          new Launcher(java, options.jar(), options::jvmOptions, services.workspace);
      migrate(launcher, env);
      try (Connection c = services.postgres.connect(RoleEnvironment.DATABASE)) {
        CommitLog.create(c);
      }
      SlotWatch slots =
          new SlotWatch(
              () -> services.postgres.connect(RoleEnvironment.DATABASE), RoleEnvironment.SLOT);
      Pipeline pipeline = new Pipeline(launcher, env, slots);
      try {
        Findings findings = Findings.of(scenario(services, pipeline, apiPort));
        return new Report(options.plan().name(), started, Instant.now(), findings);
      } finally {
        pipeline.close();
      }
    }
  }

  private static void migrate(Launcher launcher, RoleEnvironment env) throws Exception {
    Services.log("migrate");
    int exit = launcher.run("migrate", env.common("migrate"), Duration.ofMinutes(3), "migrate");
    if (exit != 0) {
      throw new IllegalStateException("outbox.jar migrate exited " + exit);
    }
  }

  private Observations scenario(Services services, Pipeline pipeline, int apiPort)
      throws Exception {
    Services.log("starting two notifiers");
    for (RoleInstance notifier : pipeline.notifiers()) {
      notifier.start();
    }
    for (RoleInstance notifier : pipeline.notifiers()) {
      notifier.awaitRunning(options.plan().recovery());
    }
    try (AuditConsumer audit =
        AuditConsumer.start(
            services.rabbit.amqpUri(), RoleEnvironment.EXCHANGE, Duration.ofMinutes(1))) {
      Scenario scenario = new Scenario(options.plan(), services, pipeline, apiPort);
      boolean drained = scenario.run(audit);
      return observe(services, pipeline, audit, scenario, drained);
    }
  }

  private static Observations observe(
      Services services, Pipeline pipeline, AuditConsumer audit, Scenario scenario, boolean drained)
      throws Exception {
    Services.log("reading the commit-order slot and the tables");
    List<Kill> notifierKills =
        pipeline.notifiers().stream().flatMap(n -> n.kills().stream()).toList();
    try (Connection c = services.postgres.connect(RoleEnvironment.DATABASE)) {
      return new Observations(
          CommitLog.read(c),
          OutboxTable.rows(c),
          audit.arrivals(),
          services.provider.requests(),
          notifierKills,
          UnrecordedSend.read(services.workspace.out().resolve("logs")),
          scenario.load().outcomes(),
          scenario.load().writes(),
          scenario.timeline(),
          OutboxTable.deliveryStates(c),
          scenario.faults(),
          scenario.unrecovered(),
          drained);
    }
  }
}
