package com.aftersales.devidentity;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.Map;
import java.util.UUID;

/**
 * The development issuer: a fresh RSA key per session (launcher run or test JVM) that mints RS256 bearer tokens in
 * the platform's claim shape. Services only ever see its public key; nothing here is on a service's class path.
 *
 * <p>Claim shape shared with Keycloak (docker-compose): {@code iss}, {@code sub}, {@code aud = aftersales},
 * {@code preferred_username}, {@code roles} (and {@code realm_access.roles}, as Keycloak emits them), plus the
 * scope claims {@code store}, {@code depot}, {@code technician_id}.
 */
public final class DevIdentity {

    /** Issuer of development tokens; services started with the {@code prod} profile refuse it. */
    public static final String ISSUER = "urn:aftersales:dev-issuer";
    public static final String AUDIENCE = "aftersales";
    /** Key ids of development keys start with this, so a misconfigured production service can recognise one. */
    public static final String KEY_ID_PREFIX = "aftersales-dev-";

    private static final int KEY_SIZE = 2048;

    private final RSAKey key;
    private final String issuer;

    private DevIdentity(RSAKey key, String issuer) {
        this.key = key;
        this.issuer = issuer;
    }

    public static DevIdentity generate() {
        try {
            return new DevIdentity(new RSAKeyGenerator(KEY_SIZE).keyUse(KeyUse.SIGNATURE).algorithm(JWSAlgorithm.RS256)
                    .keyID(KEY_ID_PREFIX + UUID.randomUUID()).generate(), ISSUER);
        } catch (JOSEException e) {
            throw new IllegalStateException("cannot generate the development signing key", e);
        }
    }

    /**
     * Mints with another issuer's key and {@code iss}: the embedded authorization server's key from its data directory
     * (a private JWK set, the first RSA key), so that tests can have tokens for users the directory does not hold.
     */
    public static DevIdentity fromJwkSet(Path jwkSetFile, String issuer) {
        try {
            JWKSet keys = JWKSet.parse(Files.readString(jwkSetFile));
            RSAKey key = keys.getKeys().stream().filter(RSAKey.class::isInstance).map(RSAKey.class::cast)
                    .filter(RSAKey::isPrivate).findFirst()
                    .orElseThrow(() -> new IllegalStateException(jwkSetFile + " holds no private RSA key"));
            return new DevIdentity(key, issuer);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (java.text.ParseException e) {
            throw new IllegalStateException(jwkSetFile + " is not a JWK set", e);
        }
    }

    public String issuer() {
        return issuer;
    }

    /** The same key minting with another {@code iss} (tests of issuer validation). */
    public DevIdentity withIssuer(String otherIssuer) {
        return new DevIdentity(key, otherIssuer);
    }

    public String keyId() {
        return key.getKeyID();
    }

    /** The public key as a PEM {@code PUBLIC KEY} block (for {@code public-key-location}). */
    public String publicKeyPem() {
        try {
            String body = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                    .encodeToString(key.toRSAPublicKey().getEncoded());
            return "-----BEGIN PUBLIC KEY-----\n" + body + "\n-----END PUBLIC KEY-----\n";
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The public JWK set as JSON (for {@code jwk-set-uri} pointing at a file or an endpoint). */
    public String jwkSetJson() {
        return new JWKSet(key.toPublicJWK()).toString();
    }

    /** Writes {@code dev-issuer.pem} and {@code dev-issuer-jwks.json} into {@code dir}; returns the PEM path. */
    public Path writePublicKey(Path dir) {
        try {
            Files.createDirectories(dir);
            Path pem = dir.resolve("dev-issuer.pem");
            Files.writeString(pem, publicKeyPem());
            Files.writeString(dir.resolve("dev-issuer-jwks.json"), jwkSetJson());
            return pem;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String mint(DevUser user, Duration validity) {
        return mint(user, Instant.now(), validity);
    }

    public String mint(DevUser user, Instant issuedAt, Duration validity) {
        return mint(user, issuedAt, validity, AUDIENCE);
    }

    /** A token for another audience than the platform's (tests of audience validation). */
    public String mint(DevUser user, Instant issuedAt, Duration validity, String audience) {
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder()
                .issuer(issuer)
                .subject(user.subject())
                .audience(audience)
                .jwtID(UUID.randomUUID().toString())
                .issueTime(Date.from(issuedAt))
                .notBeforeTime(Date.from(issuedAt))
                .expirationTime(Date.from(issuedAt.plus(validity)))
                .claim("preferred_username", user.subject())
                .claim("name", user.name())
                .claim("roles", user.roles())
                .claim("realm_access", Map.of("roles", user.roles()));
        user.scope().forEach((name, value) -> claims.claim(name, value instanceof UUID u ? u.toString() : value));
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID())
                .type(JOSEObjectType.JWT).build(), claims.build());
        try {
            jwt.sign(new RSASSASigner(key));
        } catch (JOSEException e) {
            throw new IllegalStateException("cannot sign a development token", e);
        }
        return jwt.serialize();
    }
}
