package com.aftersales.e2e;

import com.aftersales.launcher.DemoUser;
import com.aftersales.launcher.EmbeddedPlatform;
import com.aftersales.launcher.KeycloakIdentity;
import com.aftersales.launcher.PlatformOptions;
import com.aftersales.launcher.PlatformService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The platform against a real Keycloak: the server distribution ({@code org.keycloak:keycloak-quarkus-dist}, the
 * version compose runs) in development mode with {@code ops/keycloak/aftersales-realm.json} exactly as shipped, started
 * by the launcher as {@code ./aftersales run --identity keycloak} does. Tokens are obtained the way clients obtain
 * them: the desk's authorization code flow with PKCE (login form, code, token, refresh) for people, client credentials
 * for partner depots (one with the realm's own secret, untouched by the launcher). With them the gateway and every
 * service answer by role and scope as with the platform's own authorization server; a token of another realm, or of
 * this realm for another audience, is refused everywhere. And the desk itself logs in through Keycloak's login page in
 * headless Chromium.
 */
@Order(0)
class KeycloakE2EIT {

    /** Where a browser would land after the login; never followed here (the code is read from the redirect). */
    private static final String DESK_REDIRECT = "http://localhost:8080/desk/";
    private static final String DESK_CLIENT = "aftersales-desk";
    /** A partner depot client of the shipped realm, with the shipped secret: the launcher does not touch it. */
    private static final String SHIPPED_PARTNER_CLIENT = "partner-sh-partner-01";
    private static final String SHIPPED_PARTNER_SECRET = "dev-secret-sh-partner-01";
    private static final Pattern LOGIN_FORM = Pattern.compile("<form[^>]*id=\"kc-form-login\"[^>]*action=\"([^\"]+)\"");
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String CHROMIUM = "/usr/bin/chromium";
    private static final String CHROMEDRIVER = "/usr/bin/chromedriver";

    private static Path dataDir;
    private static EmbeddedPlatform platform;

    private final JsonMapper json = JsonMapper.builder().build();
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    @BeforeAll
    static void startPlatformWithKeycloak() throws IOException {
        Path distribution = Path.of(System.getProperty("aftersales.keycloak.distribution", "")).toAbsolutePath();
        assertThat(distribution).as("the Keycloak distribution the pom resolves (aftersales.keycloak.distribution)")
                .isRegularFile();
        dataDir = Files.createTempDirectory("aftersales-e2e-keycloak");
        platform = EmbeddedPlatform.start(PlatformOptions.builder(DemoPlatform.projectRoot()).dataDir(dataDir).freePorts()
                .keycloak(distribution).loadDemoData(true).serviceStartTimeout(DemoPlatform.START_TIMEOUT).build());
    }

    @AfterAll
    static void stopPlatform() throws IOException {
        if (platform != null) {
            platform.close();
        }
        if (dataDir != null) {
            try (var files = Files.walk(dataDir)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            }
        }
    }

    @Test
    void theServicesAndTheDeskTrustTheRealmAsShipped() throws Exception {
        assertThat(platform.issuer()).startsWith("http://localhost:").endsWith("/realms/" + KeycloakIdentity.REALM);
        JsonNode desk = json.readTree(get(platform.gatewayUrl() + "/desk/config.json", null).body());
        assertThat(desk.path("issuer").asString()).isEqualTo(platform.issuer());
        assertThat(desk.path("clientId").asString()).isEqualTo(DESK_CLIENT);
        for (String document : List.of("ticket-service", "dispatch-service", "returns-service", "feedback-service")) {
            JsonNode api = json.readTree(get(platform.gatewayUrl() + "/v3/api-docs/" + document, null).body());
            assertThat(api.at("/components/securitySchemes/oidc/openIdConnectUrl").asString()).as(document)
                    .isEqualTo(platform.issuer() + "/.well-known/openid-configuration");
        }
        // The demo data went in with the ADMIN script client's Keycloak token.
        assertThat(platform.demoTicketsAccepted()).isPositive();
        assertThat(claims(platform.demoTokens().get("ADMIN")).path("iss").asString()).isEqualTo(platform.issuer());
    }

    @Test
    void peopleLogInWithPkceAndGetTheirRolesAndScopes() throws Exception {
        DemoUser clerk = platform.demoUser("STORE");
        Tokens login = loginWithPkce(clerk.username(), clerk.password());
        JsonNode claims = claims(login.access());
        assertThat(claims.path("iss").asString()).isEqualTo(platform.issuer());
        assertThat(claims.path("aud").toString()).contains("aftersales");
        assertThat(claims.path("roles").toString()).contains("STORE");
        assertThat(claims.path("store").asString()).isEqualTo(clerk.claims().get("store"));
        assertThat(claims.path("azp").asString()).isEqualTo(DESK_CLIENT);

        // Store scope, through the gateway and on ticket-service itself: its own store's ticket, not another's.
        Map<String, String> ticketByStore = ticketsByStore();
        String own = ticketByStore.get(clerk.claims().get("store"));
        String other = ticketByStore.entrySet().stream().filter(e -> !e.getKey().equals(clerk.claims().get("store")))
                .findFirst().orElseThrow().getValue();
        assertThat(own).as("the demo data has a ticket of " + clerk.claims().get("store")).isNotNull();
        for (String base : List.of(platform.gatewayUrl(), platform.serviceUrl(PlatformService.TICKET))) {
            assertThat(status(base + "/api/tickets/" + own, login.access())).as(base + ": own store's ticket").isEqualTo(200);
            assertThat(status(base + "/api/tickets/" + other, login.access())).as(base + ": another store's ticket").isEqualTo(404);
            JsonNode page = json.readTree(get(base + "/api/tickets?pageSize=200", login.access()).body());
            assertThat(page.path("items")).isNotEmpty().allSatisfy(ticket ->
                    assertThat(ticket.path("storeCode").asString()).isEqualTo(clerk.claims().get("store")));
            assertThat(status(base + "/api/technicians", login.access()).intValue()).as(base).isIn(403, 404);
        }
        assertThat(status(platform.serviceUrl(PlatformService.DISPATCH) + "/api/technicians", login.access()))
                .as("dispatch-service refuses a store clerk the technician list").isEqualTo(403);
        assertThat(status(platform.serviceUrl(PlatformService.FEEDBACK) + "/api/kpis", login.access()))
                .as("feedback-service refuses a store clerk the KPIs").isEqualTo(403);

        // A refresh token from the same login gives a new access token that works the same.
        Tokens refreshed = refresh(login.refresh());
        assertThat(refreshed.access()).isNotEqualTo(login.access());
        assertThat(status(platform.gatewayUrl() + "/api/tickets/" + own, refreshed.access())).isEqualTo(200);

        // A technician: himself, not a colleague; a supervisor: the technician list and the KPIs on every service port.
        DemoUser technician = platform.demoUser("TECHNICIAN");
        String technicianToken = loginWithPkce(technician.username(), technician.password()).access();
        String himself = technician.claims().get("technician_id");
        String colleague = platform.demoUsers().stream().filter(user -> user.role().equals("TECHNICIAN"))
                .map(user -> user.claims().get("technician_id")).filter(id -> !id.equals(himself)).findFirst().orElseThrow();
        for (String base : List.of(platform.gatewayUrl(), platform.serviceUrl(PlatformService.DISPATCH))) {
            assertThat(status(base + "/api/technicians/" + himself, technicianToken)).as(base + ": himself").isEqualTo(200);
            assertThat(status(base + "/api/technicians/" + colleague, technicianToken)).as(base + ": a colleague").isEqualTo(404);
        }
        DemoUser supervisor = platform.demoUser("SUPERVISOR");
        String supervisorToken = loginWithPkce(supervisor.username(), supervisor.password()).access();
        Map<String, String> readBySupervisor = new LinkedHashMap<>();
        readBySupervisor.put(platform.serviceUrl(PlatformService.TICKET), "/api/tickets?pageSize=1");
        readBySupervisor.put(platform.serviceUrl(PlatformService.DISPATCH), "/api/technicians");
        readBySupervisor.put(platform.serviceUrl(PlatformService.RETURNS), "/api/returns");
        readBySupervisor.put(platform.serviceUrl(PlatformService.FEEDBACK), "/api/kpis");
        for (Map.Entry<String, String> read : readBySupervisor.entrySet()) {
            assertThat(status(read.getKey() + read.getValue(), supervisorToken)).as(read.getKey() + read.getValue()).isEqualTo(200);
            assertThat(status(platform.gatewayUrl() + read.getValue(), supervisorToken)).as("gateway " + read.getValue()).isEqualTo(200);
        }
    }

    @Test
    void partnerDepotsUseClientCredentialsAndSeeOnlyTheirDepot() throws Exception {
        String shipped = clientCredentials(SHIPPED_PARTNER_CLIENT, SHIPPED_PARTNER_SECRET);
        JsonNode claims = claims(shipped);
        assertThat(claims.path("depot").asString()).isEqualTo("sh-partner-01");
        assertThat(claims.path("roles").toString()).contains("DEPOT_PARTNER");

        Map.Entry<String, String> demoDepot = platform.depotClients().entrySet().iterator().next();
        String demoDepotToken = clientCredentials(demoDepot.getKey(), demoDepot.getValue());
        String demoDepotCode = claims(demoDepotToken).path("depot").asString();
        assertThat(demoDepotCode).isEqualTo("sh-shunda-01");
        // And the depot's person logs in at the desk with PKCE, scoped the same way.
        DemoUser partner = platform.demoUser("DEPOT_PARTNER");
        String partnerToken = loginWithPkce(partner.username(), partner.password()).access();

        for (String base : List.of(platform.gatewayUrl(), platform.serviceUrl(PlatformService.RETURNS))) {
            assertThat(status(base + "/api/depots/" + demoDepotCode, demoDepotToken)).as(base + ": its own depot").isEqualTo(200);
            assertThat(status(base + "/api/depots/" + demoDepotCode, partnerToken)).as(base + ": the depot's person").isEqualTo(200);
            assertThat(status(base + "/api/depots/" + demoDepotCode, shipped)).as(base + ": another partner's depot").isEqualTo(404);
            assertThat(status(base + "/api/depot-repairs?depotCode=sh-partner-01", shipped)).as(base).isEqualTo(200);
            assertThat(status(base + "/api/returns", shipped)).as(base + ": returns are not a depot's").isEqualTo(403);
        }
    }

    @Test
    void tokensOfAnotherRealmOrAudienceAreRefusedEverywhere() throws Exception {
        // Another realm: Keycloak's own master realm, its administrator's token.
        String masterToken = masterToken();
        // This realm, signed by the same key, with the ADMIN role in both role claims but for another audience: a client
        // created through the admin API without the aftersales-claims scope, with mappers of its own.
        String audienceClient = "e2e-other-audience";
        String secret = "e2e-" + Long.toHexString(RANDOM.nextLong());
        admin(masterToken, "POST", "/clients", """
                {"clientId":"%s","secret":"%s","publicClient":false,"serviceAccountsEnabled":true,"standardFlowEnabled":false,
                 "defaultClientScopes":[],"optionalClientScopes":[],
                 "protocolMappers":[
                   {"name":"roles","protocol":"openid-connect","protocolMapper":"oidc-usermodel-realm-role-mapper",
                    "config":{"claim.name":"roles","jsonType.label":"String","multivalued":"true","access.token.claim":"true"}},
                   {"name":"realm_access.roles","protocol":"openid-connect","protocolMapper":"oidc-usermodel-realm-role-mapper",
                    "config":{"claim.name":"realm_access.roles","jsonType.label":"String","multivalued":"true","access.token.claim":"true"}},
                   {"name":"audience","protocol":"openid-connect","protocolMapper":"oidc-audience-mapper",
                    "config":{"included.custom.audience":"another-platform","access.token.claim":"true"}}]}"""
                .formatted(audienceClient, secret));
        String clientId = json.readTree(admin(masterToken, "GET", "/clients?clientId=" + audienceClient, null)).get(0).path("id").asString();
        String accountId = json.readTree(admin(masterToken, "GET", "/clients/" + clientId + "/service-account-user", null)).path("id").asString();
        String adminRole = admin(masterToken, "GET", "/roles/ADMIN", null);
        admin(masterToken, "POST", "/users/" + accountId + "/role-mappings/realm", "[" + adminRole + "]");
        String otherAudience = clientCredentials(audienceClient, secret);
        JsonNode otherClaims = claims(otherAudience);
        assertThat(otherClaims.path("iss").asString()).isEqualTo(platform.issuer());
        assertThat(otherClaims.path("realm_access").path("roles").toString()).contains("ADMIN");
        assertThat(otherClaims.path("roles").toString()).contains("ADMIN");
        assertThat(otherClaims.path("aud").toString()).contains("another-platform").doesNotContain("\"aftersales\"");
        // The platform's own development issuer is not trusted either when Keycloak is the provider.
        String development = com.aftersales.devidentity.DevIdentity.generate()
                .mint(platform.demoUser("ADMIN").devUser(), Duration.ofMinutes(5));
        String admin = platform.demoTokens().get("ADMIN");

        Map<String, String> reads = new LinkedHashMap<>();
        reads.put(platform.gatewayUrl(), "/api/tickets?pageSize=1");
        reads.put(platform.serviceUrl(PlatformService.TICKET), "/api/tickets?pageSize=1");
        reads.put(platform.serviceUrl(PlatformService.DISPATCH), "/api/technicians");
        reads.put(platform.serviceUrl(PlatformService.RETURNS), "/api/returns");
        reads.put(platform.serviceUrl(PlatformService.FEEDBACK), "/api/kpis");
        for (Map.Entry<String, String> read : reads.entrySet()) {
            String url = read.getKey() + read.getValue();
            assertThat(status(url, admin)).as(url + " with the realm's ADMIN script client").isEqualTo(200);
            assertThat(status(url, masterToken)).as(url + " with a master-realm token").isEqualTo(401);
            assertThat(status(url, otherAudience)).as(url + " with a token for another audience").isEqualTo(401);
            assertThat(status(url, development)).as(url + " with the development issuer").isEqualTo(401);
        }
    }

    @Test
    void theDeskLogsInThroughKeycloaksOwnLoginPageInABrowser() throws Exception {
        assumeTrue(Files.isExecutable(Path.of(CHROMIUM)) && Files.isExecutable(Path.of(CHROMEDRIVER)),
                "headless Chromium not installed (Debian: apt-get install -y chromium chromium-driver)");
        String desk = platform.gatewayUrl().replace("127.0.0.1", "localhost");
        // The shipped realm knows the desk at localhost:8080; this gateway is elsewhere, so the test registers its
        // address with the desk client as an operator would (redirect URI, and web origin for the token call).
        String master = masterToken();
        JsonNode client = json.readTree(admin(master, "GET", "/clients?clientId=" + DESK_CLIENT, null)).get(0);
        ObjectNode changed = (ObjectNode) client;
        changed.withArray("redirectUris").add(desk + "/desk/*");
        changed.withArray("webOrigins").add(desk);
        admin(master, "PUT", "/clients/" + client.path("id").asString(), json.writeValueAsString(changed));

        DemoUser agent = platform.demoUser("AGENT");
        ChromeOptions options = new ChromeOptions().setBinary(CHROMIUM).addArguments("--headless=new", "--no-sandbox",
                "--disable-dev-shm-usage", "--disable-gpu", "--disable-background-networking", "--lang=zh-CN",
                "--window-size=1366,768");
        WebDriver browser = new ChromeDriver(new ChromeDriverService.Builder().usingDriverExecutable(new File(CHROMEDRIVER))
                .usingAnyFreePort().build(), options);
        try {
            browser.get(desk + "/desk/#/agent");
            WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(60));
            WebElement username = wait.until(d -> d.findElement(By.id("username")));
            assertThat(browser.getCurrentUrl()).as("Keycloak's login page").startsWith(platform.issuer());
            // In the desk's language: the realm speaks zh-CN and en, and the desk asks with ui_locales.
            assertThat(browser.getPageSource()).as("Keycloak's login page in Chinese").contains("登录");
            username.sendKeys(agent.username());
            browser.findElement(By.id("password")).sendKeys(agent.password());
            browser.findElement(By.id("kc-login")).click();
            wait.ignoring(org.openqa.selenium.NoSuchElementException.class)
                    .until(d -> d.findElement(By.tagName("body")).getDomAttribute("data-ready") != null);
            assertThat(browser.getCurrentUrl()).as("back at the desk, the code gone from the address")
                    .startsWith(desk + "/desk/").doesNotContain("code=");
            // The name claim in Chinese order (the realm's displayName), as the embedded server gives it.
            String who = wait.until(d -> {
                String text = d.findElement(By.id("who")).getText();
                return text.isBlank() ? null : text;
            });
            assertThat(who).contains(agent.name());
            assertThat(browser.findElements(By.cssSelector(".problem"))).as("problems on the page").isEmpty();
        } finally {
            browser.quit();
        }
    }

    // ---- the desk's login, as its auth.js does it: authorization code + PKCE against the issuer's discovery ----

    private record Tokens(String access, String refresh) {
    }

    private Tokens loginWithPkce(String username, String password) throws Exception {
        JsonNode discovery = json.readTree(get(platform.issuer() + "/.well-known/openid-configuration", null).body());
        byte[] random = new byte[32];
        RANDOM.nextBytes(random);
        String verifier = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        String challenge = Base64.getUrlEncoder().withoutPadding().encodeToString(sha256(verifier));
        String state = Long.toHexString(RANDOM.nextLong());
        HttpClient browser = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(5)).build();
        String authorize = discovery.path("authorization_endpoint").asString() + "?" + form(Map.of(
                "client_id", DESK_CLIENT, "response_type", "code", "scope", "openid profile", "redirect_uri", DESK_REDIRECT,
                "code_challenge", challenge, "code_challenge_method", "S256", "state", state));
        HttpResponse<String> page = browser.send(HttpRequest.newBuilder(URI.create(authorize)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(page.statusCode()).as(page.body()).isEqualTo(200);
        Matcher action = LOGIN_FORM.matcher(page.body());
        assertThat(action.find()).as("Keycloak's login form").isTrue();
        // Keycloak's login cookies are Secure; a browser keeps them for http://localhost (a secure context), the JDK's
        // CookieManager does not, so they are carried back by hand.
        String cookies = page.headers().allValues("Set-Cookie").stream().map(cookie -> cookie.split(";", 2)[0])
                .collect(Collectors.joining("; "));
        HttpResponse<String> loggedIn = browser.send(HttpRequest.newBuilder(URI.create(action.group(1).replace("&amp;", "&")))
                .header("Content-Type", "application/x-www-form-urlencoded").header("Cookie", cookies)
                .POST(HttpRequest.BodyPublishers.ofString(form(Map.of("username", username, "password", password)))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(loggedIn.statusCode()).as(username + " logs in: " + loggedIn.body()).isEqualTo(302);
        URI redirect = URI.create(loggedIn.headers().firstValue("Location").orElseThrow());
        assertThat(redirect.toString()).startsWith(DESK_REDIRECT);
        Map<String, String> parameters = java.util.Arrays.stream(redirect.getRawQuery().split("&")).map(p -> p.split("=", 2))
                .collect(Collectors.toMap(p -> p[0], p -> java.net.URLDecoder.decode(p[1], StandardCharsets.UTF_8)));
        assertThat(parameters.get("state")).isEqualTo(state);
        JsonNode tokens = json.readTree(postForm(discovery.path("token_endpoint").asString(), Map.of(
                "grant_type", "authorization_code", "code", parameters.get("code"), "redirect_uri", DESK_REDIRECT,
                "client_id", DESK_CLIENT, "code_verifier", verifier)));
        return new Tokens(tokens.path("access_token").asString(), tokens.path("refresh_token").asString());
    }

    /** Keycloak's master realm: its administrator's token (the launcher's bootstrap administrator). */
    private String masterToken() throws Exception {
        String realmUrl = platform.authorizationServerUrl();
        String keycloakBase = realmUrl.substring(0, realmUrl.indexOf("/realms/"));
        return token(keycloakBase + "/realms/master/protocol/openid-connect/token", Map.of(
                "grant_type", "password", "client_id", "admin-cli", "username", "admin",
                "password", platform.keycloakAdminPassword()));
    }

    private Tokens refresh(String refreshToken) throws Exception {
        JsonNode tokens = json.readTree(postForm(platform.authorizationServerUrl() + "/protocol/openid-connect/token", Map.of(
                "grant_type", "refresh_token", "refresh_token", refreshToken, "client_id", DESK_CLIENT)));
        return new Tokens(tokens.path("access_token").asString(), tokens.path("refresh_token").asString());
    }

    private String clientCredentials(String clientId, String secret) throws Exception {
        return token(platform.authorizationServerUrl() + "/protocol/openid-connect/token",
                Map.of("grant_type", "client_credentials", "client_id", clientId, "client_secret", secret));
    }

    private String token(String endpoint, Map<String, String> parameters) throws Exception {
        return json.readTree(postForm(endpoint, parameters)).path("access_token").asString();
    }

    private String postForm(String url, Map<String, String> parameters) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(url))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form(parameters))).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(url + ": " + response.body()).isEqualTo(200);
        return response.body();
    }

    private String admin(String token, String method, String path, String body) throws Exception {
        String realmUrl = platform.authorizationServerUrl();
        String adminUrl = realmUrl.replace("/realms/", "/admin/realms/");
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(adminUrl + path)).header("Authorization", "Bearer " + token);
        request = body == null ? request.method(method, HttpRequest.BodyPublishers.noBody())
                : request.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(body));
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(method + " " + path + ": " + response.body()).isBetween(200, 299);
        return response.body();
    }

    /** One demo ticket per store (ADMIN's list). */
    private Map<String, String> ticketsByStore() throws Exception {
        JsonNode page = json.readTree(get(platform.gatewayUrl() + "/api/tickets?pageSize=200", platform.demoTokens().get("ADMIN")).body());
        Map<String, String> byStore = new LinkedHashMap<>();
        page.path("items").forEach(ticket -> byStore.putIfAbsent(ticket.path("storeCode").asString(), ticket.path("id").asString()));
        return byStore;
    }

    private HttpResponse<String> get(String url, String token) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).header("Accept", "application/json").GET();
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private Integer status(String url, String token) {
        return get(url, token).statusCode();
    }

    private JsonNode claims(String jwt) {
        return json.readTree(Base64.getUrlDecoder().decode(jwt.split("\\.")[1]));
    }

    private static byte[] sha256(String text) throws NoSuchAlgorithmException {
        return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.US_ASCII));
    }

    private static String form(Map<String, String> parameters) {
        return parameters.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }
}
