We received your payment of ${amount} ${currency} for order ${order_id}.

Payment reference: ${reference}
Payment id: ${payment_id}
