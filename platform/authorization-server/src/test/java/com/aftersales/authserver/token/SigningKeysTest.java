package com.aftersales.authserver.token;

import com.nimbusds.jose.jwk.JWKSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;

import static org.assertj.core.api.Assertions.assertThat;

class SigningKeysTest {

    @TempDir
    Path dataDir;

    @Test
    void theKeyIsCreatedOnceAndKeptSoARestartKeepsTokensValid() throws Exception {
        JWKSet first = SigningKeys.loadOrCreate(dataDir);
        JWKSet afterRestart = SigningKeys.loadOrCreate(dataDir);

        assertThat(first.getKeys()).hasSize(1);
        assertThat(first.getKeys().get(0).isPrivate()).isTrue();
        assertThat(first.getKeys().get(0).getKeyID()).startsWith(SigningKeys.KEY_ID_PREFIX);
        assertThat(afterRestart.getKeys().get(0).toRSAKey().toRSAPrivateKey())
                .isEqualTo(first.getKeys().get(0).toRSAKey().toRSAPrivateKey());
        assertThat(Files.getPosixFilePermissions(dataDir.resolve(SigningKeys.FILE_NAME)))
                .containsExactlyInAnyOrder(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
    }

    @Test
    void anotherDataDirectoryHasAnotherKey() {
        assertThat(SigningKeys.loadOrCreate(dataDir.resolve("a")).getKeys().get(0).getKeyID())
                .isNotEqualTo(SigningKeys.loadOrCreate(dataDir.resolve("b")).getKeys().get(0).getKeyID());
    }
}
