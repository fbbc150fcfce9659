package com.aftersales.ticket.knowledge;

import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Articles, their outcomes and the articles shown on tickets in PostgreSQL, the source of truth of the search index;
 * the revision rule of field visits compares texts with the trigram index on {@code search_text}.
 */
@Repository
class KnowledgeRepository {

    private final JdbcClient jdbc;

    KnowledgeRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Inserts the article; false when the ticket already proposed one (a redelivered visit report). */
    boolean insert(KnowledgeArticle a) {
        return jdbc.sql("""
                        insert into knowledge_article (id, model, category, fault_code, title, symptoms, cause, fix_steps,
                                                       language, status, source, proposed_from_ticket, updates_article,
                                                       created_at, updated_at)
                        values (:id, :model, :category, :faultCode, :title, :symptoms, :cause, :fix, :language, :status,
                                :source, :ticket, :updates, :createdAt, :updatedAt)
                        on conflict (proposed_from_ticket) do nothing""")
                .param("id", a.id()).param("model", a.model()).param("category", a.category())
                .param("faultCode", a.faultCode()).param("title", a.title()).param("symptoms", a.symptoms())
                .param("cause", a.cause()).param("fix", a.fixSteps()).param("language", a.language())
                .param("status", a.status().name()).param("source", a.source()).param("ticket", a.proposedFromTicket())
                .param("updates", a.updatesArticle()).param("createdAt", Timestamp.from(a.createdAt())).param("updatedAt", Timestamp.from(a.updatedAt()))
                .update() == 1 && touch(a.id());
    }

    /**
     * Stamps the article with the next index revision, in the caller's transaction (see V10): every instance's index
     * picks the change up. The single state row's lock orders these transactions by commit.
     */
    private boolean touch(UUID id) {
        jdbc.sql("""
                        with next as (update knowledge_index_state set revision = revision + 1 where id = 1 returning revision)
                        update knowledge_article set revision = (select revision from next) where id = :id""")
                .param("id", id).update();
        return true;
    }

    /** The index revision and the revision of the last vocabulary change. */
    IndexState indexState() {
        return jdbc.sql("select revision, vocabulary_revision from knowledge_index_state where id = 1")
                .query((rs, n) -> new IndexState(rs.getLong("revision"), rs.getLong("vocabulary_revision"))).single();
    }

    record IndexState(long revision, long vocabularyRevision) {
    }

    /** Articles changed after that revision, whatever their status now. */
    List<KnowledgeArticle> changedSince(long revision) {
        return jdbc.sql("select * from knowledge_article where revision > :revision order by revision")
                .param("revision", revision).query(KnowledgeRepository::map).list();
    }

    List<KnowledgeArticle> published() {
        return jdbc.sql("select * from knowledge_article where status = 'PUBLISHED'").query(KnowledgeRepository::map).list();
    }

    void update(KnowledgeArticle a, long readVersion) {
        int updated = jdbc.sql("""
                        update knowledge_article set model = :model, category = :category, fault_code = :faultCode,
                               title = :title, symptoms = :symptoms, cause = :cause, fix_steps = :fix, language = :language,
                               status = :status, updated_at = :updatedAt, version = version + 1
                        where id = :id and version = :version""")
                .param("id", a.id()).param("model", a.model()).param("category", a.category())
                .param("faultCode", a.faultCode()).param("title", a.title()).param("symptoms", a.symptoms())
                .param("cause", a.cause()).param("fix", a.fixSteps()).param("language", a.language())
                .param("status", a.status().name()).param("updatedAt", Timestamp.from(a.updatedAt()))
                .param("version", readVersion)
                .update();
        if (updated != 1) {
            throw new OptimisticLockingFailureException("article " + a.id() + " changed since version " + readVersion);
        }
        touch(a.id());
    }

    /**
     * The published article of this category and fault code (and of this model or the whole category) most similar
     * to the text, if at least {@code minSimilarity} similar.
     */
    Optional<KnowledgeArticle> closestPublished(String category, String model, String faultCode, String text,
                                                double minSimilarity) {
        return jdbc.sql("""
                        select * from (
                            select a.*, word_similarity(:text, a.search_text) as similarity
                            from knowledge_article a
                            where a.status = 'PUBLISHED' and a.category = :category and a.fault_code = :faultCode
                              and (a.model is null or a.model = :model)
                        ) hits
                        where similarity >= :min
                        order by similarity desc, id
                        limit 1""")
                .param("text", text.toLowerCase()).param("category", category).param("faultCode", faultCode)
                .param("model", model).param("min", minSimilarity)
                .query(KnowledgeRepository::map).optional();
    }

    /** A revised article was published: the one it revises leaves the suggestions. */
    void retire(UUID id, java.time.Instant at) {
        if (jdbc.sql("update knowledge_article set status = 'RETIRED', updated_at = :at, version = version + 1 "
                        + "where id = :id and status = 'PUBLISHED'")
                .param("id", id).param("at", Timestamp.from(at)).update() == 1) {
            touch(id);
        }
    }

    Optional<KnowledgeArticle> find(UUID id) {
        return jdbc.sql("select * from knowledge_article where id = :id").param("id", id)
                .query(KnowledgeRepository::map).optional();
    }

    /** Last changed first (then id), after the keyset position ({@code afterUpdatedAt}, {@code afterId}) if any. */
    List<KnowledgeArticle> byStatus(ArticleStatus status, java.time.Instant afterUpdatedAt, UUID afterId, int limit) {
        return jdbc.sql("select * from knowledge_article where status = :status"
                        + (afterId == null ? "" : " and (updated_at, id) < (:afterAt, :afterId)")
                        + " order by updated_at desc, id desc limit :limit")
                .param("status", status.name())
                .param("afterAt", afterUpdatedAt == null ? null : Timestamp.from(afterUpdatedAt))
                .param("afterId", afterId).param("limit", limit).query(KnowledgeRepository::map).list();
    }

    /** Records an outcome once per (ticket, article); false when this ticket already reported on this article. */
    boolean recordOutcome(UUID articleId, UUID ticketId, boolean solved, String actor, java.time.Instant at) {
        int inserted = jdbc.sql("""
                        insert into knowledge_outcome (article_id, ticket_id, solved, recorded_by, recorded_at)
                        values (:article, :ticket, :solved, :actor, :at) on conflict do nothing""")
                .param("article", articleId).param("ticket", ticketId).param("solved", solved).param("actor", actor)
                .param("at", Timestamp.from(at)).update();
        if (inserted == 0) {
            return false;
        }
        jdbc.sql(solved
                        ? "update knowledge_article set solved_count = solved_count + 1 where id = :id"
                        : "update knowledge_article set not_solved_count = not_solved_count + 1 where id = :id")
                .param("id", articleId).update();
        return touch(articleId);
    }

    /** The articles shown to a ticket's caller, in rank order; an article already recorded for the ticket stays. */
    void recordShown(UUID ticketId, List<ShownArticle> shown) {
        for (ShownArticle a : shown) {
            jdbc.sql("""
                            insert into ticket_shown_article (ticket_id, article_id, rank, score, shown_at)
                            values (:ticket, :article, :rank, :score, :at) on conflict do nothing""")
                    .param("ticket", ticketId).param("article", a.articleId()).param("rank", a.rank())
                    .param("score", a.score()).param("at", Timestamp.from(a.shownAt())).update();
        }
    }

    List<ShownArticle> shown(UUID ticketId) {
        return jdbc.sql("""
                        select s.article_id, a.title, s.rank, s.score, s.shown_at
                        from ticket_shown_article s join knowledge_article a on a.id = s.article_id
                        where s.ticket_id = :ticket order by s.shown_at, s.rank""")
                .param("ticket", ticketId)
                .query((rs, n) -> new ShownArticle(rs.getObject("article_id", UUID.class), rs.getString("title"),
                        rs.getInt("rank"), rs.getDouble("score"), rs.getTimestamp("shown_at").toInstant()))
                .list();
    }

    private static KnowledgeArticle map(ResultSet rs, int row) throws SQLException {
        return new KnowledgeArticle(rs.getObject("id", UUID.class), rs.getString("model"), rs.getString("category"),
                rs.getString("fault_code"), rs.getString("title"), rs.getString("symptoms"), rs.getString("cause"),
                rs.getString("fix_steps"), rs.getString("language"), ArticleStatus.valueOf(rs.getString("status")),
                rs.getString("source"), rs.getObject("proposed_from_ticket", UUID.class),
                rs.getObject("updates_article", UUID.class), rs.getInt("solved_count"),
                rs.getInt("not_solved_count"), rs.getTimestamp("created_at").toInstant(),
                rs.getTimestamp("updated_at").toInstant(), rs.getLong("version"));
    }
}
