-- Each return's place in the return rate: the day and store it counts on, and whether it counts now, as returns-service's
-- rule says in its decisions and moves (a consumer return not rejected, not a shipping error, not a factory batch fault).
create table kpi_return (
    return_id  uuid    primary key,
    day        date    not null,
    store_code text,
    counted    boolean not null
);
