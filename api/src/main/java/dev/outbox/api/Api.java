package dev.outbox.api;

import dev.outbox.api.admin.AdminController;
import dev.outbox.api.config.ApiConfig;
import dev.outbox.api.ops.OpsController;
import dev.outbox.api.ops.RequestTracing;
import dev.outbox.api.order.OrderController;
import dev.outbox.api.request.IdempotentPost;
import dev.outbox.api.user.UserController;
import dev.outbox.api.webhook.WebhookController;
import dev.outbox.config.PortInUse;
import dev.outbox.config.health.HealthCheck;
import dev.outbox.config.tracing.TraceParent;
import dev.outbox.core.application.EmailVerificationTokens;
import dev.outbox.core.application.UseCases;
import dev.outbox.core.persistence.CorePersistence;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.opentelemetry.api.OpenTelemetry;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/**
 * The api role's composition root: core's use cases over the given (already migrated) pool behind
 * the HTTP server, wired top to bottom. The CLI's {@code api} and {@code all}, the benchmark and
 * the tests all start the role here; {@code all} shares its pool and registry with the other roles.
 * {@link #close()} stops the server gracefully (requests in flight finish), then closes Hibernate;
 * the pool belongs to the caller, who closes it afterwards.
 */
public final class Api implements AutoCloseable {

  /** Connections of the pool the caller builds for the api: one per request in work, about. */
  public static final int POOL_SIZE = 10;

  private final CorePersistence core;
  private final ApiServer server;

  private Api(CorePersistence core, ApiServer server) {
    this.core = core;
    this.server = server;
  }

  /**
   * Starts the server on {@code config.httpPort()} over {@code dataSource}, which must be migrated
   * ({@code Migrations.migrate(pool, config.replication().publication())}); {@code registry} is
   * what /metrics serves.
   */
  public static Api start(
      ApiConfig config, DataSource dataSource, PrometheusMeterRegistry registry) {
    return start(config, dataSource, registry, List.of());
  }

  /**
   * As {@link #start(ApiConfig, DataSource, PrometheusMeterRegistry)}, /ready also requiring {@code
   * roleChecks}: the roles {@code all} runs in the same process. Without tracing: an incoming
   * traceparent is stored as it came, and a request without one stores none.
   *
   * @throws dev.outbox.config.ConfigException when HTTP_PORT is taken
   */
  public static Api start(
      ApiConfig config,
      DataSource dataSource,
      PrometheusMeterRegistry registry,
      List<HealthCheck> roleChecks) {
    return start(config, dataSource, registry, roleChecks, OpenTelemetry.noop());
  }

  /**
   * As {@link #start(ApiConfig, DataSource, PrometheusMeterRegistry, List)}, each request traced
   * with {@code openTelemetry} (the caller's, closed by the caller after {@link #close()}) and each
   * outbox row storing its request's traceparent.
   *
   * @throws dev.outbox.config.ConfigException when HTTP_PORT is taken
   */
  public static Api start(
      ApiConfig config,
      DataSource dataSource,
      PrometheusMeterRegistry registry,
      List<HealthCheck> roleChecks,
      OpenTelemetry openTelemetry) {
    Clock clock = Clock.systemUTC();
    CorePersistence core = CorePersistence.create(dataSource, TraceParent::current);
    try {
      UseCases useCases =
          core.useCases(
              new EmailVerificationTokens(config.emailVerificationSecret(), clock), clock);
      ApiServer server =
          new ApiServer(
              config.httpPort(),
              routeGroups(
                  config, dataSource, registry, useCases, roleChecks, clock, openTelemetry));
      PortInUse.explain(server::start, ApiConfig.HTTP_PORT.name(), config.httpPort());
      server.bindJettyMeters(registry);
      return new Api(core, server);
    } catch (RuntimeException e) {
      core.close();
      throw e;
    }
  }

  private static List<RouteGroup> routeGroups(
      ApiConfig config,
      DataSource dataSource,
      PrometheusMeterRegistry registry,
      UseCases useCases,
      List<HealthCheck> roleChecks,
      Clock clock,
      OpenTelemetry openTelemetry) {
    IdempotentPost idempotent = new IdempotentPost(useCases.idempotentRequests());
    List<RouteGroup> groups = new ArrayList<>();
    // First: its before-handler makes the request's span current before any other runs.
    groups.add(new RequestTracing(openTelemetry));
    groups.add(new OpsController(dataSource, config.eventBus(), registry, roleChecks));
    groups.add(
        new UserController(
            useCases.registerUser(), useCases.getUser(), useCases.verifyEmail(), idempotent));
    groups.add(
        new OrderController(
            useCases.placeOrder(), useCases.getOrder(), useCases.recordPayment(), idempotent));
    groups.add(new WebhookController(config.webhooks(), dataSource, registry, clock));
    config
        .adminToken()
        .ifPresent(
            token ->
                groups.add(
                    new AdminController(token, dataSource, config.replication().slotName())));
    return groups;
  }

  public int port() {
    return server.port();
  }

  /** Every route the running server answers. */
  public List<ApiServer.Route> routes() {
    return server.routes();
  }

  @Override
  public void close() {
    try {
      server.stop();
    } finally {
      core.close();
    }
  }
}
