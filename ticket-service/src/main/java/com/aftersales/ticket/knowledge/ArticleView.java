package com.aftersales.ticket.knowledge;

import java.time.Instant;
import java.util.List;
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
     * @param similarity share of the query's weighted terms the article matches (0..1)
     * @param score      relevance × model factor × outcome factor: what the list is ordered by
     * @param why        which parts of the ranking applied, in words (in the caller's language)
     * @param ranking    the same, as figures
     */
    public record Suggestion(ArticleView article, double similarity, double score, String why, Ranking ranking) {
    }

    /**
     * How a hit was ranked.
     *
     * @param bm25            the text score
     * @param relevance       bm25 divided by the best hit's (0..1)
     * @param concepts        vocabulary groups the query and the article share
     * @param codes           error codes they share
     * @param modelMatch      EXACT, FAMILY, CATEGORY (article without a model) or OTHER
     * @param modelRule       the family rule that matched, if any
     * @param modelFactor     what the model match multiplies the relevance by
     * @param smoothedSuccess success rate smoothed by the Beta prior
     * @param outcomeFactor   what the outcomes multiply the relevance by
     */
    public record Ranking(double bm25, double relevance, List<String> concepts, List<String> codes, String modelMatch,
                          String modelRule, double modelFactor, double smoothedSuccess, double outcomeFactor) {
    }
}
