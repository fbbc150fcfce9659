package com.aftersales.contracts.feedback;

import java.time.Instant;
import java.util.UUID;

/**
 * A customer answered a satisfaction survey (回访) after a service. On {@code aftersales.feedback.v1},
 * keyed by {@code surveyId}. The free-text comment stays in feedback-service.
 *
 * @param csat     1–5, null when not asked or not answered
 * @param nps      0–10, null when not answered
 * @param channel  how the answer came in: SMS_LINK, WEB, PHONE_CALLBACK, WECHAT, APP
 * @param lowScore the answer met the low-score rule and opened a complaint or callback
 */
public record SurveyAnswered(
        UUID surveyId,
        UUID ticketId,
        UUID customerId,
        Integer csat,
        Integer nps,
        String channel,
        boolean lowScore,
        Instant answeredAt) {
}
