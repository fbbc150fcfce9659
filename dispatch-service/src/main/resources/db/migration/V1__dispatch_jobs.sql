create table dispatch_job (
    id              uuid        primary key,
    -- one job per ticket, whatever the delivery count of the event that created it
    ticket_id       uuid        not null unique,
    model           text        not null,
    fault_category  text,
    ticket_priority text        not null,
    status          text        not null,
    reason          text        not null,
    queued_at       timestamptz not null
);
create index dispatch_job_status on dispatch_job (status, queued_at);
