-- Returns (RMA). Queried columns are columns; the records of each step (decision with its rules, receipt,
-- inspection report, refund, shipment...) are one JSON document written with the row.
create table return_order (
    id                    uuid        primary key,
    serial_number         text,
    product_id            uuid,
    customer_id           uuid,
    category              text        not null,
    model                 text,
    channel               text        not null,
    store_code            text,
    salesperson_code      text,
    reason                text,
    quality_fault_claimed boolean     not null,
    shipping_error        boolean     not null,
    sales_order_error     boolean     not null,
    request_date          date        not null,
    status                text        not null,
    remedy                text        not null,
    freight_payer         text        not null,
    freight_rule          text        not null,
    photo_approval_due_at timestamptz,
    ageing_level          text,
    disposition           text,
    factory_batch_fault   boolean     not null default false,
    next_notice_due_at    timestamptz,
    created_at            timestamptz not null,
    updated_at            timestamptz not null,
    last_progress_at      timestamptz not null,
    version               bigint      not null,
    details               jsonb       not null
);
create index return_order_status on return_order (status);
create index return_order_store on return_order (store_code, created_at desc);
create index return_order_pickup_due on return_order (next_notice_due_at) where status = 'READY_FOR_PICKUP';
create index return_order_progress on return_order (last_progress_at);
