package com.aftersales.ticket.knowledge;

/**
 * Orders the text search's hits. score = relevance × model factor × outcome factor, where
 * <ul>
 *   <li>relevance is the hit's BM25 score divided by the best hit's (1 for the best match of the text);</li>
 *   <li>model factor (rules of {@link ModelFamilies}): 1 + {@code exactBoost} for the unit's very model,
 *       1 + {@code familyBoost} × closeness for its family, 1 + {@code categoryBoost} for an article of the whole
 *       category, 1 for any other model — it moves articles, it never removes one;</li>
 *   <li>outcome factor (rule {@code outcome-success-rate}): 1 + {@code outcomeWeight} × (smoothed success rate −
 *       prior mean), with the success rate smoothed by a Beta({@code priorSolved}, {@code priorNotSolved}) prior:
 *       (solved + a) / (solved + not solved + a + b). An article without outcomes sits at the prior mean (factor 1);
 *       each solved call lifts it, each unsolved one lowers it, a few outcomes move it a little, many move it more.</li>
 * </ul>
 */
public record KnowledgeRanking(double exactBoost, double familyBoost, double categoryBoost, double priorSolved,
                               double priorNotSolved, double outcomeWeight) {

    public double modelFactor(ModelFamilies.Closeness c) {
        return switch (c.level()) {
            case EXACT -> 1 + exactBoost;
            case FAMILY -> 1 + familyBoost * c.closeness();
            case CATEGORY -> 1 + categoryBoost;
            case OTHER -> 1;
        };
    }

    public double priorMean() {
        return priorSolved / (priorSolved + priorNotSolved);
    }

    /** The success rate smoothed by the Beta prior. */
    public double smoothedSuccess(int solved, int notSolved) {
        return (solved + priorSolved) / (solved + notSolved + priorSolved + priorNotSolved);
    }

    public double outcomeFactor(int solved, int notSolved) {
        return 1 + outcomeWeight * (smoothedSuccess(solved, notSolved) - priorMean());
    }

    public double score(double relevance, ModelFamilies.Closeness closeness, int solved, int notSolved) {
        return relevance * modelFactor(closeness) * outcomeFactor(solved, notSolved);
    }
}
