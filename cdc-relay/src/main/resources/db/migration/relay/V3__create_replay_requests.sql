-- Replays read from the WAL: `replay` inserts a request, the active relay of the
-- slot rewinds its stored offset to from_lsn, republishes what it had already
-- published and records how many events it sent. through_lsn is where the relay
-- had got to (the stored lsn) and through_offset the whole stored offset then,
-- which tells the relay when the replay has caught up (ReplayEnd). A request
-- the relay could not start is finished with an error and started_at left empty
-- (the command then replays from the outbox rows).
CREATE TABLE relay_replay_requests (
    id BIGSERIAL PRIMARY KEY,
    slot_name TEXT NOT NULL,
    from_lsn PG_LSN NOT NULL,
    requested_at TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
    started_at TIMESTAMP WITH TIME ZONE,
    through_lsn PG_LSN,
    through_offset TEXT,
    events BIGINT NOT NULL DEFAULT 0,
    finished_at TIMESTAMP WITH TIME ZONE,
    error TEXT
);

-- The relay looks for its slot's open request every half second.
CREATE INDEX idx_relay_replay_requests_open ON relay_replay_requests (slot_name, id)
    WHERE finished_at IS NULL;
