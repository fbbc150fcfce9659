package com.aftersales.ticket.customer;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * A customer profile. Names are kept exactly as given (Chinese, Latin or mixed); phones are stored
 * normalised (see {@link PhoneNumbers}); the first address is the main one. E-mail and WeChat openid are where
 * notices reach the customer besides SMS (null when not given).
 */
public record Customer(UUID id, String name, List<String> phones, List<Address> addresses, CustomerTier tier,
                       String preferredLanguage, boolean contactConsent, Instant registeredAt, Instant updatedAt,
                       long version, String email, String wechatOpenId) {

    public Customer {
        Objects.requireNonNull(id);
        Objects.requireNonNull(name);
        phones = List.copyOf(phones);
        addresses = List.copyOf(addresses);
        Objects.requireNonNull(tier);
        Objects.requireNonNull(preferredLanguage);
    }

    public String primaryPhone() {
        return phones.isEmpty() ? null : phones.get(0);
    }

    public Address mainAddress() {
        return addresses.isEmpty() ? null : addresses.get(0);
    }

    /** Phones normalised and without duplicates, in the order given. */
    public static List<String> normalisedPhones(List<String> raw) {
        List<String> result = new ArrayList<>();
        for (String phone : raw) {
            String normalised = PhoneNumbers.normalise(phone)
                    .orElseThrow(() -> new IllegalArgumentException("not a phone number: " + phone));
            if (!result.contains(normalised)) {
                result.add(normalised);
            }
        }
        return result;
    }
}
