package com.aftersales.authserver.token;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.text.ParseException;
import java.util.UUID;

/**
 * The signing key of this authorization server, kept in the data directory ({@value #FILE_NAME}, a private JWK set,
 * owner-only) so that a restart keeps every token it issued valid. Created on the first start.
 *
 * <p>Key ids start with {@value #KEY_ID_PREFIX}: this server holds demo users with printed passwords, so a gateway
 * under the {@code prod} profile refuses its tokens even if someone pointed it here.
 */
public final class SigningKeys {

    public static final String FILE_NAME = "signing-keys.json";
    /** The development key-id prefix of the platform (the {@code prod} gateway refuses it) plus this server's mark. */
    public static final String KEY_ID_PREFIX = "aftersales-dev-as-";
    private static final int KEY_SIZE = 2048;

    private SigningKeys() {
    }

    /** The key set in {@code dataDir}, generated and written first when there is none. */
    public static JWKSet loadOrCreate(Path dataDir) {
        Path file = dataDir.resolve(FILE_NAME);
        try {
            if (Files.isRegularFile(file)) {
                return JWKSet.parse(Files.readString(file));
            }
            Files.createDirectories(dataDir);
            RSAKey key = new RSAKeyGenerator(KEY_SIZE).keyUse(KeyUse.SIGNATURE).algorithm(JWSAlgorithm.RS256)
                    .keyID(KEY_ID_PREFIX + UUID.randomUUID()).generate();
            JWKSet keys = new JWKSet(key);
            Path written = Files.createTempFile(dataDir, FILE_NAME, ".tmp");
            try {
                Files.setPosixFilePermissions(written, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException notPosix) {
                // Windows: the file keeps the directory's permissions.
            }
            Files.writeString(written, keys.toString(false));
            Files.move(written, file, StandardCopyOption.ATOMIC_MOVE);
            return keys;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read or create the signing keys " + file, e);
        } catch (ParseException e) {
            throw new IllegalStateException("The signing keys " + file + " are not a JWK set", e);
        } catch (JOSEException e) {
            throw new IllegalStateException("Cannot generate a signing key", e);
        }
    }
}
