-- Calls without a registered unit (来电记录): consultations, questions about use, the market or the policy.
create table call_record (
    id               uuid        primary key,
    customer_id      uuid        references customer (id),
    caller_name      text,
    caller_phone     text,
    topic            text        not null,
    category         text,
    model            text,
    question         text        not null,
    answer           text,
    outcome          text        not null,
    article_id       uuid        references knowledge_article (id),
    callback_due_at  timestamptz,
    callback_done_at timestamptz,
    callback_done_by text,
    callback_note    text,
    logged_by        text        not null,
    logged_at        timestamptz not null,
    constraint call_record_callback check (outcome <> 'CALLBACK_PROMISED' or callback_due_at is not null)
);
create index call_record_customer on call_record (customer_id, logged_at desc) where customer_id is not null;
create index call_record_phone on call_record (caller_phone, logged_at desc) where caller_phone is not null;
create index call_record_logged on call_record (logged_at desc);
create index call_record_open_callback on call_record (callback_due_at)
    where outcome = 'CALLBACK_PROMISED' and callback_done_at is null;
