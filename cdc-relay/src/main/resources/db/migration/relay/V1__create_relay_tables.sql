-- The relay's own tables, under their own Flyway history (flyway_relay_history).
-- Core's migrations (outbox_events and the publication) run first.

-- Kafka Connect offsets of the embedded Debezium engine: one row per offset key
-- (engine name + source partition, as JSON), so a relay on another host resumes
-- where the last one stopped and a database backup includes the position.
CREATE TABLE relay_offsets (
    offset_key TEXT PRIMARY KEY,
    offset_value TEXT NOT NULL,
    updated_at TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now()
);

-- Written by Debezium's heartbeat.action.query. It is in the publication so
-- that the slot's confirmed_flush_lsn advances while outbox_events is idle and
-- other tables fill the WAL.
CREATE TABLE relay_heartbeat (
    id BIGSERIAL PRIMARY KEY,
    slot_name TEXT NOT NULL,
    beat_at TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now()
);

CREATE INDEX idx_relay_heartbeat_slot_beat ON relay_heartbeat (slot_name, beat_at);

ALTER PUBLICATION ${cdc_publication} ADD TABLE relay_heartbeat;
