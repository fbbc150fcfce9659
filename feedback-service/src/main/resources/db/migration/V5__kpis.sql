-- Each ticket's KPI facts as the events told them (any order); the source of its kpi_daily contribution.
create table kpi_ticket (
    ticket_id          uuid        primary key,
    opened_at          timestamptz,
    ticket_type        text,
    model              text,
    region_code        text,
    product_id         uuid,
    store_code         text,
    technician_id      text,
    -- when the technician fact was recorded: the latest assignment or visit names the ticket's technician
    technician_at      timestamptz,
    team               text,
    first_response_at  timestamptz,
    assigned_at        timestamptz,
    on_site_at         timestamptz,
    resolved_at        timestamptz,
    on_site_due_at     timestamptz,
    on_site_target_at  timestamptz,
    resolution_due_at  timestamptz,
    first_time_fix     boolean,
    cost_minor         bigint,
    csat               int,
    nps                int,
    complaints         int         not null default 0,
    repeated_within_window boolean not null default false
);
create index kpi_ticket_product on kpi_ticket (product_id, opened_at) where product_id is not null;

-- Cost per visit (latest signed report version wins); a ticket's cost is the sum over its visits.
create table kpi_visit (
    visit_id       uuid   primary key,
    ticket_id      uuid   not null,
    report_version int    not null,
    cost_minor     bigint not null
);
create index kpi_visit_ticket on kpi_visit (ticket_id);

-- Units as registered (store, model, region) for the store dimension and return rates.
create table kpi_product (
    product_id    uuid primary key,
    model         text,
    store_code    text,
    region_code   text
);

-- Pre-aggregated KPIs: additive counts and sums per day × dimension × value (dimension 'all' has value '*').
-- A KPI over any period and granularity is a sum over these rows; no query touches kpi_ticket.
create table kpi_daily (
    day                date not null,
    dimension          text not null,
    dim_value          text not null,
    tickets            bigint not null default 0,
    first_response_n   bigint not null default 0,
    first_response_s   bigint not null default 0,
    assign_n           bigint not null default 0,
    assign_s           bigint not null default 0,
    on_site_n          bigint not null default 0,
    on_site_s          bigint not null default 0,
    resolve_n          bigint not null default 0,
    resolve_s          bigint not null default 0,
    ftf_n              bigint not null default 0,
    ftf_yes            bigint not null default 0,
    repeat_n           bigint not null default 0,
    repeat_yes         bigint not null default 0,
    sla_on_site_n      bigint not null default 0,
    sla_on_site_met    bigint not null default 0,
    beat_promise_n     bigint not null default 0,
    beat_promise_yes   bigint not null default 0,
    sla_resolve_n      bigint not null default 0,
    sla_resolve_met    bigint not null default 0,
    csat_n             bigint not null default 0,
    csat_sum           bigint not null default 0,
    nps_n              bigint not null default 0,
    nps_promoters      bigint not null default 0,
    nps_detractors     bigint not null default 0,
    complaints         bigint not null default 0,
    cost_n             bigint not null default 0,
    cost_minor         bigint not null default 0,
    units_sold         bigint not null default 0,
    returns            bigint not null default 0,
    primary key (dimension, dim_value, day)
);
create index kpi_daily_by_day on kpi_daily (dimension, day);

-- The same measures rolled up per calendar month (day = first of the month), maintained with the same deltas,
-- so that month-granularity queries over long ranges read ~30× fewer rows.
create table kpi_monthly (
    day                date not null,
    dimension          text not null,
    dim_value          text not null,
    tickets            bigint not null default 0,
    first_response_n   bigint not null default 0,
    first_response_s   bigint not null default 0,
    assign_n           bigint not null default 0,
    assign_s           bigint not null default 0,
    on_site_n          bigint not null default 0,
    on_site_s          bigint not null default 0,
    resolve_n          bigint not null default 0,
    resolve_s          bigint not null default 0,
    ftf_n              bigint not null default 0,
    ftf_yes            bigint not null default 0,
    repeat_n           bigint not null default 0,
    repeat_yes         bigint not null default 0,
    sla_on_site_n      bigint not null default 0,
    sla_on_site_met    bigint not null default 0,
    beat_promise_n     bigint not null default 0,
    beat_promise_yes   bigint not null default 0,
    sla_resolve_n      bigint not null default 0,
    sla_resolve_met    bigint not null default 0,
    csat_n             bigint not null default 0,
    csat_sum           bigint not null default 0,
    nps_n              bigint not null default 0,
    nps_promoters      bigint not null default 0,
    nps_detractors     bigint not null default 0,
    complaints         bigint not null default 0,
    cost_n             bigint not null default 0,
    cost_minor         bigint not null default 0,
    units_sold         bigint not null default 0,
    returns            bigint not null default 0,
    primary key (dimension, dim_value, day)
);
create index kpi_monthly_by_day on kpi_monthly (dimension, day);
