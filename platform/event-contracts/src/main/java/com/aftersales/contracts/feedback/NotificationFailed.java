package com.aftersales.contracts.feedback;

import java.time.Instant;
import java.util.UUID;

/**
 * A notice will not reach the customer: skipped by a rule (no contact consent, no address for any channel) or
 * given up after the configured number of delivery attempts. On {@code aftersales.feedback.v1}, keyed by
 * {@code notificationId}; ticket-service records it in the ticket's timeline so that an agent can call instead.
 *
 * @param customerId null when the customer could not be resolved
 * @param status     SKIPPED or DEAD
 * @param rule       the rule that decided it (NT-NO-CONSENT, NT-NO-CONTACT, NT-DEAD, NT-REJECTED)
 * @param channel    the channel last tried, null when none was
 */
public record NotificationFailed(UUID notificationId, UUID customerId, UUID ticketId, UUID returnId, String noticeType,
                                 String status, String rule, String channel, int attempts, Instant failedAt) {
}
