package com.aftersales.feedback.customer;

import java.time.Instant;
import java.util.UUID;

/**
 * @param contactConsent null when the customer is not known here yet
 * @param email          null when the customer gave none
 * @param wechatOpenId   null when the customer has not linked WeChat
 */
public record CustomerProfile(UUID customerId, String name, String tier, String preferredLanguage, String phone,
                              Boolean contactConsent, Instant registeredAt, String email, String wechatOpenId) {
}
