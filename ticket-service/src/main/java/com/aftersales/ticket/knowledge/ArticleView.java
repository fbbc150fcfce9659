package com.aftersales.ticket.knowledge;

import java.time.Instant;
import java.util.UUID;

/**
 * An article as the API shows it.
 *
 * @param successRate    share of recorded outcomes where it solved the problem; null before any
 * @param updatesArticle the published article this proposal revises (retired when this one is published), if any
 */
public record ArticleView(UUID id, String model, String category, String faultCode, String title, String symptoms,
                          String cause, String fixSteps, String language, ArticleStatus status, String source,
                          UUID proposedFromTicket, UUID updatesArticle, int solvedCount, int notSolvedCount, Double successRate,
                          Instant createdAt, Instant updatedAt, long version) {

    public static ArticleView of(KnowledgeArticle a) {
        return new ArticleView(a.id(), a.model(), a.category(), a.faultCode(), a.title(), a.symptoms(), a.cause(),
                a.fixSteps(), a.language(), a.status(), a.source(), a.proposedFromTicket(), a.updatesArticle(), a.solvedCount(),
                a.notSolvedCount(), a.successRate(), a.createdAt(), a.updatedAt(), a.version());
    }

    /**
     * A ranked search hit.
     *
     * @param similarity trigram word similarity of the query to the article (0..1)
     * @param score      similarity plus the model and success-rate boosts: what the list is ordered by
     * @param why        which parts of the ranking applied, in words
     */
    public record Suggestion(ArticleView article, double similarity, double score, String why) {
    }
}
