package com.aftersales.launcher;

import com.aftersales.devidentity.DevIdentity;
import com.aftersales.devidentity.DevUser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class DemoIdentitiesTest {

    @TempDir
    Path dataDir;

    @Test
    void theDeveloperPlatformKeepsItsKeyBesideTheDataAndTestsKeepTheirsInside() {
        Path root = Path.of("/work/project");
        assertThat(DemoIdentities.securityDir(PlatformOptions.defaults(root))).isEqualTo(root.resolve(".data/security"));
        assertThat(DemoIdentities.securityDir(PlatformOptions.withFreePorts(root, dataDir)))
                .isEqualTo(dataDir.toAbsolutePath().resolve("security"));
    }

    @Test
    void everyRoleHasADemoUserWithANameAndTheScopeClaimsOfItsRole() {
        Map<String, DevUser> users = DemoIdentities.users("sh-partner-07", DemoIdentities.FALLBACK_TECHNICIAN, "刘海波");

        assertThat(users.keySet()).containsExactlyElementsOf(DemoIdentities.ROLES);
        users.forEach((role, user) -> {
            assertThat(user.roles()).containsExactly(role);
            assertThat(user.name()).isNotBlank();
        });
        assertThat(users.get("STORE").scope()).containsEntry("store", DemoIdentities.DEMO_STORE);
        assertThat(users.get("DEPOT_PARTNER").scope()).containsEntry("depot", "sh-partner-07");
        assertThat(users.get("TECHNICIAN").scope()).containsEntry("technician_id", DemoIdentities.FALLBACK_TECHNICIAN);
        assertThat(users.get("AGENT").scope()).isEmpty();
    }

    @Test
    void theDemoStoreSoldDemoUnits() {
        assertThat(DemoData.customers()).anySatisfy(customer ->
                assertThat(String.join("\t", customer)).contains("\"storeCode\":\"" + DemoIdentities.DEMO_STORE + "\""));
    }

    @Test
    void writesThePublicKeyAndTokensForEveryRoleAndPassesTheDevIssuerToServices() throws Exception {
        DemoIdentities identities = DemoIdentities.create(PlatformOptions.withFreePorts(Path.of("."), dataDir));

        assertThat(Files.readString(identities.publicKeyFile())).startsWith("-----BEGIN PUBLIC KEY-----");
        assertThat(identities.environment())
                .containsEntry("AFTERSALES_SECURITY_ISSUER", DevIdentity.ISSUER)
                .containsEntry("AFTERSALES_SECURITY_PUBLIC_KEY_LOCATION", identities.publicKeyFile().toUri().toString());
        assertThat(identities.environment().get("AFTERSALES_SECURITY_PUBLIC_KEY_LOCATION")).startsWith("file:");

        // No platform is listening there: the scoped users keep their fallback depot and technician.
        Map<String, String> tokens = identities.issueDemoTokens("http://127.0.0.1:" + Ports.free(1).get(0));

        assertThat(tokens.keySet()).containsExactlyElementsOf(DemoIdentities.ROLES);
        String env = Files.readString(identities.tokensFile());
        tokens.forEach((role, token) -> assertThat(env).contains("export " + role + "_TOKEN=" + token + "\n"));
        String depotClaims = new String(Base64.getUrlDecoder().decode(tokens.get("DEPOT_PARTNER").split("\\.")[1]),
                StandardCharsets.UTF_8);
        assertThat(depotClaims).contains("\"depot\":\"" + DemoIdentities.FALLBACK_DEPOT + "\"")
                .contains("\"roles\":[\"DEPOT_PARTNER\"]").contains("\"iss\":\"" + DevIdentity.ISSUER + "\"");
    }
}
