package com.aftersales.feedback.survey;

import com.aftersales.feedback.shared.FeedbackMetrics;
import com.aftersales.platform.metrics.CachedGauges;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;

/** CSAT and NPS over the score window: the gauges, and the figures of the ops console. */
@Component
public class SurveyScores {

    /** Average CSAT (1-5) and NPS (-100..100) of the answers in the window; null without answers. */
    public record Scores(Double csat, Double nps, Duration window) {
    }

    private final SurveyRepository surveys;
    private final SurveyProperties properties;
    private final Clock clock;

    SurveyScores(SurveyRepository surveys, SurveyProperties properties, Clock clock, CachedGauges gauges) {
        this.surveys = surveys;
        this.properties = properties;
        this.clock = clock;
        gauges.register(FeedbackMetrics.SURVEYS_CSAT, "Average CSAT (1-5) of answers in the score window", null,
                () -> orNaN(current().csat()));
        gauges.register(FeedbackMetrics.SURVEYS_NPS, "NPS (-100..100) of answers in the score window", null,
                () -> orNaN(current().nps()));
    }

    public Scores current() {
        var from = clock.instant().minus(properties.scoreWindow());
        return new Scores(surveys.averageCsat(from), surveys.nps(from), properties.scoreWindow());
    }

    private static double orNaN(Double value) {
        return value == null ? Double.NaN : value;
    }
}
