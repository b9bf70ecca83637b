-- One row per notification an event causes: the idempotency key is (event_id, handler).
-- State machine (JdbcDeliveries): PENDING -> SENDING (leased) -> SENT | RETRY_SCHEDULED |
-- FAILED_PERMANENT | GAVE_UP; an expired SENDING lease may be claimed again.
create table deliveries (
    id                  bigint generated always as identity primary key,
    event_id            uuid        not null,
    handler             text        not null,
    event_type          text        not null,
    channel             text        not null check (channel in ('EMAIL', 'SMS')),
    recipient           text        not null,
    template            text        not null,
    provider            text        not null,
    provider_message_id text,
    state               text        not null check (state in
                            ('PENDING', 'SENDING', 'SENT', 'RETRY_SCHEDULED', 'FAILED_PERMANENT', 'GAVE_UP')),
    attempts            int         not null default 0,
    lease_until         timestamptz,
    last_error          text,
    created_at          timestamptz not null,
    updated_at          timestamptz not null,
    sent_at             timestamptz,
    constraint deliveries_event_handler_key unique (event_id, handler)
);

create index deliveries_unfinished on deliveries (updated_at)
    where state not in ('SENT', 'FAILED_PERMANENT', 'GAVE_UP');
