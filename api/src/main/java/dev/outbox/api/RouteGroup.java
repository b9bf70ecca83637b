package dev.outbox.api;

import io.javalin.config.RoutesConfig;

/**
 * A set of routes registered into the server's configuration before it starts (Javalin 7 knows no
 * routes added later).
 */
@FunctionalInterface
public interface RouteGroup {

  void register(RoutesConfig routes);
}
