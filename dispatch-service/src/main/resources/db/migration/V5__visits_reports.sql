create table visit (
    id              uuid        primary key,
    job_id          uuid        not null references dispatch_job (id),
    ticket_id       uuid        not null,
    technician_id   uuid        not null references technician (id),
    status          text        not null,
    window_start    timestamptz not null,
    window_end      timestamptz not null check (window_end > window_start),
    no_shows        integer     not null default 0,
    reschedules     integer     not null default 0,
    started_at      timestamptz,
    completed_at    timestamptz,
    first_time_fix  boolean,
    -- the final charge and cost, computed from the signed report at completion
    charge          jsonb,
    created_at      timestamptz not null,
    version         bigint      not null
);
create index visit_job on visit (job_id);
create index visit_technician on visit (technician_id, window_start);

-- What happened to a visit, in order: scheduled, rescheduled, no-show, status changes.
create table visit_log (
    id          bigserial   primary key,
    visit_id    uuid        not null references visit (id),
    what        text        not null,
    detail      text,
    actor       text        not null,
    occurred_at timestamptz not null
);

-- Out-of-warranty work: the quote the customer accepts before work starts.
create table visit_quote (
    visit_id     uuid          primary key references visit (id),
    quote        jsonb         not null,
    total        numeric(12,2) not null,
    quoted_at    timestamptz   not null,
    accepted_by  text,
    accepted_at  timestamptz
);

-- Service reports (服务单): immutable once signed; a correction is a new version.
create table service_report (
    id               uuid        primary key,
    visit_id         uuid        not null references visit (id),
    version          integer     not null check (version >= 1),
    cause            text        not null,
    fix              text        not null,
    fault_category   text,
    fault_code       text,
    fix_code         text,
    parts            jsonb       not null,
    labour_minutes   integer     not null check (labour_minutes >= 0),
    data_backup_done boolean     not null,
    cause_explained  boolean     not null,
    photos           jsonb       not null,
    signer_name      text,
    signature_ref    text,
    signed_at        timestamptz,
    created_at       timestamptz not null,
    unique (visit_id, version)
);

-- A signed report never changes: the database refuses it even if the code were wrong.
create function service_report_immutable() returns trigger language plpgsql as $$
begin
    if old.signed_at is not null then
        raise exception 'service report % version % is signed and immutable', old.id, old.version;
    end if;
    return new;
end $$;
create trigger service_report_signed_is_immutable before update or delete on service_report
    for each row execute function service_report_immutable();
