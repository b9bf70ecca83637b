package dev.outbox.api.order;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.outbox.api.RouteGroup;
import dev.outbox.api.request.IdempotentPost;
import dev.outbox.api.request.JsonBody;
import dev.outbox.api.request.PathIds;
import dev.outbox.core.application.GetOrder;
import dev.outbox.core.application.PlaceOrder;
import dev.outbox.core.application.RecordPayment;
import dev.outbox.core.domain.order.OrderId;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;

/**
 * Orders: place ({@code POST /orders}), read ({@code GET /orders/{id}}) and pay ({@code POST
 * /orders/{id}/payments}, one payment of exactly the balance).
 */
public final class OrderController implements RouteGroup {

  private final PlaceOrder placeOrder;
  private final GetOrder getOrder;
  private final RecordPayment recordPayment;
  private final IdempotentPost idempotent;

  public OrderController(
      PlaceOrder placeOrder,
      GetOrder getOrder,
      RecordPayment recordPayment,
      IdempotentPost idempotent) {
    this.placeOrder = placeOrder;
    this.getOrder = getOrder;
    this.recordPayment = recordPayment;
    this.idempotent = idempotent;
  }

  @Override
  public void register(RoutesConfig routes) {
    routes.post("/orders", this::place);
    routes.get("/orders/{id}", this::get);
    routes.post("/orders/{id}/payments", this::pay);
  }

  private void place(Context ctx) {
    ObjectNode json = JsonBody.read(ctx);
    var command = OrderRequests.placeOrder(json);
    idempotent.respond(
        ctx,
        json,
        "/orders/",
        () -> IdempotentPost.json(201, OrderResponse.of(placeOrder.execute(command))));
  }

  private void get(Context ctx) {
    OrderId id = new OrderId(PathIds.uuid(ctx, "Order"));
    ctx.json(OrderResponse.of(getOrder.execute(id)));
  }

  private void pay(Context ctx) {
    OrderId id = new OrderId(PathIds.uuid(ctx, "Order"));
    ObjectNode json = JsonBody.read(ctx);
    var command = OrderRequests.recordPayment(id, json);
    idempotent.respond(
        ctx,
        json,
        null,
        () -> IdempotentPost.json(201, PaymentResponse.of(id, recordPayment.execute(command))));
  }
}
