package com.aftersales.feedback.quality;

import java.time.Instant;
import java.util.UUID;

/** A registered unit of an alerted batch and region that has not failed with the alert's fault code yet. */
public record UnitAtRisk(UUID productId, String serialNumber, UUID customerId, String storeCode, Instant registeredAt) {
}
