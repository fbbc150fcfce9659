package com.aftersales.ticket.knowledge;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;
import java.util.Map;

/**
 * Knowledge search and ranking (see {@link KnowledgeIndex}, {@link KnowledgeRanking}, {@link ModelFamilies}).
 *
 * @param suggestionLimit   how many suggestions a new ticket shows
 * @param maxLimit          the most a search may ask for
 * @param updateSimilarity  rule field-visit-revises-article: a visit's proposal revises the published article of the
 *                          same category and fault code whose text is at least this similar (pg_trgm) to the visit's
 *                          symptoms and cause, instead of proposing a new one
 * @param minCoverage       a hit must match at least this share of the query's weighted terms (0..1)
 * @param candidates        how many BM25 hits are re-ranked by model and outcomes
 * @param fieldWeights      weight of each analysed field in the query
 * @param ranking           model and outcome factors
 * @param families          how a unit's model finds its family
 * @param indexPollInterval how often an instance checks the database for changes made elsewhere
 */
@ConfigurationProperties("aftersales.ticket.knowledge")
public record KnowledgeProperties(int suggestionLimit, int maxLimit, double updateSimilarity, double minCoverage,
                                  int candidates, FieldWeights fieldWeights, Ranking ranking, Families families,
                                  Duration indexPollInterval) {

    public record FieldWeights(double concept, double code, double zh, double bi, double en) {
        KnowledgeIndex.Weights weights() {
            return new KnowledgeIndex.Weights(concept, code, zh, bi, en);
        }
    }

    /**
     * @param exactBoost     the unit's very model: factor 1 + this
     * @param familyBoost    its family: factor 1 + this × closeness
     * @param categoryBoost  an article for the whole category: 1 + this
     * @param priorSolved    Beta prior a of the success rate (pseudo-outcomes that solved)
     * @param priorNotSolved Beta prior b (pseudo-outcomes that did not)
     * @param outcomeWeight  factor 1 + this × (smoothed success rate − prior mean)
     */
    public record Ranking(double exactBoost, double familyBoost, double categoryBoost, double priorSolved,
                          double priorNotSolved, double outcomeWeight) {
        KnowledgeRanking rules() {
            return new KnowledgeRanking(exactBoost, familyBoost, categoryBoost, priorSolved, priorNotSolved, outcomeWeight);
        }
    }

    /**
     * @param separators characters that end a model family prefix
     * @param table      explicit families: model or model prefix → family name
     */
    public record Families(String separators, Map<String, String> table) {
        ModelFamilies rules() {
            return new ModelFamilies(separators, table);
        }
    }
}
