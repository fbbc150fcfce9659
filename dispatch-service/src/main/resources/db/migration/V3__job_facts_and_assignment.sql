-- The facts a job is planned with, from TicketOpened v1.1 (null while the ticket service does not send them).
alter table dispatch_job
    add column customer_id           uuid,
    add column serial_number         text,
    add column product_id            uuid,
    add column product_category      text,
    add column fault_code            text,
    add column fault_description     text,
    add column customer_tier         text,
    add column region_code           text,
    add column latitude              double precision,
    add column longitude             double precision,
    add column entitlement           text,
    add column on_site_due_at        timestamptz,
    add column on_site_target_at     timestamptz,
    -- why the job is held (not assigned) or cannot be auto-assigned; null when neither
    add column hold_reason           text,
    add column auto_assign_blocked   text,
    add column technician_id         uuid references technician (id),
    add column assigned_at           timestamptz,
    add column assignment_explanation text,
    add column version               bigint not null default 0;
create index dispatch_job_technician on dispatch_job (technician_id, status);

-- Every assignment and unassignment of a job, with who, why and the score that explained it.
create table job_assignment_log (
    id             bigserial   primary key,
    job_id         uuid        not null references dispatch_job (id),
    technician_id  uuid        not null references technician (id),
    action         text        not null,
    -- AUTO / ACCEPTED / OVERRIDE for assignments; DECLINED / OVERRIDDEN / OFF_DUTY / CANCELLED for unassignments
    kind           text        not null,
    actor          text        not null,
    reason         text,
    score          double precision,
    explanation    text,
    occurred_at    timestamptz not null
);
create index job_assignment_log_job on job_assignment_log (job_id, occurred_at);
