package com.aftersales.feedback.customer;

import java.time.Instant;
import java.util.UUID;

/** @param contactConsent null when the customer is not known here yet */
public record CustomerProfile(UUID customerId, String name, String tier, String preferredLanguage, String phone,
                              Boolean contactConsent, Instant registeredAt) {
}
