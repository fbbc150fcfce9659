-- Own and partner repair depots: the categories they repair and their turnaround promise.
create table depot (
    code            text        primary key,
    name            text        not null,
    kind            text        not null,
    categories      text[]      not null,
    turnaround_days int         not null,
    active          boolean     not null,
    created_at      timestamptz not null
);

-- Depot repair orders (返厂维修), from an RMA or from dispatch's DepotRepairRequested (request_id dedups).
create table depot_repair (
    id                uuid        primary key,
    depot_code        text        not null references depot (code),
    return_id         uuid        references return_order (id),
    ticket_id         uuid,
    request_id        uuid        unique,
    serial_number     text,
    model             text,
    category          text        not null,
    fault_description text,
    status            text        not null,
    promised_by       date        not null,
    at_risk_raised    boolean     not null default false,
    history           jsonb       not null,
    created_at        timestamptz not null,
    updated_at        timestamptz not null,
    version           bigint      not null
);
create index depot_repair_depot on depot_repair (depot_code, created_at desc);
create index depot_repair_open on depot_repair (promised_by) where status not in ('REPAIRED', 'SHIPPED_BACK');
create unique index depot_repair_per_return on depot_repair (return_id) where return_id is not null;

-- Second outbox for partner topics: the same CloudEvent as in outbox_event, for aftersales.partner.<depot>.v1.
create table partner_delivery (
    sequence_number bigint generated always as identity primary key,
    event_id        uuid        not null,
    topic           text        not null,
    message_key     text        not null,
    payload         text        not null,
    created_at      timestamptz not null default now(),
    published_at    timestamptz
);
create index partner_delivery_pending on partner_delivery (sequence_number) where published_at is null;
create index partner_delivery_published_at on partner_delivery (published_at) where published_at is not null;
