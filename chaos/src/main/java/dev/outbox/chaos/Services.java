package dev.outbox.chaos;

import dev.outbox.chaos.infra.PrivatePostgres;
import dev.outbox.chaos.infra.PrivateRabbit;
import dev.outbox.chaos.infra.Workspace;
import dev.outbox.chaos.pipeline.RoleEnvironment;
import dev.outbox.chaos.provider.ProviderStandIn;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * The run's private world, started in order and closed in reverse, also when a start fails halfway:
 * the workspace, the provider stand-in, the PostgreSQL cluster (with the outbox database) and the
 * RabbitMQ node.
 */
final class Services implements AutoCloseable {

  private final Deque<AutoCloseable> started = new ArrayDeque<>();
  final Workspace workspace;
  final ProviderStandIn provider;
  final PrivatePostgres postgres;
  final PrivateRabbit rabbit;

  Services(ChaosOptions options) throws Exception {
    try {
      workspace = opened(Workspace.create(options.out()));
      provider = opened(ProviderStandIn.start(3, Duration.ofMillis(15)));
      log("initdb and start of a private PostgreSQL cluster");
      postgres = opened(PrivatePostgres.create(workspace, options.pgBin()));
      postgres.start();
      postgres.createDatabase(RoleEnvironment.DATABASE);
      log("start of a private RabbitMQ node");
      rabbit = opened(PrivateRabbit.create(workspace));
      rabbit.start();
    } catch (Exception e) {
      close();
      throw e;
    }
  }

  private <T extends AutoCloseable> T opened(T resource) {
    started.push(resource);
    return resource;
  }

  static void log(String message) {
    System.out.println("chaos: " + message);
  }

  @Override
  public void close() throws Exception {
    Exception first = null;
    while (!started.isEmpty()) {
      try {
        started.pop().close();
      } catch (Exception e) {
        first = first == null ? e : first;
      }
    }
    if (workspace != null && first == null) {
      workspace.teardown().done();
    }
    if (first != null) {
      throw first;
    }
  }
}
