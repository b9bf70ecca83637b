-- One single-row outbox insert per transaction (autocommit), as the application writes it, for
-- pgbench as a burst load: pgbench -n -M prepared -c 16 -j 2 -t <per client> -D step=<n>
-- -D clients=16 -D n=0 -f bench/pgbench/outbox-insert.sql <database> (BENCHMARKS.md). Each
-- client numbers its rows client_id, client_id + clients, ... so bench_seq is dense in [0, N).
\set n :n + 1
\set seq :client_id + :clients * (:n - 1)
INSERT INTO outbox_events (aggregate_type, aggregate_id, event_type, payload)
VALUES ('user', gen_random_uuid(), 'user.created',
        jsonb_build_object('bench_step', :step::int, 'bench_seq', :seq::int,
                           'email', 'user-' || :seq || '@example.com',
                           'bench_commit_us', (extract(epoch from clock_timestamp()) * 1000000)::bigint));
