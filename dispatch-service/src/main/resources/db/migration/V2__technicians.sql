create table technician (
    id                    uuid             primary key,
    name                  text             not null,
    -- skills, service area and calendar are read whole with the technician and never queried inside
    skills                jsonb            not null,
    home_latitude         double precision not null,
    home_longitude        double precision not null,
    service_area          jsonb            not null,
    calendar              jsonb            not null,
    max_visits_per_day    integer          not null check (max_visits_per_day > 0),
    status                text             not null,
    current_latitude      double precision,
    current_longitude     double precision,
    position_reported_at  timestamptz,
    partner_depot         text,
    created_at            timestamptz      not null,
    updated_at            timestamptz      not null,
    version               bigint           not null
);
create index technician_status on technician (status);

-- First-time-fix history per fault category, fed by signed service reports.
create table technician_fix_record (
    technician_id     uuid    not null references technician (id),
    fault_category    text    not null,
    completed_visits  integer not null check (completed_visits >= 0),
    first_time_fixes  integer not null check (first_time_fixes >= 0 and first_time_fixes <= completed_visits),
    primary key (technician_id, fault_category)
);

-- Status changes as reported by the technician app, for the record.
create table technician_status_log (
    id             bigserial   primary key,
    technician_id  uuid        not null references technician (id),
    status         text        not null,
    latitude       double precision,
    longitude      double precision,
    reported_at    timestamptz not null
);
