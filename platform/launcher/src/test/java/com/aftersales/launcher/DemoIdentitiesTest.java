package com.aftersales.launcher;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class DemoIdentitiesTest {

    @TempDir
    Path dataDir;

    @Test
    void theDeveloperPlatformKeepsItsSecretsBesideTheDataAndTestsKeepTheirsInside() {
        Path root = Path.of("/work/project");
        assertThat(DemoIdentities.securityDir(PlatformOptions.defaults(root))).isEqualTo(root.resolve(".data/security"));
        assertThat(DemoIdentities.securityDir(PlatformOptions.withFreePorts(root, dataDir)))
                .isEqualTo(dataDir.toAbsolutePath().resolve("security"));
    }

    @Test
    void everyRoleHasALoginWithANaturalNameAndTheScopeClaimsOfItsRole() {
        DemoIdentities identities = DemoIdentities.create(PlatformOptions.withFreePorts(Path.of("."), dataDir));
        UUID technician = UUID.randomUUID();

        List<DemoUser> users = identities.users(Map.of("王建军", technician));

        assertThat(users).extracting(DemoUser::role).containsAll(DemoIdentities.ROLES);
        assertThat(users).allSatisfy(user -> {
            assertThat(user.name()).isNotBlank().doesNotContain("师傅");
            assertThat(user.password()).hasSizeGreaterThanOrEqualTo(10);
        });
        assertThat(users).extracting(DemoUser::username).doesNotHaveDuplicates();
        assertThat(users).filteredOn(user -> user.role().equals("STORE"))
                .allSatisfy(user -> assertThat(user.claims()).containsKey("store"))
                .anySatisfy(user -> assertThat(user.claims()).containsEntry("store", DemoIdentities.DEMO_STORE));
        assertThat(users).filteredOn(user -> user.role().equals("TECHNICIAN")).singleElement()
                .satisfies(user -> assertThat(user.claims()).containsEntry("technician_id", technician.toString()));
        assertThat(users).filteredOn(user -> user.role().equals("DEPOT_PARTNER")).singleElement()
                .satisfies(user -> assertThat(user.claims()).containsEntry("depot", DemoIdentities.DEMO_DEPOT));
        assertThat(users).filteredOn(user -> user.role().equals("AGENT"))
                .allSatisfy(user -> assertThat(user.claims()).isEmpty());
    }

    @Test
    void everyDemoStoreHasAClerk() {
        DemoIdentities identities = DemoIdentities.create(PlatformOptions.withFreePorts(Path.of("."), dataDir));
        List<String> clerkStores = identities.users().stream().filter(user -> user.role().equals("STORE"))
                .map(user -> user.claims().get("store")).toList();

        assertThat(DemoData.customers()).allSatisfy(customer -> assertThat(clerkStores)
                .anySatisfy(store -> assertThat(String.join("\t", customer)).contains("\"storeCode\":\"" + store + "\"")));
    }

    @Test
    void passwordsAndSecretsAreGeneratedOncePerDataDirectoryAndKeptPrivate() throws Exception {
        PlatformOptions options = PlatformOptions.withFreePorts(Path.of("."), dataDir);
        DemoIdentities first = DemoIdentities.create(options);
        DemoIdentities again = DemoIdentities.create(options);
        DemoIdentities elsewhere = DemoIdentities.create(PlatformOptions.withFreePorts(Path.of("."), dataDir.resolve("other")));

        assertThat(again.users()).isEqualTo(first.users());
        assertThat(again.depotClients()).isEqualTo(first.depotClients());
        assertThat(elsewhere.user("ADMIN").password()).isNotEqualTo(first.user("ADMIN").password());
        assertThat(Files.getPosixFilePermissions(first.credentialsFile()))
                .containsExactlyInAnyOrder(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
        assertThat(Files.getPosixFilePermissions(first.directoryFile()))
                .containsExactlyInAnyOrder(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
    }

    @Test
    void theDirectoryHoldsEveryUserAndAScriptClientPerRoleAndTheDepotClients() throws Exception {
        DemoIdentities identities = DemoIdentities.create(PlatformOptions.withFreePorts(Path.of("."), dataDir));
        String directory = Files.readString(identities.directoryFile());

        identities.users().forEach(user -> assertThat(directory)
                .contains("{\"username\": " + DemoIdentities.quote(user.username()) + ", \"password\": "
                        + DemoIdentities.quote(user.password())));
        DemoIdentities.ROLES.forEach(role -> assertThat(directory).contains(DemoIdentities.quote(DemoIdentities.scriptClientId(role))));
        assertThat(DemoIdentities.scriptClientId("DEPOT_PARTNER")).isEqualTo("aftersales-script-depot-partner");
        assertThat(identities.depotClients()).containsKey(DemoIdentities.DEPOT_CLIENT_PREFIX + DemoIdentities.DEMO_DEPOT);
        assertThat(identities.clients(List.of("sh-partner-07"), Optional.empty()))
                .anySatisfy(client -> assertThat(client.claims()).containsEntry("depot", "sh-partner-07"))
                .filteredOn(client -> client.role().equals("TECHNICIAN")).singleElement()
                .satisfies(client -> assertThat(client.claims())
                        .containsEntry("technician_id", DemoIdentities.FALLBACK_TECHNICIAN.toString()));
    }

    @Test
    void servicesTrustTheAuthorizationServerAndTheGatewayTellsTheDeskWhereItIs() {
        PlatformOptions options = PlatformOptions.withFreePorts(Path.of("."), dataDir);
        DemoIdentities identities = DemoIdentities.create(options);
        int port = options.servicePort(PlatformService.AUTHORIZATION_SERVER);

        assertThat(identities.environment())
                .containsEntry("AFTERSALES_SECURITY_ISSUER", "http://localhost:" + port)
                .containsEntry("AFTERSALES_SECURITY_JWK_SET_URI", "http://127.0.0.1:" + port + "/oauth2/jwks")
                .doesNotContainKey("AFTERSALES_SECURITY_PUBLIC_KEY_LOCATION");
        assertThat(identities.gatewayEnvironment())
                .containsEntry("AFTERSALES_DESK_ISSUER", "http://localhost:" + port)
                .containsEntry("AFTERSALES_DESK_CLIENT_ID", DemoIdentities.BROWSER_CLIENT_ID);
        assertThat(identities.serverEnvironment("http://127.0.0.1:8080"))
                .containsEntry("AFTERSALES_AUTHORIZATION_SERVER_BROWSER_ORIGINS", "http://localhost:8080,http://127.0.0.1:8080")
                .containsEntry("AFTERSALES_AUTHORIZATION_SERVER_DATA_DIR", identities.directoryFile().getParent().toString());
    }
}
