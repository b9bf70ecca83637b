Payment received for order ${order_id}
