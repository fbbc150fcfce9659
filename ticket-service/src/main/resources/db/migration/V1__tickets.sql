create table ticket (
    id                uuid        primary key,
    customer_id       uuid        not null,
    serial_number     text        not null,
    model             text        not null,
    ticket_type       text        not null,
    channel           text        not null,
    priority          text        not null,
    fault_category    text,
    fault_description text        not null,
    status            text        not null,
    opened_at         timestamptz not null,
    updated_at        timestamptz not null,
    version           bigint      not null default 0
);
create index ticket_customer on ticket (customer_id);
create index ticket_serial on ticket (serial_number);
create index ticket_status on ticket (status);

create table ticket_timeline (
    id           bigint generated always as identity primary key,
    ticket_id    uuid        not null references ticket (id),
    occurred_at  timestamptz not null,
    kind         text        not null,
    from_status  text,
    to_status    text,
    actor        text        not null,
    reason       text        not null
);
create index ticket_timeline_ticket on ticket_timeline (ticket_id, id);
