-- When the CP-SLA-BREACH rule escalated the complaint; it escalates each complaint at most once.
alter table complaint add column sla_escalated_at timestamptz;
create index complaint_resolve_due on complaint (resolve_due_at) where sla_escalated_at is null;
