-- The facts of registered units, replicated from ticket-service's product events (newest as_of wins).
create table product_replica (
    product_id            uuid        primary key,
    customer_id           uuid        not null,
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
    install_region_code   text,
    as_of                 timestamptz not null
);
create index product_replica_serial on product_replica (serial_number, as_of desc);
