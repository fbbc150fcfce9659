package com.aftersales.contracts.returns;

import java.time.Instant;
import java.util.UUID;

/**
 * The unit went back to the customer by post.
 *
 * @param reason NOT_COLLECTED_AFTER_NOTICES, FEE_DECLINED or CUSTOMER_REQUEST
 */
public record UnitShippedBack(UUID returnId, String reason, String carrier, String trackingNumber, Instant shippedAt) {
}
