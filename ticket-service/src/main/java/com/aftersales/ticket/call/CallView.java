package com.aftersales.ticket.call;

import java.time.Instant;
import java.util.UUID;

/** A call record as the API shows it, with its call-back when one was promised. */
public record CallView(UUID id, UUID customerId, String callerName, String callerPhone, CallTopic topic, String category,
                       String model, String question, String answer, CallOutcome outcome, UUID articleId,
                       Instant callbackDueAt, Instant callbackDoneAt, String callbackDoneBy, String callbackNote,
                       String loggedBy, Instant loggedAt) {
}
