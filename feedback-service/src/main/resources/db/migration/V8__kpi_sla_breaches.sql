-- SLA clocks ticket-service reported breached (TicketSlaBreached): a ticket never visited still counts as a miss.
alter table kpi_ticket add column on_site_breached boolean not null default false;
alter table kpi_ticket add column on_site_target_breached boolean not null default false;
alter table kpi_ticket add column resolution_breached boolean not null default false;
