Order ${order_id} confirmed
