package com.aftersales.feedback.survey;

import java.util.Locale;

/**
 * What a survey answer triggers. SV-LOW-COMPLAINT: a very low score (CSAT ≤ complaintCsatAtMost or NPS ≤
 * complaintNpsAtMost) opens a complaint — the customer is unhappy enough that it must be handled as one.
 * SV-LOW-CALLBACK: otherwise a low score (CSAT ≤ callbackCsatAtMost or NPS ≤ callbackNpsAtMost) creates a
 * callback task so someone calls the customer back. Anything else: SV-OK, nothing to do.
 */
public final class LowScoreRule {

    public static final String COMPLAINT_RULE = "SV-LOW-COMPLAINT";
    public static final String CALLBACK_RULE = "SV-LOW-CALLBACK";
    public static final String OK_RULE = "SV-OK";

    /** The configured thresholds (inclusive). */
    public record Thresholds(int complaintCsatAtMost, int complaintNpsAtMost, int callbackCsatAtMost, int callbackNpsAtMost) {
    }

    /** What to do, which rule decided it and why. */
    public record Decision(Action action, String rule, String explanation) {
    }

    public enum Action { NONE, CALLBACK, COMPLAINT }

    private final Thresholds thresholds;

    public LowScoreRule(Thresholds thresholds) {
        this.thresholds = thresholds;
    }

    public Decision decide(Integer csat, Integer nps) {
        if (atMost(csat, thresholds.complaintCsatAtMost()) || atMost(nps, thresholds.complaintNpsAtMost())) {
            return new Decision(Action.COMPLAINT, COMPLAINT_RULE, explain(COMPLAINT_RULE, csat, nps,
                    thresholds.complaintCsatAtMost(), thresholds.complaintNpsAtMost(), "complaint opened"));
        }
        if (atMost(csat, thresholds.callbackCsatAtMost()) || atMost(nps, thresholds.callbackNpsAtMost())) {
            return new Decision(Action.CALLBACK, CALLBACK_RULE, explain(CALLBACK_RULE, csat, nps,
                    thresholds.callbackCsatAtMost(), thresholds.callbackNpsAtMost(), "callback task created"));
        }
        return new Decision(Action.NONE, OK_RULE, String.format(Locale.ROOT,
                "%s: CSAT %s and NPS %s are above the callback thresholds (CSAT ≤ %d, NPS ≤ %d)", OK_RULE, show(csat),
                show(nps), thresholds.callbackCsatAtMost(), thresholds.callbackNpsAtMost()));
    }

    private static boolean atMost(Integer score, int limit) {
        return score != null && score <= limit;
    }

    private static String explain(String rule, Integer csat, Integer nps, int csatLimit, int npsLimit, String outcome) {
        return String.format(Locale.ROOT, "%s: CSAT %s, NPS %s against CSAT ≤ %d or NPS ≤ %d; %s", rule, show(csat),
                show(nps), csatLimit, npsLimit, outcome);
    }

    private static String show(Integer score) {
        return score == null ? "not given" : score.toString();
    }
}
