package com.aftersales.gateway;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/** The gateway against four real HTTP backends: routing, correlation ids, headers, OpenAPI. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class GatewayRoutingTest {

    private static final String UUID_PATTERN = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";

    static final Map<String, StubBackend> BACKENDS = Map.of(
            "ticket-service", StubBackend.start("ticket-service"),
            "dispatch-service", StubBackend.start("dispatch-service"),
            "returns-service", StubBackend.start("returns-service"),
            "feedback-service", StubBackend.start("feedback-service"));

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

    GatewayClient gateway;

    @BeforeEach
    void setUp() {
        gateway = new GatewayClient(port);
        BACKENDS.values().forEach(StubBackend::reset);
    }

    static Stream<Arguments> routeTable() {
        Map<String, List<String>> table = Map.of(
                "ticket-service", List.of("/api/tickets", "/api/customers", "/api/products",
                        "/api/knowledge-articles", "/api/sla"),
                "dispatch-service", List.of("/api/technicians", "/api/dispatch", "/api/parts", "/api/visits",
                        "/api/service-reports"),
                "returns-service", List.of("/api/returns", "/api/depots", "/api/depot-repairs"),
                "feedback-service", List.of("/api/surveys", "/api/follow-ups", "/api/complaints", "/api/kpis",
                        "/api/reports", "/api/quality-alerts"));
        return table.entrySet()
            .stream()
            .flatMap(entry -> Stream.concat(entry.getValue().stream(), Stream.of("/api/audit/" + entry.getKey()))
                .flatMap(prefix -> Stream.of(Arguments.of(entry.getKey(), prefix),
                        Arguments.of(entry.getKey(), prefix + "/X-1/items"))));
    }

    @ParameterizedTest(name = "{1} -> {0}")
    @MethodSource("routeTable")
    void routesEachPathToItsServiceWithMethodPathQueryBodyAndHeaders(String service, String path) {
        String body = "{\"summary\":\"Dishwasher leaks\"}";
        HttpResponse<String> response = gateway.send(gateway.request(path + "?page=2&q=a%20b")
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .header("Content-Type", "application/json")
            .header("X-Custom", "kept")
            .build());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(GatewayClient.json(response.body()).get("service").asString()).isEqualTo(service);
        StubBackend backend = BACKENDS.get(service);
        assertThat(backend.received()).hasSize(1);
        StubBackend.Received received = backend.last();
        assertThat(received.method()).isEqualTo("POST");
        assertThat(received.path()).isEqualTo(path);
        assertThat(received.query()).isEqualTo("page=2&q=a%20b");
        assertThat(received.body()).isEqualTo(body);
        assertThat(received.header("Content-Type")).isEqualTo("application/json");
        assertThat(received.header("X-Custom")).isEqualTo("kept");
        assertThat(received.header("Authorization")).as("the token is relayed for the service to verify again")
            .isEqualTo("Bearer " + gateway.token());
        BACKENDS.forEach((name, other) -> {
            if (!name.equals(service)) {
                assertThat(other.received()).as("%s must not see %s", name, path).isEmpty();
            }
        });
    }

    @Test
    void otherMethodsArriveUnchanged() {
        for (String method : List.of("GET", "PUT", "PATCH", "DELETE")) {
            HttpResponse<String> response = gateway.send(gateway.request("/api/visits/V-7")
                .method(method, "GET".equals(method) || "DELETE".equals(method) ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString("{\"n\":1}"))
                .build());
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(BACKENDS.get("dispatch-service").last().method()).isEqualTo(method);
        }
    }

    @Test
    void similarButForeignPrefixIsNotRouted() {
        HttpResponse<String> response = gateway.get("/api/ticketsXL");
        assertThat(response.statusCode()).isEqualTo(404);
        BACKENDS.values().forEach(backend -> assertThat(backend.received()).isEmpty());
    }

    @Test
    void generatesCorrelationIdWhenAbsentAndSendsItDownstream() {
        HttpResponse<String> response = gateway.get("/api/tickets/T-1");

        String id = response.headers().firstValue("X-Request-Id").orElseThrow();
        assertThat(id).matches(UUID_PATTERN);
        assertThat(BACKENDS.get("ticket-service").last().header("X-Request-Id")).isEqualTo(id);
    }

    @Test
    void keepsValidCorrelationId() {
        String id = "web-1a2B.3:c_d-" + "x".repeat(100);
        HttpResponse<String> response = gateway.get("/api/complaints", "X-Request-Id", id);

        assertThat(response.headers().firstValue("X-Request-Id")).hasValue(id);
        assertThat(BACKENDS.get("feedback-service").last().header("X-Request-Id")).isEqualTo(id);
    }

    @ParameterizedTest
    @ValueSource(strings = { "has space", "semi;colon", "<script>", "ünïcode", "" })
    void replacesInvalidCorrelationId(String invalid) {
        HttpResponse<String> response = gateway.get("/api/returns/R-1", "X-Request-Id", invalid);

        String id = response.headers().firstValue("X-Request-Id").orElseThrow();
        assertThat(id).matches(UUID_PATTERN).isNotEqualTo(invalid);
        assertThat(BACKENDS.get("returns-service").last().headers().get("X-Request-Id")).containsExactly(id);
    }

    @Test
    void replacesTooLongCorrelationId() {
        String tooLong = "a".repeat(129);
        HttpResponse<String> response = gateway.get("/api/returns/R-1", "X-Request-Id", tooLong);

        assertThat(response.headers().firstValue("X-Request-Id").orElseThrow()).matches(UUID_PATTERN);
    }

    @Test
    void passesTraceparentUntouched() {
        String traceparent = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";
        gateway.get("/api/kpis", "traceparent", traceparent);

        assertThat(BACKENDS.get("feedback-service").last().header("traceparent")).isEqualTo(traceparent);
        assertThat(gateway.get("/api/kpis", "traceparent", traceparent).headers().firstValue("traceparent"))
            .hasValue(traceparent);
    }

    @Test
    void createsTraceparentWhenAbsentOrMalformedAndReturnsIt() {
        for (String[] sent : new String[][] { {}, { "traceparent", "00-00000000000000000000000000000000-00f067aa0ba902b7-01" },
                { "traceparent", "garbage" } }) {
            HttpResponse<String> response = gateway.get("/api/kpis", sent);

            String returned = response.headers().firstValue("traceparent").orElseThrow();
            assertThat(returned).matches("00-[0-9a-f]{32}-[0-9a-f]{16}-01").doesNotStartWith("00-0000000000");
            assertThat(BACKENDS.get("feedback-service").last().header("traceparent")).isEqualTo(returned);
        }
    }

    @Test
    void backendSeesItsOwnHostAndTheGatewayInForwardedHeaders() {
        gateway.get("/api/parts/P-9");

        StubBackend backend = BACKENDS.get("dispatch-service");
        StubBackend.Received received = backend.last();
        assertThat(received.header("Host")).isEqualTo(backend.url().getAuthority());
        assertThat(received.header("X-Forwarded-Host")).isEqualTo("127.0.0.1:" + port);
        assertThat(received.header("X-Forwarded-Proto")).isEqualTo("http");
    }

    @Test
    void backendCorrelationIdCannotReplaceTheGatewaysOne() {
        HttpResponse<String> response = gateway.get("/api/tickets", "X-Request-Id", "frontend-42");
        assertThat(response.headers().allValues("X-Request-Id")).containsExactly("frontend-42");
    }

    @Test
    void rewritesAbsoluteBackendLocationToTheGatewayOrigin() {
        HttpResponse<String> response = gateway.send(
                gateway.request("/api/tickets/created-absolute").POST(HttpRequest.BodyPublishers.ofString("{}")).build());

        assertThat(response.statusCode()).isEqualTo(201);
        assertThat(response.headers().firstValue("Location"))
            .hasValue("http://127.0.0.1:" + port + "/api/tickets/42?view=full");
    }

    @Test
    void keepsRelativeLocation() {
        HttpResponse<String> response = gateway.send(
                gateway.request("/api/tickets/created-relative").POST(HttpRequest.BodyPublishers.ofString("{}")).build());

        assertThat(response.statusCode()).isEqualTo(201);
        assertThat(response.headers().firstValue("Location")).hasValue("/api/tickets/43");
    }

    @Test
    void keepsLocationToOtherOrigins() {
        HttpResponse<String> response = gateway.get("/api/reports/elsewhere");

        assertThat(response.statusCode()).isEqualTo(302);
        assertThat(response.headers().firstValue("Location")).hasValue("https://example.org/elsewhere");
    }

    @Test
    void passesBackendProblemThroughUnchanged() {
        HttpResponse<String> response = gateway.get("/api/tickets/T-1/problem");

        assertThat(response.statusCode()).isEqualTo(409);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(response.body()).isEqualTo(StubBackend.PROBLEM_BODY);
    }

    @Test
    void backendErrorStatusIsPassedThroughAndPostIsSentOnce() {
        HttpResponse<String> response = gateway.send(
                gateway.request("/api/depots/fail").POST(HttpRequest.BodyPublishers.ofString("{}")).build());

        assertThat(response.statusCode()).isEqualTo(502);
        assertThat(response.body()).isEqualTo("upstream of the backend failed");
        assertThat(BACKENDS.get("returns-service").received()).hasSize(1);
    }

    @Test
    void unknownPathIsNotFoundProblemWithCorrelationId() {
        HttpResponse<String> response = gateway.get("/api/unknown/things", "X-Request-Id", "lost-1");

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(response.headers().firstValue("X-Request-Id")).hasValue("lost-1");
        JsonNode problem = GatewayClient.json(response.body());
        assertThat(problem.get("type").asString()).isEqualTo("urn:aftersales:problem:not-found");
        assertThat(problem.get("title").asString()).isEqualTo("Not found");
        assertThat(problem.get("status").asInt()).isEqualTo(404);
        assertThat(problem.get("instance").asString()).isEqualTo("/api/unknown/things");
        assertThat(problem.get("correlationId").asString()).isEqualTo("lost-1");
        assertThat(problem.get("detail").asString()).doesNotContain("Exception");
    }

    @Test
    void gatewayOwnClientErrorsAreProblemsToo() {
        HttpResponse<String> response = gateway.send(
                gateway.request("/actuator/health").DELETE().header("X-Request-Id", "del-1").build());

        assertThat(response.statusCode()).isEqualTo(405);
        assertThat(response.headers().firstValue("Allow")).isPresent();
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        JsonNode problem = GatewayClient.json(response.body());
        assertThat(problem.get("type").asString()).isEqualTo("urn:aftersales:problem:method-not-allowed");
        assertThat(problem.get("correlationId").asString()).isEqualTo("del-1");
    }

    @Test
    void swaggerConfigListsTheFourServices() {
        HttpResponse<String> response = gateway.get("/v3/api-docs/swagger-config");

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode urls = GatewayClient.json(response.body()).get("urls");
        assertThat(urls).isNotNull();
        assertThat(urls.valueStream().map(url -> url.get("name").asString() + "=" + url.get("url").asString()))
            .containsExactlyInAnyOrder("ticket-service=/v3/api-docs/ticket-service",
                    "dispatch-service=/v3/api-docs/dispatch-service", "returns-service=/v3/api-docs/returns-service",
                    "feedback-service=/v3/api-docs/feedback-service");
    }

    @Test
    void swaggerUiLogsInWithTheDesksPublicClientAndPkceAndReturnsToItsRedirectPage() {
        JsonNode config = GatewayClient.json(gateway.get("/v3/api-docs/swagger-config").body());

        assertThat(config.path("oauth2RedirectUrl").asString()).endsWith("/swagger-ui/oauth2-redirect.html");
        assertThat(gateway.get("/swagger-ui/oauth2-redirect.html").statusCode()).isEqualTo(200);
        HttpResponse<String> initializer = gateway.get("/swagger-ui/swagger-initializer.js");
        assertThat(initializer.statusCode()).isEqualTo(200);
        assertThat(initializer.body()).contains("aftersales-desk").contains("usePkceWithAuthorizationCodeGrant");
    }

    @ParameterizedTest
    @ValueSource(strings = { "ticket-service", "dispatch-service", "returns-service", "feedback-service" })
    void servesEachServicesOpenApiDocument(String service) {
        HttpResponse<String> response = gateway.get("/v3/api-docs/" + service);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(GatewayClient.json(response.body()).at("/info/title").asString()).isEqualTo(service);
        assertThat(BACKENDS.get(service).last().path()).isEqualTo("/v3/api-docs");
    }

    @Test
    void servesSwaggerUi() {
        HttpResponse<String> response = gateway.get("/swagger-ui.html");

        assertThat(response.statusCode()).isIn(200, 302);
        if (response.statusCode() == 302) {
            String location = response.headers().firstValue("Location").orElseThrow();
            assertThat(gateway.get(location.startsWith("http") ? location.substring(location.indexOf('/', 8)) : location)
                .statusCode()).isEqualTo(200);
        }
    }

    @Test
    void readinessLivenessPrometheusAndInfo() {
        HttpResponse<String> readiness = gateway.get("/actuator/health/readiness");
        assertThat(readiness.statusCode()).isEqualTo(200);
        assertThat(readiness.headers().firstValue("X-Request-Id")).isPresent();
        assertThat(gateway.get("/actuator/health/liveness").statusCode()).isEqualTo(200);
        HttpResponse<String> prometheus = gateway.get("/actuator/prometheus");
        assertThat(prometheus.statusCode()).isEqualTo(200);
        assertThat(prometheus.body()).contains("jvm_memory_used_bytes");
        // The dashboard's gateway -> services panels read the gateway's per-route timer.
        gateway.get("/api/depot-repairs/DR-1");
        assertThat(gateway.get("/actuator/prometheus").body().lines()
            .filter(line -> line.startsWith("spring_cloud_gateway_requests_seconds_count{")))
            .anySatisfy(line -> assertThat(line).contains("routeId=\"").contains("httpStatusCode=\""));
        HttpResponse<String> info = gateway.get("/actuator/info");
        assertThat(info.statusCode()).isEqualTo(200);
        assertThat(info.body()).contains("gateway");
    }

    @Test
    @ExtendWith(OutputCaptureExtension.class)
    void logLinesOfTheRequestCarryTheCorrelationId(CapturedOutput output) {
        gateway.get("/api/depot-repairs/DR-1", "X-Request-Id", "log-line-7");

        assertThat(output.getOut().lines().filter(line -> line.contains("com.aftersales.gateway.access")))
            .anySatisfy(line -> assertThat(line).contains("[gateway,log-line-7]")
                .contains("GET /api/depot-repairs/DR-1 -> 200 route=returns-service"));
        // The whole line as Boot's default console pattern writes it (time with offset, level, pid, application,
        // thread, correlation, logger): the gateway's own pattern only leaves out converters that add nothing here.
        assertThat(output.getOut().lines().filter(line -> line.contains("[gateway,log-line-7]")))
            .anySatisfy(line -> assertThat(line).matches("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{3}(Z|[+-]\\d{2}:\\d{2})"
                    + "  INFO " + ProcessHandle.current().pid() + " --- \\[gateway] \\[.{15}] \\[gateway,log-line-7] "
                    + "com\\.aftersales\\.gateway\\.access {12}: GET /api/depot-repairs/DR-1 -> 200 route=returns-service \\d+ms"));
    }

    @Test
    void correlationIdIsAUuidWhenGenerated() {
        String id = gateway.get("/api/sla").headers().firstValue("X-Request-Id").orElseThrow();
        assertThat(UUID.fromString(id)).isNotNull();
    }

}
