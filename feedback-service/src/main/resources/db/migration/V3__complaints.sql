create table complaint (
    id                 uuid          primary key,
    customer_id        uuid          not null,
    ticket_id          uuid,
    channel            text          not null,
    about_type         text          not null,
    about_ref          text,
    severity           text          not null,
    description        text          not null,
    origin             text          not null,
    survey_id          uuid,
    opened_at          timestamptz   not null,
    acknowledge_due_at timestamptz   not null,
    resolve_due_at     timestamptz   not null,
    status             text          not null,
    customer_request   text,
    offer              text,
    compensation       numeric(12,2) not null default 0,
    currency           text,
    resolution         text,
    status_changed_at  timestamptz   not null,
    version            bigint        not null
);
create index complaint_status on complaint (status, severity);
create index complaint_about on complaint (about_type, about_ref);
create index complaint_customer on complaint (customer_id);
-- The low-score rule opens at most one complaint per survey, however often the answer is replayed.
create unique index complaint_survey on complaint (survey_id) where survey_id is not null;

-- Every step of the handling and what was recorded with it.
create table complaint_step (
    complaint_id uuid        not null references complaint (id),
    seq          int         not null,
    status       text        not null,
    at           timestamptz not null,
    by_whom      text        not null,
    note         text,
    details      jsonb       not null default '{}',
    primary key (complaint_id, seq)
);
