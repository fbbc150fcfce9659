package com.aftersales.gateway;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Rate limits, circuit breaker and bulkhead against real HTTP backends, one route per scenario so they do not
 * disturb each other: returns-service is rate limited tightly, feedback-service has a small breaker window,
 * dispatch-service is stopped, ticket-service is slow behind a small bulkhead. The api-docs routes are the
 * bystanders whose latency must not move. Timing assertions are on medians and loose (2 shared cores).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = { "aftersales.gateway.idempotent-retry.retries=0",
                "aftersales.gateway.rate-limits.routes.returns-service.capacity=3",
                "aftersales.gateway.rate-limits.routes.returns-service.refill-tokens=1",
                "aftersales.gateway.rate-limits.routes.returns-service.refill-period=1m",
                "aftersales.gateway.rate-limits.anonymous.capacity=2",
                "aftersales.gateway.rate-limits.anonymous.refill-tokens=1",
                "aftersales.gateway.rate-limits.anonymous.refill-period=1m",
                "aftersales.gateway.resilience.routes.feedback-service.sliding-window-size=4",
                "aftersales.gateway.resilience.routes.feedback-service.minimum-number-of-calls=4",
                "aftersales.gateway.resilience.routes.feedback-service.wait-in-open-state=1s",
                "aftersales.gateway.resilience.routes.feedback-service.permitted-calls-in-half-open-state=1",
                "aftersales.gateway.resilience.routes.dispatch-service.minimum-number-of-calls=4",
                "aftersales.gateway.resilience.routes.dispatch-service.sliding-window-size=4",
                "aftersales.gateway.resilience.routes.ticket-service.max-concurrent-calls=3",
                "aftersales.gateway.resilience.routes.ticket-service.timeout=5s" })
class GatewayResilienceTest {

    private static final Duration SLOW = Duration.ofMillis(1500);

    static final StubBackend TICKETS = StubBackend.start("ticket-service", SLOW);

    static final StubBackend DISPATCH = StubBackend.start("dispatch-service");

    static final StubBackend RETURNS = StubBackend.start("returns-service");

    static final StubBackend FEEDBACK = StubBackend.start("feedback-service");

    @DynamicPropertySource
    static void backends(DynamicPropertyRegistry registry) {
        TestTokens.register(registry);
        registry.add("aftersales.gateway.services.ticket-service.url", () -> TICKETS.url().toString());
        registry.add("aftersales.gateway.services.dispatch-service.url", () -> DISPATCH.url().toString());
        registry.add("aftersales.gateway.services.returns-service.url", () -> RETURNS.url().toString());
        registry.add("aftersales.gateway.services.feedback-service.url", () -> FEEDBACK.url().toString());
    }

    @AfterAll
    static void stopBackends() {
        TICKETS.close();
        RETURNS.close();
        FEEDBACK.close();
    }

    @Value("${local.server.port}")
    int port;

    @Test
    void eachClientHasItsOwnBucketPerRouteAndAnEmptyOneGets429WithRetryAfter() {
        GatewayClient store = new GatewayClient(port, TestTokens.of("STORE"));
        GatewayClient agent = new GatewayClient(port, TestTokens.of("AGENT"));
        for (int i = 0; i < 3; i++) {
            HttpResponse<String> allowed = store.get("/api/returns/R-" + i);
            assertThat(allowed.statusCode()).isEqualTo(200);
            assertThat(allowed.headers().firstValue("X-RateLimit-Remaining")).hasValue(Integer.toString(2 - i));
        }
        int before = RETURNS.received().size();

        HttpResponse<String> limited = store.get("/api/returns/R-4", "X-Request-Id", "too-fast");

        assertThat(limited.statusCode()).isEqualTo(429);
        long retryAfter = Long.parseLong(limited.headers().firstValue("Retry-After").orElseThrow());
        assertThat(retryAfter).isBetween(1L, 60L);
        JsonNode problem = problem(limited, "too-many-requests", 429);
        assertThat(problem.get("correlationId").asString()).isEqualTo("too-fast");
        assertThat(problem.get("detail").asString()).contains("returns-service");
        assertThat(RETURNS.received()).hasSize(before);

        assertThat(agent.get("/api/returns/R-5").statusCode()).as("another client's bucket is full").isEqualTo(200);
        assertThat(store.get("/api/surveys").statusCode()).as("the same client on another route").isEqualTo(200);
    }

    @Test
    void anonymousCallersAreLimitedByAddress() {
        GatewayClient anonymous = new GatewayClient(port, null);
        List<Integer> statuses = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            statuses.add(anonymous.get("/v3/api-docs/feedback-service").statusCode());
        }
        assertThat(statuses).containsExactly(200, 200, 429);
    }

    @Test
    void breakerOpensOnFailuresAnswersFastThenHalfOpensAndClosesAgain() {
        GatewayClient gateway = new GatewayClient(port, TestTokens.of("OPS"));
        for (int i = 0; i < 4; i++) {
            assertThat(gateway.get("/api/surveys/fail").statusCode()).as("backend 502 passed through").isEqualTo(502);
        }
        FEEDBACK.reset();

        HttpResponse<String> open = gateway.get("/api/surveys/S-1");
        assertThat(open.statusCode()).isEqualTo(503);
        assertThat(open.headers().firstValue("Retry-After")).hasValue("1");
        assertThat(problem(open, "service-unavailable", 503).get("detail").asString()).contains("feedback-service");
        assertThat(FEEDBACK.received()).as("an open breaker does not call the backend").isEmpty();
        assertThat(breakerState("feedback-service")).isEqualTo("open");

        // Half-open after the wait: one trial call; a failure opens the breaker again at once.
        await().atMost(Duration.ofSeconds(5)).until(() -> breakerState("feedback-service").equals("half_open"));
        assertThat(gateway.get("/api/surveys/fail").statusCode()).isEqualTo(502);
        assertThat(breakerState("feedback-service")).isEqualTo("open");
        assertThat(gateway.get("/api/surveys/S-2").statusCode()).isEqualTo(503);

        // Half-open again; a successful trial closes it and traffic flows.
        await().atMost(Duration.ofSeconds(5)).until(() -> breakerState("feedback-service").equals("half_open"));
        assertThat(gateway.get("/api/surveys/S-3").statusCode()).isEqualTo(200);
        assertThat(breakerState("feedback-service")).isEqualTo("closed");
        for (int i = 0; i < 5; i++) {
            assertThat(gateway.get("/api/complaints/C-" + i).statusCode()).isEqualTo(200);
        }
    }

    @Test
    void aStoppedServiceIsFastUnavailableAndTheOthersAreUnaffected() {
        GatewayClient gateway = new GatewayClient(port, TestTokens.of("SUPERVISOR"));
        double before = medianMillis(() -> gateway.get("/v3/api-docs/returns-service"));
        DISPATCH.close();
        for (int i = 0; i < 4; i++) {
            assertThat(gateway.get("/api/technicians/T-" + i).statusCode()).isEqualTo(503);
        }
        assertThat(breakerState("dispatch-service")).isEqualTo("open");

        double stopped = medianMillis(() -> {
            HttpResponse<String> response = gateway.get("/api/technicians/T-9");
            assertThat(response.statusCode()).isEqualTo(503);
            assertThat(response.headers().firstValue("Retry-After")).isPresent();
            return response;
        });
        double during = medianMillis(() -> {
            HttpResponse<String> response = gateway.get("/v3/api-docs/returns-service");
            assertThat(response.statusCode()).isEqualTo(200);
            return response;
        });

        System.out.printf("stopped backend: bystander median %.1f ms before, %.1f ms after; dispatch 503 median %.1f ms%n",
                before, during, stopped);
        assertThat(stopped).as("an open breaker answers without trying to connect").isLessThan(250);
        assertThat(during).isLessThan(Math.max(before * 3, before + 50));
    }

    @Test
    void aSlowServiceFillsOnlyItsOwnBulkheadAndTheOthersKeepTheirLatency() throws Exception {
        GatewayClient gateway = new GatewayClient(port, TestTokens.of("AGENT"));
        double before = medianMillis(() -> gateway.get("/v3/api-docs/feedback-service"));
        ExecutorService callers = Executors.newFixedThreadPool(8);
        try {
            List<Future<long[]>> slow = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                int n = i;
                slow.add(callers.submit(() -> {
                    long start = System.nanoTime();
                    int status = gateway.get("/api/tickets/T-" + n + "/slow").statusCode();
                    return new long[] { status, (System.nanoTime() - start) / 1_000_000 };
                }));
            }
            Thread.sleep(200);
            double during = medianMillis(() -> {
                HttpResponse<String> response = gateway.get("/v3/api-docs/feedback-service");
                assertThat(response.statusCode()).isEqualTo(200);
                return response;
            });
            List<long[]> results = new ArrayList<>();
            for (Future<long[]> future : slow) {
                results.add(future.get());
            }
            long served = results.stream().filter(r -> r[0] == 200).count();
            List<Long> rejectedMillis = results.stream().filter(r -> r[0] == 503).map(r -> r[1]).toList();
            System.out.printf("slow backend: bystander median %.1f ms before, %.1f ms during; %d served slowly, "
                    + "bulkhead rejections in %s ms%n", before, during, served, rejectedMillis);
            assertThat(served).as("the bulkhead lets 3 through").isEqualTo(3);
            assertThat(rejectedMillis).hasSize(5).allSatisfy(millis -> assertThat(millis).isLessThan(SLOW.toMillis()));
            assertThat(during).isLessThan(Math.max(before * 3, before + 50));
        }
        finally {
            callers.shutdownNow();
        }
    }

    private String breakerState(String route) {
        String metrics = new GatewayClient(port, TestTokens.admin()).get("/actuator/prometheus").body();
        return Arrays.stream(metrics.split("\n"))
            .filter(line -> line.startsWith("resilience4j_circuitbreaker_state{") && line.contains("name=\"" + route + "\"")
                    && line.endsWith(" 1.0"))
            .map(line -> line.replaceAll(".*state=\"([a-z_]+)\".*", "$1"))
            .findFirst()
            .orElse("unknown");
    }

    private static double medianMillis(Supplier<HttpResponse<String>> call) {
        int samples = 15;
        long[] nanos = new long[samples];
        for (int i = 0; i < samples; i++) {
            long start = System.nanoTime();
            call.get();
            nanos[i] = System.nanoTime() - start;
        }
        Arrays.sort(nanos);
        return nanos[samples / 2] / 1_000_000.0;
    }

    private static JsonNode problem(HttpResponse<String> response, String slug, int status) {
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        JsonNode problem = GatewayClient.json(response.body());
        assertThat(problem.get("type").asString()).isEqualTo("urn:aftersales:problem:" + slug);
        assertThat(problem.get("status").asInt()).isEqualTo(status);
        return problem;
    }

}
