package com.aftersales.contracts.customer;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A customer profile changed. Carries the whole new state of the fields {@link CustomerRegistered}
 * carries (a replica upserts it) and the names of those that changed. On {@code aftersales.tickets.v1},
 * keyed by {@code customerId}.
 *
 * @param changedFields names among name, tier, preferredLanguage, primaryPhone, contactConsent, regionCode
 */
public record CustomerUpdated(
        UUID customerId,
        String name,
        String tier,
        String preferredLanguage,
        String primaryPhone,
        boolean contactConsent,
        String regionCode,
        List<String> changedFields,
        Instant updatedAt) {
}
