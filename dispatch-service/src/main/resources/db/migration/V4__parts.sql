-- Prices and costs per part; stock per warehouse or van.
create table part_catalogue (
    part_number  text          primary key,
    description  text          not null,
    unit_cost    numeric(12,2) not null check (unit_cost >= 0),
    unit_price   numeric(12,2) not null check (unit_price >= 0)
);

create table stock_item (
    location     text    not null,
    part_number  text    not null references part_catalogue (part_number),
    -- the check is the last line of defence; checkouts decrement with a guarded single UPDATE
    quantity     integer not null check (quantity >= 0),
    primary key (location, part_number)
);

create table part_checkout (
    id              uuid        primary key,
    technician_id   uuid        not null references technician (id),
    visit_id        uuid,
    location        text        not null,
    part_number     text        not null,
    quantity        integer     not null check (quantity > 0),
    returned        integer     not null default 0 check (returned >= 0),
    consumed        integer     not null default 0 check (consumed >= 0),
    checked_out_at  timestamptz not null,
    check (returned + consumed <= quantity)
);
create index part_checkout_technician on part_checkout (technician_id, part_number);
