package com.aftersales.platform.security;

import org.springframework.core.convert.converter.Converter;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;

import java.util.Collection;

/** {@code roles} (or Keycloak's {@code realm_access.roles}) to {@code ROLE_<name>} authorities. */
class RoleClaimsConverter implements Converter<Jwt, Collection<GrantedAuthority>> {

    @Override
    public Collection<GrantedAuthority> convert(Jwt jwt) {
        return CurrentActor.roleNames(jwt).stream()
                .filter(name -> !name.isBlank())
                .<GrantedAuthority>map(name -> new SimpleGrantedAuthority(Role.AUTHORITY_PREFIX + name))
                .toList();
    }
}
