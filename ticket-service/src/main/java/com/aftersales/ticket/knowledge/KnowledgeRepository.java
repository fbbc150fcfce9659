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

/** Articles and their outcomes in PostgreSQL; search uses the trigram index on {@code search_text}. */
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
                .update() == 1;
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
        jdbc.sql("update knowledge_article set status = 'RETIRED', updated_at = :at, version = version + 1 "
                        + "where id = :id and status = 'PUBLISHED'")
                .param("id", id).param("at", Timestamp.from(at)).update();
    }

    Optional<KnowledgeArticle> find(UUID id) {
        return jdbc.sql("select * from knowledge_article where id = :id").param("id", id)
                .query(KnowledgeRepository::map).optional();
    }

    List<KnowledgeArticle> byStatus(ArticleStatus status, int limit) {
        return jdbc.sql("select * from knowledge_article where status = :status order by updated_at desc, id limit :limit")
                .param("status", status.name()).param("limit", limit).query(KnowledgeRepository::map).list();
    }

    /**
     * Published articles ranked for a fault description. Trigram word similarity needs no word segmentation,
     * so a Chinese query matches Chinese text as an English one matches English.
     */
    List<Hit> search(String query, String model, String category, String language, KnowledgeProperties p, int limit) {
        // The <% operator (which the trigram index serves) filters at this threshold; local to the transaction.
        jdbc.sql("select set_config('pg_trgm.word_similarity_threshold', :threshold, true)")
                .param("threshold", Double.toString(p.minSimilarity())).query(String.class).single();
        return jdbc.sql("""
                        select * from (
                            select a.*, word_similarity(:q, a.search_text) as similarity,
                                   (a.model is not null and a.model = :model) as model_match
                            from knowledge_article a
                            where a.status = 'PUBLISHED'
                              and (cast(:category as text) is null or a.category = :category)
                              and (cast(:model as text) is null or a.model is null or a.model = :model)
                              and (cast(:language as text) is null or a.language = :language)
                              and :q <% a.search_text
                        ) hits
                        where similarity >= :minSimilarity
                        order by similarity + case when model_match then :modelBoost else 0 end
                                 + :successWeight * coalesce(solved_count::float8 / nullif(solved_count + not_solved_count, 0), 0) desc,
                                 id
                        limit :limit""")
                .param("q", query.toLowerCase()).param("model", model).param("category", category)
                .param("language", language).param("minSimilarity", p.minSimilarity()).param("modelBoost", p.modelBoost())
                .param("successWeight", p.successWeight()).param("limit", limit)
                .query((rs, n) -> new Hit(map(rs, n), rs.getDouble("similarity"), rs.getBoolean("model_match")))
                .list();
    }

    record Hit(KnowledgeArticle article, double similarity, boolean modelMatch) {
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
        return true;
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
