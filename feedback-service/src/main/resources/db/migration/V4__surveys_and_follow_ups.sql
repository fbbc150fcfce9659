-- Customers as ticket-service registered them (CustomerRegistered), with the tier a ticket last reported.
create table customer_profile (
    customer_id        uuid        primary key,
    name               text,
    tier               text,
    preferred_language text,
    phone              text,
    contact_consent    boolean,
    region_code        text,
    registered_at      timestamptz not null
);

-- Which customer a ticket is for (TicketOpened): a survey needs it when the ticket is resolved.
create table survey_ticket (
    ticket_id   uuid        primary key,
    customer_id uuid        not null,
    model       text,
    tier        text,
    opened_at   timestamptz not null
);

create table survey (
    id               uuid        primary key,
    -- once per ticket, however many trigger events (resolved, visit completed, redeliveries) arrive
    ticket_id        uuid        not null unique,
    customer_id      uuid        not null,
    token            text        not null unique,
    triggered_by     text        not null,
    status           text        not null,
    decision         text        not null,
    send_at          timestamptz not null,
    expires_at       timestamptz not null,
    csat             int,
    nps              int,
    comment          text,
    channel          text,
    answered_at      timestamptz,
    low_score_action text,
    low_score_rule   text,
    complaint_id     uuid,
    callback_task_id uuid,
    created_at       timestamptz not null
);
create index survey_answered on survey (answered_at) where answered_at is not null;

create table follow_up_task (
    id           uuid        primary key,
    customer_id  uuid        not null,
    reason       text        not null,
    source_ref   text        not null,
    explanation  text        not null,
    due_at       timestamptz not null,
    status       text        not null,
    outcome      text,
    created_at   timestamptz not null,
    completed_at timestamptz,
    unique (reason, source_ref)
);
create index follow_up_task_open on follow_up_task (due_at) where status = 'OPEN';

-- Every care contact and its outcome; the tier cadence counts from the last one.
create table follow_up_contact (
    id           uuid        primary key,
    customer_id  uuid        not null,
    task_id      uuid,
    outcome      text        not null,
    channel      text        not null,
    notes        text,
    contacted_by text        not null,
    contacted_at timestamptz not null
);
create index follow_up_contact_customer on follow_up_contact (customer_id, contacted_at desc);
