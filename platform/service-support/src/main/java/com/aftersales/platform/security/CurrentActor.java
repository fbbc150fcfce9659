package com.aftersales.platform.security;

import com.aftersales.security.PlatformRoleClaims;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/** The authenticated {@link Actor} of the current request. Inject it; do not read identity from headers. */
public class CurrentActor {

    public static final String STORE_CLAIM = "store";
    public static final String DEPOT_CLAIM = "depot";
    public static final String TECHNICIAN_CLAIM = "technician_id";

    /** The actor of this request; fails if the request is not authenticated with a bearer token. */
    public Actor get() {
        return find().orElseThrow(() -> new IllegalStateException(
                "no authenticated actor: the endpoint must be covered by the security filter chain"));
    }

    public Optional<Actor> find() {
        return from(SecurityContextHolder.getContext().getAuthentication());
    }

    public static Optional<Actor> from(Authentication authentication) {
        if (authentication instanceof JwtAuthenticationToken token && token.isAuthenticated()) {
            return Optional.of(fromJwt(token.getToken()));
        }
        return Optional.empty();
    }

    static Actor fromJwt(Jwt jwt) {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        roleNames(jwt).forEach(name -> Role.fromClaim(name).ifPresent(roles::add));
        return new Actor(jwt.getSubject(), roles, jwt.getClaimAsString(STORE_CLAIM), jwt.getClaimAsString(DEPOT_CLAIM),
                uuid(jwt.getClaimAsString(TECHNICIAN_CLAIM)));
    }

    /** The role names of {@code roles}, or Keycloak's {@code realm_access.roles} when there is no {@code roles} claim. */
    static List<String> roleNames(Jwt jwt) {
        return PlatformRoleClaims.roleNames(jwt);
    }

    private static UUID uuid(String value) {
        if (value == null) {
            return null;
        }
        try {
            return UUID.fromString(value);
        } catch (IllegalArgumentException e) {
            // A malformed technician id scopes the technician to nothing rather than failing the request.
            return null;
        }
    }
}
