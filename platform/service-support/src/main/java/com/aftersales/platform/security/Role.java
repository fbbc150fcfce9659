package com.aftersales.platform.security;

import java.util.Optional;

/**
 * The platform's roles (security contract of issue 7). A token's {@code roles} (or Keycloak's
 * {@code realm_access.roles}) become authorities {@code ROLE_<name>}.
 */
public enum Role {
    /** Call centre agent. */
    AGENT,
    /** Store clerk, scoped to the store in the token's {@code store} claim. */
    STORE,
    SUPERVISOR,
    /** Field technician, scoped to his own jobs and visits ({@code technician_id} claim). */
    TECHNICIAN,
    /** Quality control: inspections. */
    QC,
    /** A partner repair depot, scoped to the depot in the {@code depot} claim. */
    DEPOT_PARTNER,
    /** Read-only dashboards and KPIs. */
    OPS,
    ADMIN;

    public static final String AUTHORITY_PREFIX = com.aftersales.security.PlatformRoleClaims.AUTHORITY_PREFIX;

    public String authority() {
        return AUTHORITY_PREFIX + name();
    }

    public static Optional<Role> fromClaim(String value) {
        for (Role role : values()) {
            if (role.name().equals(value)) {
                return Optional.of(role);
            }
        }
        return Optional.empty();
    }
}
