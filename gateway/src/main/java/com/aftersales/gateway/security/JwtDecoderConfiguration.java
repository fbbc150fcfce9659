package com.aftersales.gateway.security;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.interfaces.RSAPublicKey;
import java.util.ArrayList;
import java.util.List;

import com.aftersales.security.VerifiedTokenCache;
import com.aftersales.security.VerifiedTokenProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.security.converter.RsaKeyConverters;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusReactiveJwtDecoder;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import reactor.core.publisher.Mono;

/**
 * The token verifier: RS256 only, against the issuer's JWK set or (development) a PEM public key; checks
 * signature, {@code exp}/{@code nbf}, {@code iss} and {@code aud}. Under the {@code prod} profile
 * {@link ProductionGuard} runs first, and a token signed by a development key id is refused even if its key were
 * somehow published. A token verified before skips the signature check, not the claims ({@link VerifiedTokenCache}).
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(VerifiedTokenProperties.class)
class JwtDecoderConfiguration {

    @Bean
    ReactiveJwtDecoder jwtDecoder(SecurityProperties properties, VerifiedTokenProperties verifiedTokens,
            Environment environment) {
        boolean production = environment.matchesProfiles(ProductionGuard.PROD_PROFILE);
        ProductionGuard.check(production, properties);
        NimbusReactiveJwtDecoder decoder = properties.jwkSetUri() != null
                ? NimbusReactiveJwtDecoder.withJwkSetUri(properties.jwkSetUri().toString())
                    .jwsAlgorithm(SignatureAlgorithm.RS256)
                    .build()
                : NimbusReactiveJwtDecoder.withPublicKey(readPublicKey(properties))
                    .signatureAlgorithm(SignatureAlgorithm.RS256)
                    .build();
        List<OAuth2TokenValidator<Jwt>> validators = new ArrayList<>();
        validators.add(JwtValidators.createDefaultWithIssuer(properties.issuer()));
        validators.add(audience(properties.audience()));
        if (production) {
            validators.add(JwtDecoderConfiguration::notADevelopmentKey);
        }
        OAuth2TokenValidator<Jwt> validator = new DelegatingOAuth2TokenValidator<>(validators);
        decoder.setJwtValidator(validator);
        if (!verifiedTokens.enabled()) {
            return decoder;
        }
        // A token verified before skips the signature check (the dearest part of a request here), never the claims.
        VerifiedTokenCache verified = verifiedTokens.cache(validator);
        return token -> Mono.defer(() -> verified.revalidated(token)
            .map(Mono::just)
            .orElseGet(() -> decoder.decode(token).map(jwt -> verified.remember(token, jwt))));
    }

    private static OAuth2TokenValidator<Jwt> audience(String audience) {
        return jwt -> jwt.getAudience() != null && jwt.getAudience().contains(audience)
                ? OAuth2TokenValidatorResult.success()
                : OAuth2TokenValidatorResult.failure(invalid("The token is not meant for this platform"));
    }

    private static OAuth2TokenValidatorResult notADevelopmentKey(Jwt jwt) {
        Object keyId = jwt.getHeaders().get("kid");
        return keyId != null && keyId.toString().startsWith(SecurityProperties.DEV_KEY_ID_PREFIX)
                ? OAuth2TokenValidatorResult.failure(invalid("Development tokens are not accepted"))
                : OAuth2TokenValidatorResult.success();
    }

    private static OAuth2Error invalid(String description) {
        return new OAuth2Error(OAuth2ErrorCodes.INVALID_TOKEN, description, null);
    }

    private static RSAPublicKey readPublicKey(SecurityProperties properties) {
        try (InputStream pem = properties.publicKeyLocation().getInputStream()) {
            return RsaKeyConverters.x509().convert(pem);
        }
        catch (IOException e) {
            throw new UncheckedIOException("Cannot read aftersales.security.public-key-location "
                    + properties.publicKeyLocation(), e);
        }
    }

}
