package com.aftersales.contracts.feedback;

import java.time.Instant;
import java.util.UUID;

/**
 * A complaint (投诉) was recorded. On {@code aftersales.feedback.v1}, keyed by {@code complaintId}.
 *
 * @param aboutType  TICKET, TECHNICIAN, STORE, PRODUCT or STAFF_ATTITUDE
 * @param aboutRef   the id or code of what the complaint is about (ticket id, technician id, store code, model...)
 * @param severity   LOW, MEDIUM, HIGH or CRITICAL
 * @param origin     CUSTOMER (the customer complained) or LOW_SURVEY_SCORE (opened by the low-score rule)
 * @param surveyId   the survey whose answer opened it, for LOW_SURVEY_SCORE
 * @param openedByStore v1.1: the store of the clerk who recorded it when a STORE clerk did (his token's scope); null
 *                      otherwise. Consumers that follow {@code ticketId} only accept a ticket of this store.
 */
public record ComplaintOpened(
        UUID complaintId,
        UUID customerId,
        UUID ticketId,
        String channel,
        String aboutType,
        String aboutRef,
        String severity,
        String origin,
        UUID surveyId,
        Instant openedAt,
        String openedByStore) {

    /** The fields of v1.0. */
    public ComplaintOpened(UUID complaintId, UUID customerId, UUID ticketId, String channel, String aboutType, String aboutRef,
                           String severity, String origin, UUID surveyId, Instant openedAt) {
        this(complaintId, customerId, ticketId, channel, aboutType, aboutRef, severity, origin, surveyId, openedAt, null);
    }
}
