-- Tickets opened without a visit (consultations, complaints, return requests): their facts are kept so that a
-- job can be queued when an agent later sends a technician (rule visit-requested-by-agent).
create table ticket_without_job (
    ticket_id  uuid        primary key,
    facts      jsonb       not null,
    opened_at  timestamptz not null
);
