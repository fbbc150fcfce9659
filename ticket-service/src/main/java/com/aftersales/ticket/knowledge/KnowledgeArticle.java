package com.aftersales.ticket.knowledge;

import java.time.Instant;
import java.util.UUID;

/**
 * A known fault and its fix.
 *
 * @param model              the model it applies to; null for the whole category
 * @param source             AGENT (written by staff) or FIELD_VISIT (proposed from a resolved visit)
 * @param proposedFromTicket the ticket whose visit proposed it, if any
 * @param updatesArticle     for a proposal that revises a published article: that article (retired when this one is
 *                           published)
 */
public record KnowledgeArticle(UUID id, String model, String category, String faultCode, String title, String symptoms,
                               String cause, String fixSteps, String language, ArticleStatus status, String source,
                               UUID proposedFromTicket, UUID updatesArticle, int solvedCount, int notSolvedCount, Instant createdAt,
                               Instant updatedAt, long version) {

    /** Share of recorded outcomes in which the article solved the problem; null before any outcome. */
    public Double successRate() {
        int total = solvedCount + notSolvedCount;
        return total == 0 ? null : (double) solvedCount / total;
    }
}
