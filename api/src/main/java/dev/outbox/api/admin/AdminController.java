package dev.outbox.api.admin;

import dev.outbox.api.RouteGroup;
import dev.outbox.api.error.ApiProblem;
import dev.outbox.api.error.FieldError;
import io.javalin.config.RoutesConfig;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * Read-only operator routes, registered only when ADMIN_TOKEN is set and each guarded by it: {@code
 * GET /admin/outbox} (backlog) and {@code GET /admin/relay} (the replication slot's WAL position
 * and lag), {@code GET /admin/deliveries?event_id=} (the notifier's delivery log of one event with
 * the providers' reports). They read PostgreSQL directly: these are views on the relay's and the
 * notifier's bookkeeping, not on the domain.
 */
public final class AdminController implements RouteGroup {

  private final BearerToken token;
  private final AdminQueries queries;
  private final DeliveryLogQuery deliveries;

  public AdminController(String adminToken, DataSource dataSource, String slotName) {
    this.token = new BearerToken(adminToken);
    this.queries = new AdminQueries(dataSource, slotName);
    this.deliveries = new DeliveryLogQuery(dataSource);
  }

  private static UUID eventId(String text) {
    if (text == null || text.isBlank()) {
      throw ApiProblem.invalid(List.of(new FieldError("event_id", "is required")));
    }
    try {
      return UUID.fromString(text.trim());
    } catch (IllegalArgumentException e) {
      throw ApiProblem.invalid(List.of(new FieldError("event_id", "must be a UUID")));
    }
  }

  @Override
  public void register(RoutesConfig routes) {
    routes.get("/admin/outbox", token.guard(ctx -> ctx.json(queries.outboxBacklog())));
    routes.get("/admin/relay", token.guard(ctx -> ctx.json(queries.relaySlot())));
    routes.get(
        "/admin/deliveries",
        token.guard(ctx -> ctx.json(deliveries.of(eventId(ctx.queryParam("event_id"))))));
  }
}
