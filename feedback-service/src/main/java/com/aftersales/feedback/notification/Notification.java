package com.aftersales.feedback.notification;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/** A notice and its delivery state as stored. Channel, recipient, language and text are set when it is delivered. */
record Notification(UUID id, String sourceRef, NoticeType type, UUID customerId, UUID ticketId, UUID returnId,
                    Map<String, String> args, Status status, String rule, String decision, ChannelKind channel,
                    String recipient, String language, String subject, String body, int attempts, Instant nextAttemptAt,
                    String lastError, Instant createdAt, Instant endedAt) {

    enum Status {
        PENDING, SENT, SKIPPED, DEAD
    }

    /** One delivery attempt. */
    record Attempt(int attempt, ChannelKind channel, String outcome, String detail, Instant attemptedAt) {
    }
}
