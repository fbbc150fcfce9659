package com.aftersales.ticket.customer;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A customer as the API shows it. */
public record CustomerView(UUID id, String name, List<String> phones, List<Address> addresses, CustomerTier tier,
                           String preferredLanguage, boolean contactConsent, Instant registeredAt, Instant updatedAt,
                           long version, String email, String wechatOpenId) {

    static CustomerView of(Customer c) {
        return new CustomerView(c.id(), c.name(), c.phones(), c.addresses(), c.tier(), c.preferredLanguage(),
                c.contactConsent(), c.registeredAt(), c.updatedAt(), c.version(), c.email(), c.wechatOpenId());
    }
}
