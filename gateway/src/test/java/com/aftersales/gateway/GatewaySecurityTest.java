package com.aftersales.gateway;

import java.io.ByteArrayInputStream;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import com.aftersales.devidentity.DevIdentity;
import com.aftersales.devidentity.DevUser;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The gateway as resource server in front of real HTTP backends: who gets through (401 vs 403), what stays
 * public, what the backend receives, and the edge's own limits (body size, CORS, security headers).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = { "aftersales.gateway.security.max-request-size=1KB",
                "aftersales.gateway.security.body-limits[0].paths[0]=/api/attachments",
                "aftersales.gateway.security.body-limits[0].max-size=4KB",
                "aftersales.desk.issuer=https://login.example.cn/realms/aftersales/",
                "aftersales.desk.client-id=desk-test",
                "aftersales.gateway.security.cors.allowed-origins=https://store.example.cn" })
class GatewaySecurityTest {

    static final Map<String, StubBackend> BACKENDS = Map.of("ticket-service", StubBackend.start("ticket-service"),
            "dispatch-service", StubBackend.start("dispatch-service"), "returns-service",
            StubBackend.start("returns-service"), "feedback-service", StubBackend.start("feedback-service"));

    @DynamicPropertySource
    static void backends(DynamicPropertyRegistry registry) {
        TestTokens.register(registry);
        BACKENDS.forEach((name, backend) -> registry.add("aftersales.gateway.services." + name + ".url",
                () -> backend.url().toString()));
    }

    @AfterAll
    static void stopBackends() {
        BACKENDS.values().forEach(StubBackend::close);
    }

    @Value("${local.server.port}")
    int port;

    GatewayClient anonymous;

    @BeforeEach
    void setUp() {
        anonymous = new GatewayClient(port, null);
        BACKENDS.values().forEach(StubBackend::reset);
    }

    /** What Netty refuses before WebFlux: still a problem with a correlation id and the security headers. */
    @ParameterizedTest
    @ValueSource(strings = { "414", "431", "400" })
    void requestsNettyCannotDecodeAreProblemsWithTheSecurityHeaders(String expected) throws Exception {
        String request = switch (expected) {
            case "414" -> "GET /api/tickets?q=" + "x".repeat(10_000) + " HTTP/1.1\r\nHost: localhost\r\n\r\n";
            case "431" -> "GET /api/tickets HTTP/1.1\r\nHost: localhost\r\nX-Big: " + "y".repeat(20_000) + "\r\n\r\n";
            default -> "GET /api/tickets HTTP/1.1\r\nHost: localhost\r\nContent-Length: not-a-number\r\n\r\n";
        };
        try (java.net.Socket socket = new java.net.Socket("127.0.0.1", port)) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(request.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
            socket.getOutputStream().flush();
            String answer = new String(socket.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            String head = answer.substring(0, answer.indexOf("\r\n\r\n")).toLowerCase(java.util.Locale.ROOT);
            String body = answer.substring(answer.indexOf("\r\n\r\n") + 4);
            assertThat(head).startsWith("http/1.1 " + expected);
            assertThat(head).contains("content-type: application/problem+json", "x-content-type-options: nosniff",
                    "x-frame-options: deny", "content-security-policy: frame-ancestors 'none'", "x-request-id: ");
            JsonNode problem = tools.jackson.databind.json.JsonMapper.builder().build().readTree(body);
            assertThat(problem.get("status").asInt()).isEqualTo(Integer.parseInt(expected));
            assertThat(problem.get("type").asString()).startsWith("urn:aftersales:problem:");
            assertThat(problem.get("correlationId").asString()).isNotBlank();
        }
    }

    @Test
    void noTokenIsUnauthenticatedProblemAndTheBackendNeverSeesTheRequest() {
        HttpResponse<String> response = anonymous.get("/api/tickets/T-1", "X-Request-Id", "anon-1");

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(
                value -> assertThat(value).startsWith("Bearer"));
        JsonNode problem = problem(response, "unauthenticated", 401);
        assertThat(problem.get("correlationId").asString()).isEqualTo("anon-1");
        assertThat(response.headers().firstValue("X-Request-Id")).hasValue("anon-1");
        assertThat(BACKENDS.get("ticket-service").received()).isEmpty();
    }

    @Test
    void tokensThatAreNotThisIssuersValidOnesAreUnauthenticated() {
        DevUser agent = DevUser.of("agent-1", "王丽", "AGENT");
        String expired = TestTokens.IDENTITY.mint(agent, Instant.now().minus(Duration.ofHours(3)), Duration.ofHours(1));
        String otherKey = DevIdentity.generate().mint(agent, Duration.ofHours(1));
        String tampered = TestTokens.of("AGENT").replaceFirst("\\.[^.]+\\.", "."
                + java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(
                        "{\"sub\":\"x\",\"roles\":[\"ADMIN\"],\"iss\":\"urn:aftersales:dev-issuer\",\"aud\":\"aftersales\"}"
                            .getBytes(java.nio.charset.StandardCharsets.UTF_8))
                + ".");
        for (String token : new String[] { expired, otherKey, tampered, "not-a-jwt" }) {
            HttpResponse<String> response = anonymous.withToken(token).get("/api/returns/R-1");

            assertThat(response.statusCode()).as(token).isEqualTo(401);
            assertThat(response.headers().firstValue("WWW-Authenticate").orElseThrow()).contains("invalid_token");
            assertThat(problem(response, "unauthenticated", 401).get("detail").asString())
                .doesNotContainIgnoringCase("expired at").doesNotContain("Exception");
        }
        assertThat(BACKENDS.get("returns-service").received()).isEmpty();
    }

    @Test
    void aValidTokenWithoutTheRoleOfAnEdgeRuleIsForbidden() {
        HttpResponse<String> agent = anonymous.withToken(TestTokens.of("AGENT"))
            .get("/api/audit/ticket-service", "X-Request-Id", "agent-audit");

        assertThat(agent.statusCode()).isEqualTo(403);
        assertThat(problem(agent, "forbidden", 403).get("correlationId").asString()).isEqualTo("agent-audit");
        assertThat(BACKENDS.get("ticket-service").received()).isEmpty();

        HttpResponse<String> supervisor = anonymous.withToken(TestTokens.of("SUPERVISOR")).get("/api/audit/ticket-service");
        assertThat(supervisor.statusCode()).isEqualTo(200);
        assertThat(BACKENDS.get("ticket-service").last().path()).isEqualTo("/api/audit/ticket-service");
    }

    @Test
    void anyValidTokenPassesTheEdgeAndIsRelayedUnchangedForTheServiceToCheckAgain() {
        String token = TestTokens.of(new DevUser("depot-sh-partner-01", "周海", java.util.List.of("DEPOT_PARTNER"),
                Map.of("depot", "sh-partner-01")));
        HttpResponse<String> response = anonymous.withToken(token).get("/api/depot-repairs?depotCode=sh-partner-01");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(BACKENDS.get("returns-service").last().header("Authorization")).isEqualTo("Bearer " + token);
    }

    @ParameterizedTest
    @ValueSource(strings = { "/actuator/health", "/actuator/health/readiness", "/actuator/info", "/actuator/prometheus",
            "/v3/api-docs/dispatch-service", "/v3/api-docs/swagger-config" })
    void publicPathsNeedNoToken(String path) {
        assertThat(anonymous.get(path).statusCode()).isEqualTo(200);
    }

    @Test
    void opsAssetsAreNotBehindTheTokenCheck() {
        // Whether the page exists is the ops console's business; it must never be a 401.
        assertThat(anonymous.get("/ops/index.html").statusCode()).isNotIn(401, 403);
    }

    @Test
    void theDeskAndItsConfigurationArePublicAndTheConfigurationIsTheGateways() {
        HttpResponse<String> page = anonymous.get("/desk/");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("/desk/js/app.js");
        assertThat(anonymous.get("/desk/js/app.js").statusCode()).isEqualTo(200);
        assertThat(anonymous.get("/desk/survey.html").statusCode()).isEqualTo(200);
        HttpResponse<String> config = anonymous.get("/desk/config.json");
        assertThat(config.statusCode()).isEqualTo(200);
        JsonNode body = JsonMapper.builder().build().readTree(config.body());
        assertThat(body.get("issuer").asString()).as("without its trailing slash").isEqualTo("https://login.example.cn/realms/aftersales");
        assertThat(body.get("clientId").asString()).isEqualTo("desk-test");
        assertThat(body.get("pollSeconds").asInt()).isPositive();
    }

    @Test
    void theCustomersSurveyLinkReachesFeedbackServiceWithoutAToken() {
        HttpResponse<String> link = anonymous.get("/api/survey-links/S-1?t=abc");
        assertThat(link.statusCode()).isEqualTo(200);
        assertThat(BACKENDS.get("feedback-service").received()).hasSize(1);
        assertThat(anonymous.get("/api/surveys/S-1").statusCode()).as("staff survey endpoints keep the token check")
            .isEqualTo(401);
    }

    @Test
    void photoUploadsHaveTheirOwnBodyLimit() {
        GatewayClient technician = anonymous.withToken(TestTokens.admin());
        byte[] photo = new byte[3 * 1024];
        HttpResponse<String> upload = technician.send(technician.request("/api/attachments")
            .header("Content-Type", "image/jpeg")
            .POST(HttpRequest.BodyPublishers.ofByteArray(photo))
            .build());
        assertThat(upload.statusCode()).isEqualTo(200);
        assertThat(BACKENDS.get("dispatch-service").received()).hasSize(1);
        HttpResponse<String> tooLarge = technician.send(technician.request("/api/attachments")
            .header("Content-Type", "image/jpeg")
            .POST(HttpRequest.BodyPublishers.ofByteArray(new byte[5 * 1024]))
            .build());
        problem(tooLarge, "content-too-large", 413);
        HttpResponse<String> json = technician.send(technician.request("/api/tickets")
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofByteArray(photo))
            .build());
        assertThat(json.statusCode()).as("other paths keep max-request-size").isEqualTo(413);
    }

    @Test
    void everyAnswerCarriesSecurityHeaders() {
        for (HttpResponse<String> response : new HttpResponse[] { anonymous.get("/api/tickets"),
                anonymous.withToken(TestTokens.admin()).get("/api/tickets") }) {
            assertThat(response.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
            assertThat(response.headers().firstValue("X-Frame-Options")).hasValue("DENY");
            assertThat(response.headers().firstValue("Referrer-Policy")).hasValue("no-referrer");
            assertThat(response.headers().firstValue("Content-Security-Policy").orElseThrow())
                .contains("frame-ancestors 'none'");
        }
    }

    @Test
    void corsPreflightIsAnsweredForConfiguredFrontendsOnly() {
        HttpResponse<String> allowed = anonymous.send(anonymous.request("/api/tickets")
            .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
            .header("Origin", "https://store.example.cn")
            .header("Access-Control-Request-Method", "POST")
            .header("Access-Control-Request-Headers", "authorization, content-type, idempotency-key")
            .build());
        assertThat(allowed.statusCode()).isEqualTo(200);
        assertThat(allowed.headers().firstValue("Access-Control-Allow-Origin")).hasValue("https://store.example.cn");
        assertThat(allowed.headers().firstValue("Access-Control-Allow-Methods").orElseThrow()).contains("POST");

        HttpResponse<String> foreign = anonymous.send(anonymous.request("/api/tickets")
            .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
            .header("Origin", "https://evil.example.com")
            .header("Access-Control-Request-Method", "POST")
            .build());
        assertThat(foreign.statusCode()).isEqualTo(403);
        assertThat(foreign.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();

        HttpResponse<String> actual = anonymous.withToken(TestTokens.admin()).get("/api/tickets", "Origin",
                "https://store.example.cn");
        assertThat(actual.headers().firstValue("Access-Control-Allow-Origin")).hasValue("https://store.example.cn");
        assertThat(actual.headers().firstValue("Access-Control-Expose-Headers").orElseThrow()).contains("X-Request-Id");
        BACKENDS.values().forEach(backend -> assertThat(backend.received()).hasSizeLessThanOrEqualTo(1));
    }

    @Test
    void bodiesAboveTheLimitAreContentTooLargeProblems() {
        GatewayClient admin = anonymous.withToken(TestTokens.admin());
        String big = "{\"faultDescription\":\"" + "漏".repeat(600) + "\"}";

        HttpResponse<String> declared = admin.send(admin.request("/api/tickets")
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(big))
            .build());
        assertThat(declared.statusCode()).isEqualTo(413);
        problem(declared, "content-too-large", 413);

        HttpResponse<String> chunked = admin.send(admin.request("/api/tickets")
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(
                    big.getBytes(java.nio.charset.StandardCharsets.UTF_8))))
            .build());
        assertThat(chunked.statusCode()).isEqualTo(413);
        problem(chunked, "content-too-large", 413);
        assertThat(BACKENDS.get("ticket-service").received()).noneMatch(received -> received.body().length() > 1024);

        HttpResponse<String> small = admin.send(admin.request("/api/tickets")
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString("{\"faultDescription\":\"漏水\"}"))
            .build());
        assertThat(small.statusCode()).isEqualTo(200);
    }

    /**
     * The security filter chain runs without observations of its own (a timer per security filter, authentication and
     * authorization, read by nothing and a measurable share of the gateway's CPU); requests it rejects and requests it
     * lets through are still timed as requests.
     */
    @Test
    void rejectedAndAdmittedRequestsAreTimedWithoutPerSecurityFilterTimers() {
        assertThat(anonymous.get("/api/tickets/T-9").statusCode()).isEqualTo(401);
        assertThat(anonymous.withToken(TestTokens.of("AGENT")).get("/api/tickets/T-9").statusCode()).isEqualTo(200);

        String metrics = anonymous.get("/actuator/prometheus").body();
        assertThat(metrics.lines().filter(line -> line.startsWith("http_server_requests_seconds_count{")))
            .anySatisfy(line -> assertThat(line).contains("status=\"401\""))
            .anySatisfy(line -> assertThat(line).contains("status=\"200\""));
        assertThat(metrics.lines().filter(line -> line.startsWith("spring_cloud_gateway_requests_seconds_count{")))
            .isNotEmpty();
        assertThat(metrics.lines().filter(line -> !line.startsWith("#")).filter(line -> line.startsWith("spring_security_")))
            .isEmpty();
    }

    private static JsonNode problem(HttpResponse<String> response, String slug, int status) {
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        JsonNode problem = GatewayClient.json(response.body());
        assertThat(problem.get("type").asString()).isEqualTo("urn:aftersales:problem:" + slug);
        assertThat(problem.get("status").asInt()).isEqualTo(status);
        assertThat(problem.get("title").asString()).isNotBlank();
        assertThat(problem.get("correlationId").asString()).isNotBlank();
        return problem;
    }

}
