package com.aftersales.devidentity;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A demo identity: subject, display name, platform roles and the scope claims that pin a role to its data
 * ({@code store} for STORE, {@code depot} for DEPOT_PARTNER, {@code technician_id} for TECHNICIAN).
 */
public record DevUser(String subject, String name, List<String> roles, Map<String, Object> scope) {

    public DevUser {
        Objects.requireNonNull(subject, "subject");
        roles = List.copyOf(roles);
        scope = Map.copyOf(scope);
    }

    public static DevUser of(String subject, String name, String... roles) {
        return new DevUser(subject, name, List.of(roles), Map.of());
    }

    public DevUser withScope(String claim, Object value) {
        var merged = new java.util.HashMap<>(scope);
        merged.put(claim, value);
        return new DevUser(subject, name, roles, merged);
    }
}
