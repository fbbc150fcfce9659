-- Who changed what (issue 7): one row per state-changing API request, written by the platform's audit filter.
-- Append-only: the API has no way to change it, and the database refuses UPDATE, DELETE and TRUNCATE.
create table audit_log (
    id             bigint generated always as identity primary key,
    occurred_at    timestamptz not null default now(),
    subject        text        not null,
    roles          text        not null,
    store          text,
    depot          text,
    technician_id  uuid,
    method         text        not null,
    route          text,
    path           text        not null,
    target_id      text,
    status         int         not null,
    correlation_id text
);
create index audit_log_occurred_at on audit_log (occurred_at);
create index audit_log_subject on audit_log (subject, occurred_at);

create function audit_log_append_only() returns trigger language plpgsql as $$
begin
    raise exception 'audit_log is append-only: % refused', tg_op using errcode = 'insufficient_privilege';
end
$$;
create trigger audit_log_no_update_or_delete before update or delete on audit_log
    for each row execute function audit_log_append_only();
create trigger audit_log_no_truncate before truncate on audit_log
    for each statement execute function audit_log_append_only();
