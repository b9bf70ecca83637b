-- The provider's view of each delivery, written by the api's webhooks (/webhooks/twilio/status,
-- /webhooks/sendgrid/events): every status report once, and on the delivery the latest of them.
alter table deliveries
    add column provider_status      text,
    add column provider_status_at   timestamptz,
    add column provider_error_code  text,
    -- How a delivery found in SENDING with an expired lease was resolved (JdbcDeliveries.claim):
    -- CONFIRMED_BY_PROVIDER: a provider report showed the lost send arrived, so not sent again;
    -- RESENT_WITHOUT_REPORT: none came within NOTIFIER_RECONCILE_WINDOW, so it was sent again.
    add column reconciliation       text check (reconciliation in
                                        ('CONFIRMED_BY_PROVIDER', 'RESENT_WITHOUT_REPORT'));

-- One row per status report; event_key is the provider's identity of the report (SendGrid's
-- sg_event_id, Twilio's MessageSid + MessageStatus), so a report delivered twice is kept once.
create table provider_events (
    id                  bigint generated always as identity primary key,
    delivery_id         bigint      not null references deliveries (id) on delete cascade,
    provider            text        not null,
    event_key           text        not null,
    provider_message_id text,
    status              text        not null,
    raw_status          text        not null,
    error_code          text,
    occurred_at         timestamptz not null,
    received_at         timestamptz not null,
    constraint provider_events_key unique (provider, event_key)
);

create index provider_events_delivery on provider_events (delivery_id, occurred_at);

-- Reports without event id and handler are matched by the provider's message id.
create index deliveries_provider_message on deliveries (provider, provider_message_id);
