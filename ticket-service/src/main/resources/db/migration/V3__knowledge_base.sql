-- Knowledge base. pg_trgm ranks articles by trigram similarity, which needs no word segmentation and
-- therefore matches Chinese (with a UTF-8 ctype) as well as English. It is a trusted extension: the
-- database owner may create it.
create extension if not exists pg_trgm;

create table knowledge_article (
    id                   uuid        primary key,
    model                text,
    category             text        not null,
    fault_code           text,
    title                text        not null,
    symptoms             text        not null,
    cause                text,
    fix_steps            text        not null,
    language             text        not null,
    status               text        not null,
    source               text        not null,
    proposed_from_ticket uuid        unique,
    solved_count         int         not null default 0,
    not_solved_count     int         not null default 0,
    created_at           timestamptz not null,
    updated_at           timestamptz not null,
    version              bigint      not null default 0,
    search_text          text generated always as (lower(title || ' ' || symptoms || ' ' || coalesce(cause, ''))) stored
);
create index knowledge_article_trgm on knowledge_article using gin (search_text gin_trgm_ops);
create index knowledge_article_status on knowledge_article (status, category);

-- One outcome per ticket and article: the success rate counts each ticket once.
create table knowledge_outcome (
    article_id  uuid        not null references knowledge_article (id),
    ticket_id   uuid        not null,
    solved      boolean     not null,
    recorded_by text        not null,
    recorded_at timestamptz not null,
    primary key (article_id, ticket_id)
);
