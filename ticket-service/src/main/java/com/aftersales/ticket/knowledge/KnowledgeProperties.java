package com.aftersales.ticket.knowledge;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Ranking of knowledge articles. score = trigram word similarity of the query to the article text
 * + {@code modelBoost} when the article is for the ticket's very model + {@code successWeight} × success rate.
 *
 * @param minSimilarity   articles less similar than this are not suggested at all
 * @param suggestionLimit how many suggestions a new ticket shows
 * @param maxLimit        the most a search may ask for
 * @param updateSimilarity rule field-visit-revises-article: a visit's proposal revises the published article of the
 *                         same category and fault code whose text is at least this similar to the visit's symptoms
 *                         and cause, instead of proposing a new one
 */
@ConfigurationProperties("aftersales.ticket.knowledge")
public record KnowledgeProperties(double minSimilarity, double modelBoost, double successWeight, int suggestionLimit,
                                  int maxLimit, double updateSimilarity) {
}
