package com.aftersales.gateway.security;

import org.springframework.core.convert.converter.Converter;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.oauth2.jwt.Jwt;
import reactor.core.publisher.Mono;

/** {@link PlatformRoles} in the reactive shape the WebFlux resource server asks for. */
final class ReactivePlatformRoles implements Converter<Jwt, Mono<AbstractAuthenticationToken>> {

    private final PlatformRoles roles = new PlatformRoles();

    @Override
    public Mono<AbstractAuthenticationToken> convert(Jwt jwt) {
        return Mono.just(roles.convert(jwt));
    }

}
