-- Knowledge search moves to an in-memory Lucene index on every instance; PostgreSQL stays the source of truth.
-- Every change that the index must follow (an article written, published, retired, an outcome recorded, the
-- vocabulary edited) takes the next value of knowledge_index_state.revision in its own transaction and stamps the
-- changed article with it. The single row's lock orders these transactions, so revisions become visible in
-- commit order: an instance that has applied revision N only needs the articles stamped above N
-- (select ... where revision > N), and a vocabulary_revision above the one it built with means a full rebuild.
create table knowledge_index_state (
    id                  int    primary key check (id = 1),
    revision            bigint not null,
    vocabulary_revision bigint not null
);
insert into knowledge_index_state (id, revision, vocabulary_revision) values (1, 0, 0);

alter table knowledge_article add column revision bigint not null default 0;
create index knowledge_article_revision on knowledge_article (revision);

-- The domain vocabulary: groups of words that mean the same thing (不凉/不制冷/制冷差/not cooling). A group named
-- after a product category code (AIR_CONDITIONER) holds the words for that product. Edited by admins through
-- /api/knowledge-vocabulary; the search index follows.
create table knowledge_vocabulary (
    name       text        primary key,
    terms      text[]      not null,
    updated_by text        not null,
    updated_at timestamptz not null,
    version    bigint      not null default 0
);

-- Which articles a ticket's caller was shown at intake, in rank order.
create table ticket_shown_article (
    ticket_id  uuid             not null references ticket (id),
    article_id uuid             not null references knowledge_article (id),
    rank       int              not null,
    score      double precision not null,
    shown_at   timestamptz      not null,
    primary key (ticket_id, article_id)
);
