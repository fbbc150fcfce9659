package com.aftersales.platform.security;

import com.aftersales.security.PlatformRoleClaims;
import org.springframework.core.convert.converter.Converter;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;

import java.util.Collection;

/** {@code roles} (or Keycloak's {@code realm_access.roles}) to {@code ROLE_<name>} authorities, as the gateway reads them. */
class RoleClaimsConverter implements Converter<Jwt, Collection<GrantedAuthority>> {

    @Override
    public Collection<GrantedAuthority> convert(Jwt jwt) {
        return PlatformRoleClaims.authorities(jwt);
    }
}
