package com.aftersales.feedback.survey;

import java.time.Instant;
import java.util.UUID;

/** A survey row as the service reads it. */
record Survey(UUID id, UUID ticketId, UUID customerId, String token, String triggeredBy, SurveyStatus status,
              String decision, Instant sendAt, Instant expiresAt, Integer csat, Integer nps, String comment, String channel,
              Instant answeredAt, String lowScoreAction, String lowScoreRule, UUID complaintId, UUID callbackTaskId,
              Instant sentAt) {

    boolean expiredAt(Instant now) {
        return status == SurveyStatus.SCHEDULED && now.isAfter(expiresAt);
    }
}
