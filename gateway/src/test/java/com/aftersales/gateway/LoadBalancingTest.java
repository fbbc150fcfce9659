package com.aftersales.gateway;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two instances of ticket-service behind one gateway ({@code TICKET_SERVICE_URL=a,b}, as the launcher's
 * {@code --instances 2} and compose set it): requests alternate, and once one instance is gone its health
 * check drops it and every request goes to the other.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = { "spring.cloud.loadbalancer.health-check.interval=200ms",
                "aftersales.gateway.idempotent-retry.retries=0" })
class LoadBalancingTest {

    private static final int REQUESTS = 10;

    static final StubBackend FIRST = StubBackend.start("ticket-service");

    static final StubBackend SECOND = StubBackend.start("ticket-service");

    static final Map<String, StubBackend> OTHERS = Map.of("dispatch-service", StubBackend.start("dispatch-service"),
            "returns-service", StubBackend.start("returns-service"), "feedback-service",
            StubBackend.start("feedback-service"));

    @DynamicPropertySource
    static void backends(DynamicPropertyRegistry registry) {
        TestTokens.register(registry);
        registry.add("aftersales.gateway.services.ticket-service.url", () -> FIRST.url() + "," + SECOND.url());
        OTHERS.forEach((name, backend) -> registry.add("aftersales.gateway.services." + name + ".url",
                () -> backend.url().toString()));
    }

    @AfterAll
    static void stopBackends() {
        FIRST.close();
        SECOND.close();
        OTHERS.values().forEach(StubBackend::close);
    }

    @Value("${local.server.port}")
    int port;

    @Test
    void balancesAcrossInstancesAndSkipsOneThatIsGone() throws InterruptedException {
        GatewayClient gateway = new GatewayClient(port);
        FIRST.reset();
        SECOND.reset();
        for (int i = 0; i < REQUESTS; i++) {
            assertThat(gateway.get("/api/tickets/T-" + i).statusCode()).isEqualTo(200);
        }
        // Round robin over the instances the health checks currently list: both take a real share (not an exact
        // split: the first health check may list one instance a moment before the other).
        assertThat(ticketRequests(FIRST) + ticketRequests(SECOND)).isEqualTo(REQUESTS);
        assertThat(ticketRequests(FIRST)).isGreaterThanOrEqualTo(REQUESTS / 4);
        assertThat(ticketRequests(SECOND)).isGreaterThanOrEqualTo(REQUESTS / 4);

        SECOND.close();
        Thread.sleep(Duration.ofSeconds(1).toMillis());
        FIRST.reset();
        for (int i = 0; i < REQUESTS; i++) {
            HttpResponse<String> response = gateway.get("/api/tickets/after-" + i);
            assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        }
        assertThat(ticketRequests(FIRST)).isEqualTo(REQUESTS);
    }

    @Test
    void absoluteLocationOfTheChosenInstanceIsRewrittenToTheGateway() {
        HttpResponse<String> response = new GatewayClient(port).get("/api/tickets/created-absolute");

        assertThat(response.headers().firstValue("Location"))
            .hasValue("http://127.0.0.1:" + port + "/api/tickets/42?view=full");
    }

    /** Health checks also reach the stubs; only API calls count. */
    private static long ticketRequests(StubBackend backend) {
        return backend.received().stream().filter(received -> received.path().startsWith("/api/tickets/")).count();
    }

}
