-- Partner deliveries (optional, PartnerDeliveries): the same CloudEvent as in outbox_event, for a partner depot's topic
-- aftersales.partner.<depot-code>.v1, relayed in order by PartnerRelay. returns-service created this table in its own
-- V4 before the platform took it over; PlatformSchemaMigration runs after the service's migrations, so there the
-- table (with whatever it has still to send) is kept as it is and only gains what the platform adds.
create table if not exists partner_delivery (
    sequence_number bigint generated always as identity primary key,
    event_id        uuid        not null,
    topic           text        not null,
    message_key     text        not null,
    payload         text        not null,
    created_at      timestamptz not null default now(),
    published_at    timestamptz
);
-- The trace of the request that caused the event, copied from outbox_event (the outbox relay continues it too).
alter table partner_delivery add column if not exists traceparent text;
create index if not exists partner_delivery_pending on partner_delivery (sequence_number) where published_at is null;
create index if not exists partner_delivery_published_at on partner_delivery (published_at) where published_at is not null;
