-- Customer profiles (客户档案). Names are stored exactly as given; addresses are read with the profile.
create table customer (
    id                 uuid        primary key,
    name               text        not null,
    addresses          jsonb       not null default '[]',
    tier               text        not null,
    preferred_language text        not null,
    contact_consent    boolean     not null,
    region_code        text,
    registered_at      timestamptz not null,
    updated_at         timestamptz not null,
    version            bigint      not null default 0
);
create index customer_registered on customer (registered_at desc, id);

-- Phones in E.164 form, searchable; position 0 is the primary phone.
create table customer_phone (
    customer_id uuid not null references customer (id),
    position    int  not null,
    number      text not null,
    primary key (customer_id, position)
);
create index customer_phone_number on customer_phone (number);

-- Registered units: the serial number is unique per model.
create table product (
    id                    uuid        primary key,
    customer_id           uuid        not null references customer (id),
    serial_number         text        not null,
    model                 text        not null,
    category              text        not null,
    batch_number          text,
    purchase_date         date        not null,
    store_code            text,
    receipt_number        text,
    price_type            text        not null,
    custom_made           boolean     not null,
    warranty_card_present boolean     not null,
    sold_by_us            boolean     not null,
    install_address       jsonb,
    registered_at         timestamptz not null,
    updated_at            timestamptz not null,
    version               bigint      not null default 0,
    constraint product_model_serial unique (model, serial_number)
);
create index product_customer on product (customer_id);
create index product_serial on product (serial_number);

-- Tickets now capture their subject, entitlement and charge basis at intake. Tickets opened before
-- this migration keep an UNKNOWN entitlement that names why.
alter table ticket
    add column product_id         uuid references product (id),
    add column product_category   text,
    add column batch_number       text,
    add column store_code         text,
    add column customer_tier      text,
    add column region_code        text,
    add column latitude           double precision,
    add column longitude          double precision,
    add column fault_code         text,
    add column attachments        jsonb not null default '[]',
    add column entitlement        text not null default 'UNKNOWN',
    add column entitlement_rule   text not null default 'opened-before-entitlement-check',
    add column entitlement_reason text not null default 'Opened before entitlement was checked at intake',
    add column charge_basis_by    text,
    add column charge_basis_at    timestamptz,
    add column escalated_to       text,
    add column closed_at          timestamptz,
    add column reopen_count       int not null default 0,
    add column technician_id      text;
create index ticket_product on ticket (product_id);
create index ticket_model on ticket (model);
create index ticket_store on ticket (store_code);
create index ticket_technician on ticket (technician_id);
-- Keyset paging: newest first, the id breaks ties.
create index ticket_opened on ticket (opened_at desc, id desc);

-- SLA clocks in business time. warning/breach_published_at make each event fire once.
create table sla_clock (
    ticket_id            uuid        not null references ticket (id),
    clock                text        not null,
    target_seconds       bigint      not null,
    rule                 text        not null,
    started_at           timestamptz not null,
    due_at               timestamptz not null,
    warn_at              timestamptz not null,
    state                text        not null,
    paused_at            timestamptz,
    stopped_at           timestamptz,
    warning_published_at timestamptz,
    breach_published_at  timestamptz,
    primary key (ticket_id, clock)
);
create index sla_clock_warning_due on sla_clock (warn_at) where state = 'RUNNING' and warning_published_at is null;
create index sla_clock_breach_due on sla_clock (due_at) where state = 'RUNNING' and breach_published_at is null;
