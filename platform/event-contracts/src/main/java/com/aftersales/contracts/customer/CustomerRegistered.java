package com.aftersales.contracts.customer;

import java.time.Instant;
import java.util.UUID;

/**
 * A customer profile (客户档案) was created. Published by ticket-service to
 * {@code aftersales.tickets.v1}, keyed by {@code customerId}. Carries only what other services
 * need: the tier sets the follow-up cadence, the language and consent govern contacting.
 *
 * @param tier              A, B or C
 * @param preferredLanguage BCP 47 tag, e.g. zh-CN or en
 * @param primaryPhone      E.164 where possible, as stored
 * @param contactConsent    the customer agreed to be contacted for follow-ups and surveys
 * @param regionCode        administrative region of the main address (e.g. 310104), if known
 * @param email             v1.1: e-mail address for notices, null when the customer gave none
 * @param wechatOpenId      v1.1: the customer's WeChat openid for the service account, null when not linked
 */
public record CustomerRegistered(
        UUID customerId,
        String name,
        String tier,
        String preferredLanguage,
        String primaryPhone,
        boolean contactConsent,
        String regionCode,
        Instant registeredAt,
        String email,
        String wechatOpenId) {

    /** The fields of v1.0. */
    public CustomerRegistered(UUID customerId, String name, String tier, String preferredLanguage, String primaryPhone,
                              boolean contactConsent, String regionCode, Instant registeredAt) {
        this(customerId, name, tier, preferredLanguage, primaryPhone, contactConsent, regionCode, registeredAt, null, null);
    }
}
