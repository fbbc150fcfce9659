package com.aftersales.contracts.returns;

import java.time.Instant;
import java.util.UUID;

/**
 * Something promised on a return is due now: contact the customer about a replacement out of stock
 * ({@code OUT_OF_STOCK_CONTACT}, within 7 days of registering it either way), or a dealer's photos of a large item
 * have not been approved in time ({@code PHOTO_APPROVAL_OVERDUE}, 24 hours). Keyed by return id; once per due date.
 */
public record ReturnFollowUpDue(UUID returnId, String reason, String status, Instant dueAt, Instant raisedAt) {
}
