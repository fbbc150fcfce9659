package com.aftersales.feedback.survey;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Hands due survey links to the notification feature: the same links {@code GET /api/surveys/outbox} lists (consent
 * checked again), each marked sent in the caller's transaction, so a link becomes exactly one notice.
 */
@Component
public class SurveyLinks {

    private final SurveyService surveys;

    SurveyLinks(SurveyService surveys) {
        this.surveys = surveys;
    }

    /** A survey link to send to its customer. */
    public record DueLink(UUID surveyId, UUID ticketId, UUID customerId, String link, Instant expiresAt) {
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public List<DueLink> handOver(int limit) {
        return surveys.toSend(limit).stream().map(s -> {
            Survey survey = surveys.markSent(s.surveyId());
            return new DueLink(s.surveyId(), survey.ticketId(), s.customerId(), s.link(), s.expiresAt());
        }).toList();
    }
}
