package com.aftersales.gateway;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The gateway's own answers when backends misbehave: one stopped, one slow, one that hangs up.
 * Timeouts are shortened through the same properties an operator would set.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = { "aftersales.gateway.response-timeout=500ms", "aftersales.gateway.retry-after=7s",
                "aftersales.gateway.idempotent-retry.retries=2" })
class BackendFailureTest {

    private static final int RETRIES = 2;

    static final StubBackend SLOW_TICKETS = StubBackend.start("ticket-service", Duration.ofSeconds(3));

    static final StubBackend STOPPED_DISPATCH = stopped(StubBackend.start("dispatch-service"));

    static final DroppingBackend DROPPING_RETURNS = dropping();

    static final StubBackend FEEDBACK = StubBackend.start("feedback-service");

    @DynamicPropertySource
    static void backends(DynamicPropertyRegistry registry) {
        TestTokens.register(registry);
        registry.add("aftersales.gateway.services.ticket-service.url", () -> SLOW_TICKETS.url().toString());
        registry.add("aftersales.gateway.services.dispatch-service.url", () -> STOPPED_DISPATCH.url().toString());
        registry.add("aftersales.gateway.services.returns-service.url", () -> DROPPING_RETURNS.url().toString());
        registry.add("aftersales.gateway.services.feedback-service.url", () -> FEEDBACK.url().toString());
    }

    @AfterAll
    static void stopBackends() throws IOException {
        SLOW_TICKETS.close();
        DROPPING_RETURNS.close();
        FEEDBACK.close();
    }

    @Value("${local.server.port}")
    int port;

    GatewayClient gateway;

    @BeforeEach
    void setUp() {
        gateway = new GatewayClient(port);
        DROPPING_RETURNS.reset();
    }

    @Test
    void stoppedBackendIsServiceUnavailableProblemWithRetryAfter() {
        HttpResponse<String> response = gateway.get("/api/technicians/T-4", "X-Request-Id", "down-1");

        assertThat(response.statusCode()).isEqualTo(503);
        assertThat(response.headers().firstValue("Retry-After")).hasValue("7");
        assertThat(response.headers().firstValue("X-Request-Id")).hasValue("down-1");
        JsonNode problem = assertProblem(response, "service-unavailable", 503, "/api/technicians/T-4");
        assertThat(problem.get("correlationId").asString()).isEqualTo("down-1");
        assertThat(problem.get("detail").asString()).contains("dispatch-service")
            .doesNotContainIgnoringCase("refused")
            .doesNotContain("Exception");
    }

    @Test
    void gatewayProblemsSpeakTheClientsLanguageAndKeepTheirType() {
        HttpResponse<String> chinese = gateway.get("/api/technicians/T-4", "Accept-Language", "zh-CN,zh;q=0.9,en;q=0.5");
        assertThat(chinese.headers().firstValue("Content-Language")).hasValue("zh-CN");
        JsonNode problem = assertProblem(chinese, "service-unavailable", 503, "/api/technicians/T-4");
        assertThat(problem.get("title").asString()).isEqualTo("服务暂时不可用");
        assertThat(problem.get("detail").asString()).contains("Retry-After");

        HttpResponse<String> english = gateway.get("/api/technicians/T-4", "Accept-Language", "en-US");
        assertThat(assertProblem(english, "service-unavailable", 503, "/api/technicians/T-4").get("title").asString())
            .isEqualTo("The service is temporarily unavailable");

        HttpResponse<String> anonymous = gateway.withToken(null).get("/api/tickets/T-1", "Accept-Language", "zh");
        JsonNode unauthenticated = assertProblem(anonymous, "unauthenticated", 401, "/api/tickets/T-1");
        assertThat(unauthenticated.get("title").asString()).isEqualTo("请先登录");
    }

    @Test
    void stoppedBackendAnswersPostWithServiceUnavailableToo() {
        HttpResponse<String> response = gateway.send(
                gateway.request("/api/dispatch").POST(HttpRequest.BodyPublishers.ofString("{}")).build());

        assertThat(response.statusCode()).isEqualTo(503);
        assertThat(response.headers().firstValue("Retry-After")).hasValue("7");
        JsonNode problem = assertProblem(response, "service-unavailable", 503, "/api/dispatch");
        assertThat(problem.get("correlationId").asString())
            .isEqualTo(response.headers().firstValue("X-Request-Id").orElseThrow());
    }

    @Test
    void slowBackendIsGatewayTimeoutWithinTheConfiguredTimeout() {
        long start = System.nanoTime();
        HttpResponse<String> response = gateway.get("/api/tickets/T-1/slow");
        Duration elapsed = Duration.ofNanos(System.nanoTime() - start);

        assertThat(response.statusCode()).isEqualTo(504);
        assertThat(elapsed).isGreaterThanOrEqualTo(Duration.ofMillis(500)).isLessThan(Duration.ofMillis(2500));
        JsonNode problem = assertProblem(response, "gateway-timeout", 504, "/api/tickets/T-1/slow");
        assertThat(problem.get("detail").asString()).contains("ticket-service").contains("500 ms");
        assertThat(problem.get("correlationId").asString()).isNotBlank();
    }

    @Test
    void postIsNeverRetriedWhenTheBackendHangsUp() {
        HttpResponse<String> response = gateway.send(
                gateway.request("/api/returns").POST(HttpRequest.BodyPublishers.ofString("{\"rma\":1}")).build());

        assertThat(response.statusCode()).isEqualTo(502);
        assertProblem(response, "bad-gateway", 502, "/api/returns");
        assertThat(DROPPING_RETURNS.connections()).isEqualTo(1);
    }

    @Test
    void getIsRetriedWhenTheBackendHangsUp() {
        HttpResponse<String> response = gateway.get("/api/depots/D-1");

        assertThat(response.statusCode()).isEqualTo(502);
        assertProblem(response, "bad-gateway", 502, "/api/depots/D-1");
        assertThat(DROPPING_RETURNS.connections()).isEqualTo(1 + RETRIES);
    }

    @Test
    void healthyBackendStillAnswers() {
        assertThat(gateway.get("/api/surveys").statusCode()).isEqualTo(200);
        assertThat(gateway.get("/actuator/health/readiness").statusCode()).isEqualTo(200);
    }

    private static JsonNode assertProblem(HttpResponse<String> response, String slug, int status, String instance) {
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        JsonNode problem = GatewayClient.json(response.body());
        assertThat(problem.get("type").asString()).isEqualTo("urn:aftersales:problem:" + slug);
        assertThat(problem.get("title").asString()).isNotBlank();
        assertThat(problem.get("status").asInt()).isEqualTo(status);
        assertThat(problem.get("instance").asString()).isEqualTo(instance);
        assertThat(response.body()).doesNotContain("at org.").doesNotContain("Exception");
        return problem;
    }

    private static StubBackend stopped(StubBackend backend) {
        backend.close();
        return backend;
    }

    private static DroppingBackend dropping() {
        try {
            return new DroppingBackend();
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

}
