package com.aftersales.ticket.call;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * One call without a registered unit. Plain Java: the rules of what a record must carry live here.
 *
 * @param customerId    the registered customer who called, if known
 * @param callerPhone   E.164, for a caller who is not a registered customer (or to call back on another number)
 * @param articleId     the knowledge article shared (outcome ARTICLE_SHARED)
 * @param callbackDueAt when the promised call-back is due (outcome CALLBACK_PROMISED)
 * @param loggedBy      the agent, as timelines name actors
 */
public record CallRecord(UUID id, UUID customerId, String callerName, String callerPhone, CallTopic topic, String category,
                         String model, String question, String answer, CallOutcome outcome, UUID articleId,
                         Instant callbackDueAt, String loggedBy, Instant loggedAt) {

    /** A rule a call record breaks, with the field it concerns. */
    public static final class Invalid extends RuntimeException {
        private final String field;
        private final String key;

        Invalid(String field, String key, String message) {
            super(message);
            this.field = field;
            this.key = key;
        }

        public String field() {
            return field;
        }

        public String key() {
            return key;
        }
    }

    public CallRecord {
        Objects.requireNonNull(id);
        Objects.requireNonNull(topic);
        Objects.requireNonNull(outcome);
        Objects.requireNonNull(loggedAt);
        if (outcome == CallOutcome.ARTICLE_SHARED && articleId == null) {
            throw new Invalid("articleId", "call.article-required", "an ARTICLE_SHARED call names the article shared");
        }
        if (outcome == CallOutcome.CALLBACK_PROMISED) {
            if (callbackDueAt == null) {
                throw new Invalid("callbackDueAt", "call.callback-due-required", "a promised call-back needs its due time");
            }
            if (!callbackDueAt.isAfter(loggedAt)) {
                throw new Invalid("callbackDueAt", "call.callback-due-future", "a call-back is due after the call");
            }
            if (customerId == null && callerPhone == null) {
                throw new Invalid("callerPhone", "call.callback-number-required",
                        "a call-back needs the customer or a number to call");
            }
        }
    }
}
