-- The transactional outbox: one row per domain event, written in the same
-- transaction as the aggregate change that raised it. Columns are the seed
-- design's; columns may be added, none removed or renamed.
CREATE TABLE outbox_events (
    id UUID PRIMARY KEY DEFAULT gen_random_uuid(),
    aggregate_type VARCHAR(255) NOT NULL,
    aggregate_id UUID NOT NULL,
    event_type VARCHAR(255) NOT NULL,
    payload JSONB NOT NULL,
    created_at TIMESTAMP WITH TIME ZONE DEFAULT NOW(),
    published_at TIMESTAMP WITH TIME ZONE,
    retry_count INT DEFAULT 0,
    last_error TEXT,
    -- Added for the CDC relay: the WAL position the event was read at (set with
    -- published_at), so a replay from an LSN maps to rows once the slot has
    -- moved on; and when an event that could not be published was parked.
    published_lsn PG_LSN,
    parked_at TIMESTAMP WITH TIME ZONE
);

CREATE INDEX idx_outbox_unpublished ON outbox_events (created_at)
    WHERE published_at IS NULL;

-- Replay from the rows and retention both walk published rows in WAL order.
CREATE INDEX idx_outbox_published_lsn ON outbox_events (published_lsn)
    WHERE published_lsn IS NOT NULL;

-- The change stream the relay reads. Insert-only, so the relay's own
-- published_at updates and the retention job's deletes never come back as
-- events. The relay adds its heartbeat table to it in its own migration.
CREATE PUBLICATION ${cdc_publication} FOR TABLE outbox_events WITH (publish = 'insert');
