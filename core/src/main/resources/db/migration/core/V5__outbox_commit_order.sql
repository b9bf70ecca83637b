-- Commit order per aggregate, written into each outbox row. The relay streams
-- rows in commit order from the WAL, but the rows its first-start snapshot
-- reads (committed before its slot existed) carry no trace of when they
-- committed: created_at is the writer's clock or the transaction's start.
--
-- commit_seq is assigned by the trigger below, after the inserting transaction
-- took a transaction-scoped advisory lock on the row's aggregate. That lock is
-- held until the transaction ends and released only after its commit record is
-- written and the commit is visible, so a later transaction writing for the
-- same aggregate gets its number only after the earlier one committed: within
-- an aggregate, commit_seq order is commit order, whoever writes the row (the
-- application, which already holds the aggregate's row lock, or any other
-- writer). Rows of one transaction are numbered in insert order. The relay's
-- snapshot reads unpublished rows ORDER BY commit_seq.
--
-- The cost: two transactions writing events for the same aggregate are
-- serialised from the first outbox insert to the commit (the application's are
-- already, by the aggregate's row lock), and a transaction holds one lock per
-- aggregate it writes events for (max_locks_per_transaction bounds a bulk load
-- in one transaction). A value a writer supplies for commit_seq is overwritten.
-- The sequence keeps CACHE 1 (the default): a cache per session would hand out
-- numbers out of the order they are taken in.
ALTER TABLE outbox_events ADD COLUMN commit_seq BIGINT;

CREATE SEQUENCE outbox_events_commit_seq AS BIGINT CACHE 1;

CREATE FUNCTION outbox_events_commit_seq() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    -- Two-key advisory locks are a space of their own (the relay's slot lock
    -- uses the one-key form); 1869968481 is 'outa' in ASCII, the outbox's class.
    PERFORM pg_advisory_xact_lock(1869968481,
        hashtext(NEW.aggregate_type || '/' || NEW.aggregate_id::text));
    NEW.commit_seq := nextval('outbox_events_commit_seq');
    RETURN NEW;
END
$$;

CREATE TRIGGER outbox_events_commit_seq BEFORE INSERT ON outbox_events
    FOR EACH ROW EXECUTE FUNCTION outbox_events_commit_seq();
