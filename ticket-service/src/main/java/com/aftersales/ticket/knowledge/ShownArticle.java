package com.aftersales.ticket.knowledge;

import java.time.Instant;
import java.util.UUID;

/**
 * An article the search showed for a ticket (at intake), as the ticket keeps it.
 *
 * @param rank  1 for the first suggestion
 * @param score the ranking score it had then
 */
public record ShownArticle(UUID articleId, String title, int rank, double score, Instant shownAt) {
}
