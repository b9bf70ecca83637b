-- Idempotency-Key of POST requests: the key is claimed, the request runs and
-- its response is stored in ONE transaction, so a retry either finds the
-- response or (while the first is still running) waits on the primary key.
-- Rows older than 24 hours count as absent and are purged lazily.
CREATE TABLE idempotency_keys (
    idempotency_key VARCHAR(255) PRIMARY KEY,
    fingerprint VARCHAR(255) NOT NULL,
    created_at TIMESTAMP WITH TIME ZONE NOT NULL,
    response_status INT,
    response_body TEXT
);

CREATE INDEX idx_idempotency_keys_created_at ON idempotency_keys (created_at);
