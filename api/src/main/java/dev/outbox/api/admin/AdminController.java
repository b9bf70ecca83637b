package dev.outbox.api.admin;

import dev.outbox.api.RouteGroup;
import io.javalin.config.RoutesConfig;
import javax.sql.DataSource;

/**
 * Read-only operator routes, registered only when ADMIN_TOKEN is set and each guarded by it: {@code
 * GET /admin/outbox} (backlog) and {@code GET /admin/relay} (the replication slot's WAL position
 * and lag). They read PostgreSQL directly: these are views on the relay's bookkeeping, not on the
 * domain.
 */
public final class AdminController implements RouteGroup {

  private final BearerToken token;
  private final AdminQueries queries;

  public AdminController(String adminToken, DataSource dataSource, String slotName) {
    this.token = new BearerToken(adminToken);
    this.queries = new AdminQueries(dataSource, slotName);
  }

  @Override
  public void register(RoutesConfig routes) {
    routes.get("/admin/outbox", token.guard(ctx -> ctx.json(queries.outboxBacklog())));
    routes.get("/admin/relay", token.guard(ctx -> ctx.json(queries.relaySlot())));
  }
}
