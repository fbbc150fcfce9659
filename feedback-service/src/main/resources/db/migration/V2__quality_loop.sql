-- Registered units (from ProductRegistered/ProductUpdated): the denominators of the quality loop.
create table quality_unit (
    product_id    uuid        primary key,
    customer_id   uuid,
    serial_number text        not null,
    model         text        not null,
    category      text,
    batch_number  text,
    region_code   text,
    store_code    text,
    registered_at timestamptz not null,
    updated_at    timestamptz not null
);
create index quality_unit_cell on quality_unit (model, batch_number, region_code);
create index quality_unit_serial on quality_unit (model, serial_number);

-- What a ticket says about its unit (from TicketOpened); a visit or depot record of the same ticket
-- may arrive first (another topic), so faults are joined to this at scan time, never at intake.
create table quality_ticket (
    ticket_id     uuid        primary key,
    product_id    uuid,
    serial_number text,
    model         text        not null,
    ticket_type   text        not null,
    opened_at     timestamptz not null
);

-- One diagnosed failure per ticket: the most authoritative source wins (VISIT 3 > DEPOT 2 > TICKET_INTAKE 1),
-- and within a source the latest record.
create table quality_fault (
    ticket_id     uuid        primary key,
    source        text        not null,
    source_rank   int         not null,
    fault_code    text        not null,
    product_id    uuid,
    model         text,
    serial_number text,
    observed_at   timestamptz not null
);

-- Faults resolved to the registered unit that failed (by product id, else by model and serial number).
-- Failures of units that were never registered have no denominator and are left out.
create view quality_fault_unit as
select f.ticket_id, f.source, f.fault_code, u.product_id, u.model, u.batch_number, u.region_code
from quality_fault f
left join quality_ticket t on t.ticket_id = f.ticket_id
join quality_unit u on u.product_id = coalesce(f.product_id, t.product_id)
    or (coalesce(f.product_id, t.product_id) is null
        and u.model = coalesce(f.model, t.model) and u.serial_number = coalesce(f.serial_number, t.serial_number));

create table quality_alert (
    id           uuid        primary key,
    model        text        not null,
    batch_number text        not null,
    region_code  text        not null,
    fault_code   text        not null,
    evidence     jsonb       not null,
    raised_at    timestamptz not null,
    -- One alert per cell: a later scan that still finds it does not raise it again.
    unique (model, batch_number, region_code, fault_code)
);
