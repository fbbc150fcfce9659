package com.aftersales.gateway;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import com.aftersales.devidentity.DevIdentity;
import com.aftersales.devidentity.DevUser;

import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * One development issuer per test JVM, as the launcher has one per run: the gateway under test trusts its PEM
 * public key, and tests present tokens it minted. Test scope only; the gateway never depends on dev-identity.
 */
final class TestTokens {

    static final DevIdentity IDENTITY = DevIdentity.generate();

    static final Path PUBLIC_KEY = writePublicKey();

    private static final Duration VALIDITY = Duration.ofHours(1);

    private TestTokens() {
    }

    /** The security contract's properties, pointing at this JVM's key. */
    static void register(DynamicPropertyRegistry registry) {
        registry.add("aftersales.security.issuer", () -> DevIdentity.ISSUER);
        registry.add("aftersales.security.public-key-location", () -> PUBLIC_KEY.toUri().toString());
    }

    /** A token of a user with one role, subject {@code <role>-user}. */
    static String of(String role) {
        return IDENTITY.mint(DevUser.of(role.toLowerCase() + "-user", "测试用户", role), VALIDITY);
    }

    static String of(DevUser user) {
        return IDENTITY.mint(user, VALIDITY);
    }

    static String admin() {
        return of("ADMIN");
    }

    private static Path writePublicKey() {
        try {
            return IDENTITY.writePublicKey(Files.createTempDirectory("gateway-test-issuer"));
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

}
