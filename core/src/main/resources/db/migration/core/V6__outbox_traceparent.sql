-- The W3C trace context of the request that raised the event (issue 13): the
-- api stores the `traceparent` of its request's span, the relay sends it on as
-- an AMQP header and the notifier continues the trace from it. Nullable: rows
-- written before this migration, or by writers that trace nothing, carry none.
-- The publication is FOR TABLE outbox_events without a column list, so the
-- relay's change stream carries the new column as it is.
ALTER TABLE outbox_events ADD COLUMN traceparent TEXT;
