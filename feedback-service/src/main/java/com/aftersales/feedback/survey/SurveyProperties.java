package com.aftersales.feedback.survey;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;
import java.util.Set;

/**
 * {@code aftersales.feedback.surveys.*}; defaults in application.yml.
 *
 * @param triggerStatuses        ticket statuses that mean "the service is complete" and schedule a survey
 * @param triggerOnVisitCompleted a visit completed with outcome COMPLETED schedules it too (whichever comes first)
 * @param sendAfter              delay between completion and sending the survey
 * @param validFor               how long after sending an answer is accepted
 * @param tokenBytes             random bytes in a survey token (base64url in the link)
 * @param lowScore               thresholds of the low-score rule
 * @param scoreWindow            the period the CSAT/NPS gauges average over
 * @param linkTemplate           the customer's survey link; {id} and {token} are replaced
 */
@ConfigurationProperties("aftersales.feedback.surveys")
public record SurveyProperties(Set<String> triggerStatuses, boolean triggerOnVisitCompleted, Duration sendAfter,
                               Duration validFor, int tokenBytes, LowScoreRule.Thresholds lowScore, Duration scoreWindow,
                               String linkTemplate) {
}
