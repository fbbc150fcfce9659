package com.aftersales.gateway.security;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import org.springframework.core.convert.converter.Converter;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

/**
 * Roles of the security contract to authorities: {@code roles} (the platform's claim), or Keycloak's
 * {@code realm_access.roles} when a token has no {@code roles} claim; each becomes {@code ROLE_<name>}.
 */
final class PlatformRoles implements Converter<Jwt, AbstractAuthenticationToken> {

	static final String ROLES_CLAIM = "roles";

	static final String REALM_ACCESS_CLAIM = "realm_access";

	static final String AUTHORITY_PREFIX = "ROLE_";

	@Override
	public AbstractAuthenticationToken convert(Jwt jwt) {
		return new JwtAuthenticationToken(jwt, authorities(jwt), jwt.getSubject());
	}

	static Collection<GrantedAuthority> authorities(Jwt jwt) {
		List<String> roles = jwt.getClaimAsStringList(ROLES_CLAIM);
		if (roles == null) {
			Map<String, Object> realmAccess = jwt.getClaimAsMap(REALM_ACCESS_CLAIM);
			Object realmRoles = realmAccess == null ? null : realmAccess.get(ROLES_CLAIM);
			roles = realmRoles instanceof Collection<?> values ? values.stream().map(String::valueOf).toList() : List.of();
		}
		List<GrantedAuthority> authorities = new ArrayList<>();
		roles.forEach(role -> authorities.add(new SimpleGrantedAuthority(AUTHORITY_PREFIX + role)));
		return authorities;
	}

}
