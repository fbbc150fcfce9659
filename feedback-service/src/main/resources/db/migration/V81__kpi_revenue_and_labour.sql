-- Service revenue (what customers were charged), labour and number of visits, beside the cost: the KPIs
-- serviceCostToRevenue, labourHoursPerVisit and visitsPerTicket. Rows written before have zeros until a rebuild
-- (POST /api/kpis/rebuilds) replays the topics.
alter table kpi_visit add column charged_minor bigint not null default 0;
alter table kpi_visit add column labour_s bigint not null default 0;
alter table kpi_ticket add column revenue_minor bigint not null default 0;
alter table kpi_ticket add column labour_s bigint not null default 0;
alter table kpi_ticket add column visits int not null default 0;
alter table kpi_daily add column revenue_minor bigint not null default 0;
alter table kpi_daily add column labour_s bigint not null default 0;
alter table kpi_daily add column visits bigint not null default 0;
alter table kpi_monthly add column revenue_minor bigint not null default 0;
alter table kpi_monthly add column labour_s bigint not null default 0;
alter table kpi_monthly add column visits bigint not null default 0;
