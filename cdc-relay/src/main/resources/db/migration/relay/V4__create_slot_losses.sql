-- Each time the relay found its stored WAL position gone (the slot missing, or
-- invalidated by max_slot_wal_keep_size: wal_status = lost) and what it did:
-- recovered (a new slot, every unpublished row published from the snapshot) or
-- stopped (CDC_SLOT_LOSS=stop). `status` shows the newest row of the slot.
CREATE TABLE relay_slot_losses (
    id BIGSERIAL PRIMARY KEY,
    slot_name TEXT NOT NULL,
    detected_at TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
    cause TEXT NOT NULL CHECK (cause IN ('missing', 'invalidated')),
    stored_lsn PG_LSN,
    action TEXT NOT NULL CHECK (action IN ('recovered', 'stopped')),
    unpublished BIGINT NOT NULL
);

CREATE INDEX idx_relay_slot_losses_slot ON relay_slot_losses (slot_name, id);
