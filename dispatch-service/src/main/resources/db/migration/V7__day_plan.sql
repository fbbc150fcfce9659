-- The last solved day plan, shared by every instance of the service (it used to live in one instance's memory,
-- so another instance behind the gateway answered 404). One row; stale is set when jobs or technicians change.
create table day_plan (
    id        smallint primary key default 1 check (id = 1),
    view      jsonb       not null,
    stale     boolean     not null default false,
    solved_at timestamptz not null
);
