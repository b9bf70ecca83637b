Thank you for your order ${order_id}.

<#list items as item>
${item.quantity} x ${item.sku} at ${item.unit_price} ${currency} = ${item.line_total} ${currency}
</#list>

Total: ${total} ${currency}
