-- The seed's UpdateAnalytics: daily counters, bumped once per event id.
create table analytics_events (
    event_id    uuid        primary key,
    event_type  text        not null,
    counted_at  timestamptz not null
);

-- metric: users_created, orders_placed, payments_received, revenue_<currency>
create table daily_counts (
    day     date           not null,
    metric  text           not null,
    value   numeric(20, 4) not null,
    primary key (day, metric)
);
