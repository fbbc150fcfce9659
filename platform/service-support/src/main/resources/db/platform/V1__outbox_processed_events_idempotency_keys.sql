-- Platform tables every service owns in its own database. Applied by PlatformSchemaMigration with its
-- own history table (platform_schema_history), so that service and platform migrations version independently.

-- Transactional outbox: the event is written in the same transaction as the state change it reports,
-- and relayed to Kafka afterwards. The payload is the complete CloudEvent, built explicitly at write time.
create table outbox_event (
    sequence_number bigint generated always as identity primary key,
    event_id        uuid        not null unique,
    topic           text        not null,
    message_key     text        not null,
    event_type      text        not null,
    payload         text        not null,
    correlation_id  text,
    created_at      timestamptz not null default now(),
    published_at    timestamptz
);
create index outbox_event_pending on outbox_event (sequence_number) where published_at is null;
create index outbox_event_published_at on outbox_event (published_at) where published_at is not null;

-- Idempotent consumers: the primary key is the dedup; inserted in the handler's transaction.
create table processed_event (
    consumer     text        not null,
    event_id     uuid        not null,
    event_type   text        not null,
    processed_at timestamptz not null default now(),
    primary key (consumer, event_id)
);

-- Idempotency-Key on requests that create things: the key row is inserted in the creating transaction,
-- so a concurrent retry waits for the first and then replays its stored response.
create table idempotency_key (
    scope           text        not null,
    idempotency_key text        not null,
    request_hash    text        not null,
    response_status int,
    response_location text,
    response_body   text,
    created_at      timestamptz not null default now(),
    primary key (scope, idempotency_key)
);
create index idempotency_key_created_at on idempotency_key (created_at);
