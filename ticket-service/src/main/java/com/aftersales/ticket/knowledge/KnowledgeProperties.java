package com.aftersales.ticket.knowledge;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Ranking of knowledge articles. score = trigram word similarity of the query to the article text
 * + {@code modelBoost} when the article is for the ticket's very model + {@code successWeight} × success rate.
 *
 * @param minSimilarity   articles less similar than this are not suggested at all
 * @param suggestionLimit how many suggestions a new ticket shows
 * @param maxLimit        the most a search may ask for
 */
@ConfigurationProperties("aftersales.ticket.knowledge")
public record KnowledgeProperties(double minSimilarity, double modelBoost, double successWeight, int suggestionLimit,
                                  int maxLimit) {
}
