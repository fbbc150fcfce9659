-- Where notices reach a customer besides SMS (CustomerRegistered/CustomerUpdated v1.1).
alter table customer_profile add column email text;
alter table customer_profile add column wechat_open_id text;

-- Whose ticket and whose return a notice is about (TicketOpened, ReturnRequested): the customer is resolved when
-- the notice is delivered, so a notice consumed before its ticket waits instead of being lost.
create table notice_ticket (
    ticket_id   uuid primary key,
    customer_id uuid not null
);
create table notice_return (
    return_id   uuid primary key,
    customer_id uuid,
    ticket_id   uuid,
    channel     text not null
);

-- One notice to a customer and its delivery state. Rendered (language, channel, text) at delivery time.
create table notification (
    id              uuid        primary key,
    -- the event (or survey) it answers: a redelivered event never makes a second notice
    source_ref      text        not null,
    notice_type     text        not null,
    customer_id     uuid,
    ticket_id       uuid,
    return_id       uuid,
    args            jsonb       not null,
    status          text        not null check (status in ('PENDING', 'SENT', 'SKIPPED', 'DEAD')),
    rule            text,
    decision        text,
    channel         text,
    recipient       text,
    language        text,
    subject         text,
    body            text,
    attempts        int         not null default 0,
    next_attempt_at timestamptz not null,
    last_error      text,
    created_at      timestamptz not null,
    ended_at        timestamptz,
    unique (source_ref, notice_type)
);
create index notification_due on notification (next_attempt_at) where status = 'PENDING';
create index notification_by_ticket on notification (ticket_id, created_at);
create index notification_by_customer on notification (customer_id, created_at);
create index notification_by_return on notification (return_id, created_at);

-- Every delivery attempt: which channel, what the provider answered.
create table notification_attempt (
    notification_id uuid        not null references notification (id),
    attempt         int         not null,
    channel         text,
    outcome         text        not null,
    detail          text,
    attempted_at    timestamptz not null,
    primary key (notification_id, attempt)
);
