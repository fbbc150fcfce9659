package com.aftersales.gateway.security;

import java.util.Collection;

import com.aftersales.security.PlatformRoleClaims;
import org.springframework.core.convert.converter.Converter;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

/**
 * Roles of the security contract to authorities, read as every service reads them ({@link PlatformRoleClaims}:
 * {@code roles}, or Keycloak's {@code realm_access.roles}; each becomes {@code ROLE_<name>}).
 */
final class PlatformRoles implements Converter<Jwt, AbstractAuthenticationToken> {

    @Override
    public AbstractAuthenticationToken convert(Jwt jwt) {
        return new JwtAuthenticationToken(jwt, authorities(jwt), jwt.getSubject());
    }

    static Collection<GrantedAuthority> authorities(Jwt jwt) {
        return PlatformRoleClaims.authorities(jwt);
    }

}
