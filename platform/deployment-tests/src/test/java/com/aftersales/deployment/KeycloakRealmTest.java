package com.aftersales.deployment;

import static com.aftersales.deployment.ProjectFiles.environment;
import static com.aftersales.deployment.ProjectFiles.list;
import static com.aftersales.deployment.ProjectFiles.map;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.aftersales.contracts.Topics;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The Keycloak realm export (ops/keycloak) against the security contract, and the compose wiring around it:
 * every role, a client per frontend and per partner depot, mappers that put the contract's claims into the
 * access token, users whose scope attributes feed those claims; services and gateway in the prod profile
 * trusting Keycloak; Kafka's partner listener with SCRAM and prefixed ACLs per partner.
 */
class KeycloakRealmTest {

    static final String ISSUER = "http://localhost:8180/realms/aftersales";
    static final List<String> ROLES = List.of("AGENT", "STORE", "SUPERVISOR", "TECHNICIAN", "QC", "DEPOT_PARTNER", "OPS", "ADMIN");
    static final List<String> FRONTENDS = List.of("aftersales-desk", "store-frontend", "callcentre-frontend", "ops-console");
    /** Scope claims by the role they pin to its data. */
    static final Map<String, String> SCOPE_CLAIMS = Map.of("STORE", "store", "DEPOT_PARTNER", "depot", "TECHNICIAN", "technician_id");

    private static JsonNode realm;
    private static Map<String, JsonNode> clients;

    @BeforeAll
    static void readRealm() {
        realm = JsonMapper.builder().build().readTree(ProjectFiles.read("ops/keycloak/aftersales-realm.json"));
        clients = new HashMap<>();
        realm.path("clients").forEach(client -> clients.put(client.path("clientId").asString(), client));
    }

    @Test
    void everyRoleOfTheContractIsARealmRole() {
        List<String> roles = new ArrayList<>();
        realm.path("roles").path("realm").forEach(role -> roles.add(role.path("name").asString()));
        assertThat(roles).containsExactlyInAnyOrderElementsOf(ROLES);
        assertThat(realm.path("realm").asString()).isEqualTo("aftersales");
        assertThat(ISSUER).endsWith("/realms/" + realm.path("realm").asString());
    }

    @Test
    void aPublicPkceClientPerFrontendAndAConfidentialClientCredentialsClientPerPartnerDepot() {
        for (String frontend : FRONTENDS) {
            JsonNode client = clients.get(frontend);
            assertThat(client).as(frontend).isNotNull();
            assertThat(client.path("publicClient").asBoolean()).isTrue();
            assertThat(client.path("standardFlowEnabled").asBoolean()).isTrue();
            assertThat(client.path("implicitFlowEnabled").asBoolean()).isFalse();
            assertThat(client.path("directAccessGrantsEnabled").asBoolean()).as("no password grant").isFalse();
            assertThat(client.path("attributes").path("pkce.code.challenge.method").asString()).isEqualTo("S256");
            assertThat(client.path("redirectUris").valueStream().map(JsonNode::asString)).allMatch(uri -> !uri.equals("*"));
        }
        List<JsonNode> partners = clients.values().stream()
                .filter(client -> client.path("clientId").asString().matches("(partner|aftersales-depot)-.+")).toList();
        assertThat(partners).hasSizeGreaterThanOrEqualTo(3);
        for (JsonNode partner : partners) {
            String depot = partner.path("clientId").asString().replaceFirst("^(partner|aftersales-depot)-", "");
            assertThat(Topics.partnerTopic(depot)).as("depot code usable in a topic name").startsWith(Topics.PARTNER_PREFIX);
            assertThat(partner.path("publicClient").asBoolean()).isFalse();
            assertThat(partner.path("serviceAccountsEnabled").asBoolean()).isTrue();
            assertThat(partner.path("standardFlowEnabled").asBoolean()).isFalse();
            JsonNode account = user("service-account-" + partner.path("clientId").asString());
            assertThat(account.path("serviceAccountClientId").asString()).isEqualTo(partner.path("clientId").asString());
            assertThat(values(account.path("realmRoles"))).containsExactly("DEPOT_PARTNER");
            assertThat(values(account.path("attributes").path("depot"))).containsExactly(depot);
        }
        clients.values().forEach(client -> assertThat(values(client.path("defaultClientScopes")))
                .as("%s gets the contract's claims", client.path("clientId").asString()).contains("aftersales-claims"));
    }

    @Test
    void theDeskClientLogsInTheDeskTheOpsConsoleAndSwaggerUiOnTheGatewayAsTheEmbeddedServerDoes() {
        JsonNode desk = clients.get("aftersales-desk");
        List<String> origins = List.of("http://localhost:8080", "http://127.0.0.1:8080");
        List<String> expected = new ArrayList<>();
        origins.forEach(origin -> List.of("/desk/*", "/ops/*", "/swagger-ui/oauth2-redirect.html")
                .forEach(path -> expected.add(origin + path)));

        assertThat(values(desk.path("redirectUris"))).containsExactlyInAnyOrderElementsOf(expected);
        assertThat(values(desk.path("webOrigins"))).containsExactlyInAnyOrderElementsOf(origins);
        assertThat(desk.path("attributes").path("post.logout.redirect.uris").asString().split("##"))
                .contains("http://localhost:8080/desk/*", "http://localhost:8080/ops/*");
        assertThat(values(desk.path("optionalClientScopes"))).contains("offline_access");
        assertThat(realm.path("users").valueStream().map(user -> user.path("username").asString()))
                .as("the embedded authorization server's demo logins").contains("wang.li", "chen.jing", "zhao.qiang",
                        "wang.jianjun", "sun.min", "zhou.hai", "wu.tao", "zheng.ping");
    }

    @Test
    void theLoginPagesSpeakChineseFirstAndEnglish() {
        // Without this Keycloak shows its pages in English whatever the desk's language (found running the desk).
        assertThat(realm.path("internationalizationEnabled").asBoolean()).isTrue();
        assertThat(values(realm.path("supportedLocales"))).containsExactlyInAnyOrder("zh-CN", "en");
        assertThat(realm.path("defaultLocale").asString()).isEqualTo("zh-CN");
    }

    @Test
    void theClaimsScopeProducesEveryClaimOfTheContract() {
        JsonNode scope = realm.path("clientScopes").valueStream()
                .filter(candidate -> candidate.path("name").asString().equals("aftersales-claims")).findFirst().orElseThrow();
        Map<String, JsonNode> byClaim = new HashMap<>();
        scope.path("protocolMappers").forEach(mapper -> {
            JsonNode config = mapper.path("config");
            assertThat(config.path("access.token.claim").asString()).as(mapper.path("name").asString()).isEqualTo("true");
            String claim = switch (mapper.path("protocolMapper").asString()) {
                case "oidc-audience-mapper" -> "aud";
                case "oidc-sub-mapper" -> "sub";
                case "oidc-full-name-mapper" -> "name";
                default -> config.path("claim.name").asString();
            };
            byClaim.put(claim, mapper);
        });
        assertThat(byClaim).containsKeys("sub", "aud", "preferred_username", "name", "roles", "realm_access.roles", "store",
                "depot", "technician_id");
        assertThat(byClaim.get("aud").path("config").path("included.custom.audience").asString()).isEqualTo("aftersales");
        assertThat(byClaim.get("name").path("config").path("user.attribute").asString()).isEqualTo("displayName");
        for (String roles : List.of("roles", "realm_access.roles")) {
            assertThat(byClaim.get(roles).path("protocolMapper").asString()).isEqualTo("oidc-usermodel-realm-role-mapper");
            assertThat(byClaim.get(roles).path("config").path("multivalued").asString()).as("%s is a JSON array", roles)
                    .isEqualTo("true");
        }
        SCOPE_CLAIMS.values().forEach(claim -> {
            assertThat(byClaim.get(claim).path("protocolMapper").asString()).isEqualTo("oidc-usermodel-attribute-mapper");
            assertThat(byClaim.get(claim).path("config").path("user.attribute").asString()).isEqualTo(claim);
        });
        // Keycloak 24+ keeps only declared attributes: the scope attributes must be in the user profile.
        String profile = realm.path("components").path("org.keycloak.userprofile.UserProfileProvider").get(0)
                .path("config").path("kc.user.profile.config").get(0).asString();
        SCOPE_CLAIMS.values().forEach(claim -> assertThat(profile).contains("\"name\": \"" + claim + "\""));
    }

    @Test
    void aDemoUserPerRoleWithTheScopeAttributeItsRoleNeeds() {
        Map<String, List<JsonNode>> byRole = new HashMap<>();
        realm.path("users").forEach(user -> {
            if (!user.has("serviceAccountClientId")) {
                values(user.path("realmRoles")).forEach(role -> byRole.computeIfAbsent(role, r -> new ArrayList<>()).add(user));
            }
        });
        assertThat(byRole.keySet()).containsExactlyInAnyOrderElementsOf(ROLES);
        SCOPE_CLAIMS.forEach((role, claim) -> byRole.get(role).forEach(user ->
                assertThat(values(user.path("attributes").path(claim))).as("%s of %s", claim, user.path("username").asString())
                        .hasSize(1)));
        assertThat(values(byRole.get("STORE").get(0).path("attributes").path("store"))).containsExactly("SH-XH-003");
        assertThat(byRole.get("ADMIN").get(0).path("firstName").asString()).matches("\\p{IsHan}+");
        // The name claim is the full name as Chinese writes it (family name first), not Keycloak's "first last".
        assertThat(values(byRole.get("AGENT").get(0).path("attributes").path("displayName"))).containsExactly("王丽");
    }

    @Test
    void servicesAndGatewayRunTheProdProfileAgainstKeycloak() {
        Map<String, Object> services = map(ProjectFiles.yaml("docker-compose.yml").get("services"));
        Map<String, Object> keycloak = map(services.get("keycloak"));
        assertThat(list(keycloak.get("volumes"))).contains("./ops/keycloak:/opt/keycloak/data/import:ro");
        assertThat(list(keycloak.get("command"))).contains("--import-realm");
        assertThat(environment(keycloak).get("KC_HOSTNAME") + "/realms/aftersales").isEqualTo(ISSUER);
        assertThat(list(keycloak.get("ports"))).contains("8180:8080");
        Set<String> secured = services.keySet().stream().filter(name -> name.endsWith("-service") || name.matches(".*-service-\\d")
                || name.equals("gateway")).collect(Collectors.toSet());
        assertThat(secured).hasSizeGreaterThanOrEqualTo(5);
        for (String name : secured) {
            Map<String, String> env = environment(map(services.get(name)));
            assertThat(env).as(name).containsEntry("SPRING_PROFILES_ACTIVE", "prod")
                    .containsEntry("AFTERSALES_SECURITY_ISSUER", ISSUER)
                    .doesNotContainKey("AFTERSALES_SECURITY_PUBLIC_KEY_LOCATION");
            assertThat(env.get("AFTERSALES_SECURITY_JWK_SET_URI"))
                    .isEqualTo("http://keycloak:8080/realms/aftersales/protocol/openid-connect/certs");
        }
    }

    @Test
    void kafkaHasAScramPartnerListenerAndEachPartnerReadsOnlyItsOwnPrefix() {
        Map<String, Object> services = map(ProjectFiles.yaml("docker-compose.yml").get("services"));
        Map<String, String> kafka = environment(map(services.get("kafka")));
        assertThat(kafka.get("KAFKA_LISTENER_SECURITY_PROTOCOL_MAP")).contains("PARTNER:SASL_PLAINTEXT");
        assertThat(kafka.get("KAFKA_LISTENER_NAME_PARTNER_SASL_ENABLED_MECHANISMS")).isEqualTo("SCRAM-SHA-512");
        assertThat(kafka.get("KAFKA_AUTHORIZER_CLASS_NAME")).isEqualTo("org.apache.kafka.metadata.authorizer.StandardAuthorizer");
        assertThat(kafka.get("KAFKA_ALLOW_EVERYONE_IF_NO_ACL_FOUND")).isEqualTo("false");
        Map<String, String> init = environment(map(services.get("kafka-init")));
        List<String> depots = List.of(init.get("PARTNER_DEPOTS").trim().split("\\s+"));
        assertThat(depots).containsExactlyInAnyOrderElementsOf(clients.keySet().stream()
                .filter(id -> id.startsWith("partner-")).map(id -> id.substring("partner-".length())).toList());
        depots.forEach(depot -> assertThat(init).containsKey("PARTNER_PASSWORD_" + depot.toUpperCase().replace('-', '_')));
        String script = String.join("\n", list(map(services.get("kafka-init")).get("command")).stream().map(String::valueOf).toList());
        assertThat(script).contains("--entity-type users", "SCRAM-SHA-512=[password=",
                "--topic \"" + Topics.PARTNER_PREFIX + "$$depot.\" --resource-pattern-type prefixed",
                "--allow-principal \"User:partner-$$depot\"", "--operation Read", "--group \"partner-$$depot\"")
                .doesNotContain("--operation All").doesNotContain("--operation Write");
    }

    private static JsonNode user(String username) {
        return realm.path("users").valueStream().filter(user -> user.path("username").asString().equals(username)).findFirst()
                .orElseThrow(() -> new AssertionError("no user " + username));
    }

    private static List<String> values(JsonNode array) {
        return array.valueStream().map(JsonNode::asString).toList();
    }
}
