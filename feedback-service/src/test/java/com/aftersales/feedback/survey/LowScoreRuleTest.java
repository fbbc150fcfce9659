package com.aftersales.feedback.survey;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class LowScoreRuleTest {

    final LowScoreRule rule = new LowScoreRule(new LowScoreRule.Thresholds(1, 2, 2, 6));

    @Test
    void veryLowScoresOpenAComplaint() {
        assertThat(rule.decide(1, null).action()).isEqualTo(LowScoreRule.Action.COMPLAINT);
        assertThat(rule.decide(5, 2).action()).isEqualTo(LowScoreRule.Action.COMPLAINT);
        assertThat(rule.decide(1, 10).rule()).isEqualTo(LowScoreRule.COMPLAINT_RULE);
    }

    @Test
    void lowScoresCreateACallback() {
        LowScoreRule.Decision decision = rule.decide(2, null);
        assertThat(decision.action()).isEqualTo(LowScoreRule.Action.CALLBACK);
        assertThat(decision.explanation()).startsWith(LowScoreRule.CALLBACK_RULE).contains("CSAT 2");
        assertThat(rule.decide(4, 6).action()).isEqualTo(LowScoreRule.Action.CALLBACK);
    }

    @Test
    void goodScoresTriggerNothingAndSaySo() {
        LowScoreRule.Decision decision = rule.decide(3, 7);
        assertThat(decision.action()).isEqualTo(LowScoreRule.Action.NONE);
        assertThat(decision.explanation()).startsWith(LowScoreRule.OK_RULE);
        assertThat(rule.decide(null, 9).action()).isEqualTo(LowScoreRule.Action.NONE);
    }

    @Test
    void tokensAreLongRandomAndComparedExactly() {
        String a = SurveyTokens.newToken(32);
        String b = SurveyTokens.newToken(32);
        assertThat(a).hasSize(43).isNotEqualTo(b).matches("[A-Za-z0-9_-]+");
        assertThat(SurveyTokens.matches(a, a)).isTrue();
        assertThat(SurveyTokens.matches(a, b)).isFalse();
        assertThat(SurveyTokens.matches(a, null)).isFalse();
    }
}
