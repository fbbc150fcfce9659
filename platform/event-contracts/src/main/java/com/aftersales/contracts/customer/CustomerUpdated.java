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
 *                      (v1.1: also email, wechatOpenId)
 * @param email         v1.1: e-mail address for notices, null when none
 * @param wechatOpenId  v1.1: WeChat openid for the service account, null when not linked
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
        Instant updatedAt,
        String email,
        String wechatOpenId) {

    /** The fields of v1.0. */
    public CustomerUpdated(UUID customerId, String name, String tier, String preferredLanguage, String primaryPhone,
                           boolean contactConsent, String regionCode, List<String> changedFields, Instant updatedAt) {
        this(customerId, name, tier, preferredLanguage, primaryPhone, contactConsent, regionCode, changedFields, updatedAt,
                null, null);
    }
}
