-- How far the retention job has deleted published outbox rows: a replay from an
-- older point cannot be served from the rows any more and is refused.
CREATE TABLE relay_retention_horizon (
    id INT PRIMARY KEY CHECK (id = 1),
    deleted_through_lsn PG_LSN,
    deleted_through_time TIMESTAMP WITH TIME ZONE
);
