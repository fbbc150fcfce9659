-- Each clock counts in its own basis: the on-site promise in clock hours from the call, first response in business
-- hours, resolution in calendar days. Clocks started before this migration counted business hours.
alter table sla_clock add column time_basis text not null default 'BUSINESS_HOURS'
    check (time_basis in ('CLOCK_HOURS', 'BUSINESS_HOURS', 'CALENDAR_DAYS'));
