package com.aftersales.authserver;

import com.aftersales.authserver.directory.Directory;
import com.aftersales.authserver.directory.DirectoryClient;
import com.aftersales.authserver.directory.DirectoryFile;
import com.aftersales.authserver.directory.DirectoryUser;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.net.CookieManager;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
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

/**
 * The authorization server's flows over real HTTP, as a browser and a partner's system use them: authorization code
 * with PKCE through the login form, refresh (rotated), RP-initiated logout, client credentials, JWKS and discovery,
 * and what it refuses (a redirect outside the gateway, a wrong password, a replayed refresh token, a wrong secret).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT)
class AuthorizationFlowsIT {

    static final int PORT = freePort();
    static final String ISSUER = "http://localhost:" + PORT;
    static final String GATEWAY = "http://localhost:8080";
    static final String CALLBACK = GATEWAY + "/desk/callback.html";
    static final Path DATA = dataDir();
    static final JsonMapper JSON = JsonMapper.builder().build();
    /** What a browser sends for a navigation (Spring only remembers a request to resume after login for such). */
    static final String NAVIGATION = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8";
    static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    static final DirectoryUser CLERK = new DirectoryUser("chen.jing", "pw-chen-jing-1", "陈静", List.of("STORE"),
            Map.of("store", "SH-XH-003"));
    static final DirectoryClient DEPOT = new DirectoryClient("aftersales-depot-sh-shunda-01", "depot-secret-1",
            "合作网点 sh-shunda-01", List.of("DEPOT_PARTNER"), Map.of("depot", "sh-shunda-01"), Duration.ofMinutes(30));

    final HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager())
            .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(5)).build();

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        DirectoryFile.write(DATA, new Directory(List.of(CLERK), List.of(DEPOT)));
        registry.add("server.port", () -> PORT);
        registry.add("aftersales.authorization-server.issuer", () -> ISSUER);
        registry.add("aftersales.authorization-server.data-dir", DATA::toString);
        registry.add("aftersales.authorization-server.browser.origins", () -> GATEWAY);
    }

    @AfterAll
    static void restoreDirectory() {
        DirectoryFile.write(DATA, new Directory(List.of(CLERK), List.of(DEPOT)));
    }

    @Test
    void aStoreClerkLogsInWithPkceRefreshesAndLogsOut() throws Exception {
        String verifier = randomUrlSafe(48);
        URI authorize = URI.create(ISSUER + "/oauth2/authorize?" + form(Map.of("response_type", "code",
                "client_id", "aftersales-desk", "redirect_uri", CALLBACK, "scope", "openid profile offline_access",
                "state", "s-1", "code_challenge", challenge(verifier), "code_challenge_method", "S256")));

        HttpResponse<String> toLogin = get(authorize);
        assertThat(toLogin.statusCode()).isEqualTo(302);
        assertThat(location(toLogin)).isEqualTo(ISSUER + "/login");
        HttpResponse<String> page = http.send(HttpRequest.newBuilder(URI.create(ISSUER + "/login"))
                .header("Accept", "text/html").header("Accept-Language", "zh-CN,zh;q=0.9").GET().build(), text());
        assertThat(page.body()).contains("<label for=\"username\">用户名</label>", "<label for=\"password\">密码</label>",
                "lang=\"zh-CN\"");
        HttpResponse<String> loggedIn = postForm(URI.create(ISSUER + "/login"), Map.of("username", CLERK.username(),
                "password", CLERK.password(), "_csrf", csrf(page.body())), null);
        assertThat(loggedIn.statusCode()).isEqualTo(302);
        HttpResponse<String> toCallback = get(URI.create(location(loggedIn)));
        assertThat(toCallback.statusCode()).isEqualTo(302);
        URI callback = URI.create(location(toCallback));
        assertThat(callback.getScheme() + "://" + callback.getAuthority() + callback.getPath()).isEqualTo(CALLBACK);
        Map<String, String> answer = query(callback);
        assertThat(answer).containsEntry("state", "s-1").containsKey("code");

        HttpResponse<String> exchanged = postForm(URI.create(ISSUER + "/oauth2/token"), Map.of("grant_type", "authorization_code",
                "code", answer.get("code"), "redirect_uri", CALLBACK, "client_id", "aftersales-desk",
                "code_verifier", verifier), GATEWAY);
        assertThat(exchanged.statusCode()).as(exchanged.body()).isEqualTo(200);
        assertThat(exchanged.headers().firstValue("Access-Control-Allow-Origin")).contains(GATEWAY);
        JsonNode tokens = JSON.readTree(exchanged.body());
        Jwt access = decoder().decode(tokens.path("access_token").asString());
        assertThat(access.getIssuer()).hasToString(ISSUER);
        assertThat(access.getAudience()).containsExactly("aftersales");
        assertThat(access.getSubject()).isEqualTo("chen.jing");
        assertThat(access.getClaimAsString("preferred_username")).isEqualTo("chen.jing");
        assertThat(access.getClaimAsString("name")).isEqualTo("陈静");
        assertThat(access.getClaimAsStringList("roles")).containsExactly("STORE");
        assertThat(access.getClaimAsMap("realm_access")).containsEntry("roles", List.of("STORE"));
        assertThat(access.getClaimAsString("store")).isEqualTo("SH-XH-003");
        assertThat(access.getClaimAsString("azp")).isEqualTo("aftersales-desk");
        assertThat(access.getHeaders()).containsEntry("kid", decoderKeyId());
        Jwt id = decoder().decode(tokens.path("id_token").asString());
        assertThat(id.getAudience()).containsExactly("aftersales-desk");
        assertThat(id.getClaimAsStringList("roles")).containsExactly("STORE");
        String refreshToken = tokens.path("refresh_token").asString();
        assertThat(refreshToken).isNotBlank();

        HttpResponse<String> refreshed = postForm(URI.create(ISSUER + "/oauth2/token"), Map.of("grant_type", "refresh_token",
                "refresh_token", refreshToken, "client_id", "aftersales-desk"), GATEWAY);
        assertThat(refreshed.statusCode()).as(refreshed.body()).isEqualTo(200);
        JsonNode renewed = JSON.readTree(refreshed.body());
        assertThat(decoder().decode(renewed.path("access_token").asString()).getClaimAsString("store")).isEqualTo("SH-XH-003");
        assertThat(renewed.path("refresh_token").asString()).isNotBlank().isNotEqualTo(refreshToken);
        HttpResponse<String> replayed = postForm(URI.create(ISSUER + "/oauth2/token"), Map.of("grant_type", "refresh_token",
                "refresh_token", refreshToken, "client_id", "aftersales-desk"), GATEWAY);
        assertThat(replayed.statusCode()).as("a refresh token works once").isEqualTo(400);
        assertThat(JSON.readTree(replayed.body()).path("error").asString()).isEqualTo("invalid_grant");

        HttpResponse<String> loggedOut = get(URI.create(ISSUER + "/connect/logout?" + form(Map.of(
                "id_token_hint", renewed.path("id_token").asString(), "post_logout_redirect_uri", GATEWAY + "/desk/",
                "state", "bye"))));
        assertThat(loggedOut.statusCode()).isEqualTo(302);
        assertThat(location(loggedOut)).isEqualTo(GATEWAY + "/desk/?state=bye");
        assertThat(location(get(authorize))).as("the session is gone").isEqualTo(ISSUER + "/login");
    }

    @Test
    void aLoginMayOnlyReturnToTheGatewaysDeskOpsConsoleOrSwaggerUi() throws Exception {
        for (String redirect : List.of("http://evil.example/desk/", GATEWAY + "/api/tickets", "http://localhost:8081/desk/",
                GATEWAY + "/desk/../api/x", GATEWAY + "/swagger-ui/other.html")) {
            HttpResponse<String> refused = get(URI.create(ISSUER + "/oauth2/authorize?" + form(Map.of("response_type", "code",
                    "client_id", "aftersales-desk", "redirect_uri", redirect, "scope", "openid",
                    "code_challenge", challenge(randomUrlSafe(48)), "code_challenge_method", "S256"))));
            assertThat(refused.statusCode()).as(redirect).isEqualTo(400);
            assertThat(refused.headers().firstValue("Location")).as(redirect).isEmpty();
        }
        HttpResponse<String> withoutPkce = get(URI.create(ISSUER + "/oauth2/authorize?" + form(Map.of("response_type", "code",
                "client_id", "aftersales-desk", "redirect_uri", CALLBACK, "scope", "openid", "state", "x"))));
        assertThat(location(withoutPkce)).as("PKCE is required").startsWith(CALLBACK).contains("error=invalid_request");
    }

    @Test
    void aWrongPasswordGetsTheFormBackWithoutSayingWhichHalfWasWrong() throws Exception {
        HttpResponse<String> page = get(URI.create(ISSUER + "/login?lang=en"));
        HttpResponse<String> refused = postForm(URI.create(ISSUER + "/login"), Map.of("username", CLERK.username(),
                "password", "not-the-password", "_csrf", csrf(page.body())), null);
        assertThat(location(refused)).isEqualTo(ISSUER + "/login?error");
        HttpResponse<String> again = http.send(HttpRequest.newBuilder(URI.create(ISSUER + "/login?error"))
                .header("Accept-Language", "en").GET().build(), text());
        assertThat(again.body()).contains("role=\"alert\"", "The username or password is not correct.");
    }

    @Test
    void aPartnerDepotGetsATokenWithItsDepotByClientCredentials() throws Exception {
        HttpResponse<String> issued = clientCredentials(DEPOT.clientId(), DEPOT.secret());
        assertThat(issued.statusCode()).as(issued.body()).isEqualTo(200);
        JsonNode body = JSON.readTree(issued.body());
        assertThat(body.path("refresh_token").isMissingNode()).isTrue();
        assertThat(body.path("expires_in").asLong()).isBetween(1700L, 1800L);
        Jwt token = decoder().decode(body.path("access_token").asString());
        assertThat(token.getSubject()).isEqualTo(DEPOT.clientId());
        assertThat(token.getAudience()).containsExactly("aftersales");
        assertThat(token.getClaimAsStringList("roles")).containsExactly("DEPOT_PARTNER");
        assertThat(token.getClaimAsString("depot")).isEqualTo("sh-shunda-01");
        assertThat(token.getClaimAsString("azp")).isEqualTo(DEPOT.clientId());

        assertThat(clientCredentials(DEPOT.clientId(), "wrong").statusCode()).isEqualTo(401);
        HttpResponse<String> publicClient = clientCredentials("aftersales-desk", "");
        assertThat(publicClient.statusCode()).as("the public client has no secret").isEqualTo(400);
        assertThat(JSON.readTree(publicClient.body()).path("error").asString()).isEqualTo("invalid_request");
    }

    @Test
    void usersAndClientsAddedToTheDirectoryWorkWithoutARestart() throws Exception {
        DirectoryClient script = new DirectoryClient("aftersales-script-ops", "ops-secret", "脚本 OPS", List.of("OPS"), Map.of(),
                null);
        assertThat(clientCredentials(script.clientId(), script.secret()).statusCode()).isEqualTo(401);
        Thread.sleep(20);
        DirectoryFile.write(DATA, new Directory(List.of(CLERK), List.of(DEPOT, script)));

        HttpResponse<String> issued = clientCredentials(script.clientId(), script.secret());
        assertThat(issued.statusCode()).isEqualTo(200);
        assertThat(decoder().decode(JSON.readTree(issued.body()).path("access_token").asString()).getClaimAsStringList("roles"))
                .containsExactly("OPS");
    }

    @Test
    void discoveryAndKeysAreThereForTheServicesAndForBrowsersOfTheGateway() throws Exception {
        HttpResponse<String> discovery = http.send(HttpRequest.newBuilder(URI.create(ISSUER + "/.well-known/openid-configuration"))
                .header("Origin", GATEWAY).GET().build(), text());
        JsonNode metadata = JSON.readTree(discovery.body());
        assertThat(metadata.path("issuer").asString()).isEqualTo(ISSUER);
        assertThat(metadata.path("jwks_uri").asString()).isEqualTo(ISSUER + "/oauth2/jwks");
        assertThat(metadata.path("end_session_endpoint").asString()).isEqualTo(ISSUER + "/connect/logout");
        assertThat(discovery.headers().firstValue("Access-Control-Allow-Origin")).contains(GATEWAY);

        HttpResponse<String> preflight = http.send(HttpRequest.newBuilder(URI.create(ISSUER + "/oauth2/token"))
                .header("Origin", GATEWAY).header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "content-type")
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody()).build(), text());
        assertThat(preflight.statusCode()).isEqualTo(200);
        assertThat(preflight.headers().firstValue("Access-Control-Allow-Origin")).contains(GATEWAY);
        HttpResponse<String> stranger = http.send(HttpRequest.newBuilder(URI.create(ISSUER + "/oauth2/token"))
                .header("Origin", "http://evil.example").header("Access-Control-Request-Method", "POST")
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody()).build(), text());
        assertThat(stranger.statusCode()).isEqualTo(403);

        JsonNode keys = JSON.readTree(get(URI.create(ISSUER + "/oauth2/jwks")).body()).path("keys");
        assertThat(keys).hasSize(1);
        assertThat(keys.get(0).path("kid").asString()).startsWith("aftersales-dev-as-");
        assertThat(keys.get(0).has("d")).as("no private part").isFalse();
        assertThat(Files.readString(DATA.resolve("signing-keys.json"))).contains(keys.get(0).path("kid").asString());
    }

    private String decoderKeyId() throws Exception {
        return JSON.readTree(get(URI.create(ISSUER + "/oauth2/jwks")).body()).path("keys").get(0).path("kid").asString();
    }

    private static NimbusJwtDecoder decoder() {
        NimbusJwtDecoder decoder = NimbusJwtDecoder.withJwkSetUri(ISSUER + "/oauth2/jwks").build();
        decoder.setJwtValidator(JwtValidators.createDefaultWithIssuer(ISSUER));
        return decoder;
    }

    private HttpResponse<String> clientCredentials(String clientId, String secret) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(ISSUER + "/oauth2/token"))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString((clientId + ":" + secret)
                        .getBytes(StandardCharsets.UTF_8)))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials")).build(), text());
    }

    private HttpResponse<String> get(URI uri) throws Exception {
        return http.send(HttpRequest.newBuilder(uri).header("Accept", NAVIGATION).GET().build(), text());
    }

    private HttpResponse<String> postForm(URI uri, Map<String, String> fields, String origin) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).header("Content-Type", "application/x-www-form-urlencoded")
                .header("Accept", origin == null ? NAVIGATION : "application/json").POST(HttpRequest.BodyPublishers.ofString(form(fields)));
        if (origin != null) {
            request.header("Origin", origin);
        }
        return http.send(request.build(), text());
    }

    private static HttpResponse.BodyHandler<String> text() {
        return HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8);
    }

    private static String location(HttpResponse<?> response) {
        return response.headers().firstValue("Location").orElseThrow(() -> new AssertionError(
                "no Location in a " + response.statusCode() + " answer"));
    }

    private static String csrf(String page) {
        Matcher matcher = CSRF.matcher(page);
        assertThat(matcher.find()).as("the login form carries a CSRF token").isTrue();
        return matcher.group(1);
    }

    private static Map<String, String> query(URI uri) {
        Map<String, String> values = new LinkedHashMap<>();
        for (String pair : uri.getRawQuery().split("&")) {
            String[] parts = pair.split("=", 2);
            values.put(URLDecoder.decode(parts[0], StandardCharsets.UTF_8),
                    parts.length > 1 ? URLDecoder.decode(parts[1], StandardCharsets.UTF_8) : "");
        }
        return values;
    }

    private static String form(Map<String, String> fields) {
        return fields.entrySet().stream().map(field -> URLEncoder.encode(field.getKey(), StandardCharsets.UTF_8) + "="
                + URLEncoder.encode(field.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
    }

    private static String challenge(String verifier) throws Exception {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(
                MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII)));
    }

    private static String randomUrlSafe(int bytes) {
        byte[] random = new byte[bytes];
        new SecureRandom().nextBytes(random);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(random);
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Path dataDir() {
        try {
            return Files.createTempDirectory("authorization-server-it");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
