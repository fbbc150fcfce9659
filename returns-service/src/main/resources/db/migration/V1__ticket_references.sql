create table ticket_reference (
    ticket_id     uuid        primary key,
    customer_id   uuid        not null,
    serial_number text        not null,
    model         text        not null,
    ticket_type   text        not null,
    opened_at     timestamptz not null
);
create index ticket_reference_serial on ticket_reference (serial_number);
