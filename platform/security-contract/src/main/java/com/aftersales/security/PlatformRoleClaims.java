package com.aftersales.security;

import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;

import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * The roles of the security contract in a bearer token: the platform's {@code roles} claim, or, when a token has none,
 * Keycloak's {@code realm_access.roles}; each becomes the authority {@code ROLE_<name>}. The gateway and every service
 * read them here, so a token means the same on both sides of the gateway.
 */
public final class PlatformRoleClaims {

    public static final String ROLES_CLAIM = "roles";
    public static final String REALM_ACCESS_CLAIM = "realm_access";
    public static final String AUTHORITY_PREFIX = "ROLE_";

    private PlatformRoleClaims() {
    }

    /** The role names of the token (not blank, strings only), in the token's order. */
    public static List<String> roleNames(Jwt jwt) {
        Object roles = jwt.getClaims().get(ROLES_CLAIM);
        if (roles == null && jwt.getClaims().get(REALM_ACCESS_CLAIM) instanceof Map<?, ?> realm) {
            roles = realm.get(ROLES_CLAIM);
        }
        if (roles instanceof Collection<?> names) {
            return names.stream().filter(String.class::isInstance).map(String.class::cast).filter(name -> !name.isBlank())
                    .toList();
        }
        return List.of();
    }

    /** {@code ROLE_<name>} for every role of the token. */
    public static List<GrantedAuthority> authorities(Jwt jwt) {
        return roleNames(jwt).stream().<GrantedAuthority>map(name -> new SimpleGrantedAuthority(AUTHORITY_PREFIX + name))
                .toList();
    }
}
