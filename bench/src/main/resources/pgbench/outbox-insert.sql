-- One single-row outbox insert per transaction (autocommit), as the application writes it: the
-- harness's load (OutboxLoad runs it with pgbench -n -M prepared -c <clients> -j 2 -t <per client>
-- [-R <rate>] -D step=<n> -D clients=<clients> -D n=0). A client's variables persist from one run
-- of the script to the next, so each client numbers its rows client_id, client_id + clients, ...
-- and bench_seq is dense in [0, clients * per client).
\set n :n + 1
\set seq :client_id + :clients * (:n - 1)
INSERT INTO outbox_events (aggregate_type, aggregate_id, event_type, payload)
VALUES ('user', gen_random_uuid(), 'user.created',
        jsonb_build_object('bench_step', :step::int, 'bench_seq', :seq::int,
                           'email', 'user-' || :seq || '@example.com',
                           'bench_commit_us', (extract(epoch from clock_timestamp()) * 1000000)::bigint));
