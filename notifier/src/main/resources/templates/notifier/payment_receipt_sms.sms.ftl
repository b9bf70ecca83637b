Payment of ${amount} ${currency} received for order ${order_id}. Reference: ${reference}.
