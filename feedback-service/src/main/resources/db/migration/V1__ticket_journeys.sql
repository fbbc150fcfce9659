create table ticket_journey (
    ticket_id        uuid        primary key,
    ticket_type      text        not null,
    channel          text        not null,
    priority         text        not null,
    opened_at        timestamptz not null,
    status           text        not null,
    status_changed_at timestamptz not null
);

-- Every status a ticket reached and when: the raw material of time-to-X KPIs.
create table ticket_journey_step (
    ticket_id  uuid        not null,
    status     text        not null,
    reached_at timestamptz not null,
    primary key (ticket_id, status, reached_at)
);
