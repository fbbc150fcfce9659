package com.aftersales.feedback.operations;

import com.aftersales.feedback.shared.FeedbackMetrics;
import com.aftersales.feedback.survey.LowScoreRule;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.stereotype.Component;

/**
 * Registers the domain counters at zero for every tag combination (all small enums), so that dashboards and
 * alert rules see a series from the start instead of "no data" until the first survey or alert.
 */
@Component
class ZeroCounters {

    ZeroCounters(MeterRegistry meters) {
        meters.counter(FeedbackMetrics.SURVEYS_SENT);
        for (LowScoreRule.Action action : LowScoreRule.Action.values()) {
            meters.counter(FeedbackMetrics.SURVEYS_ANSWERED, "lowScoreAction", action.name());
        }
        meters.counter(FeedbackMetrics.QUALITY_ALERTS_RAISED);
    }
}
