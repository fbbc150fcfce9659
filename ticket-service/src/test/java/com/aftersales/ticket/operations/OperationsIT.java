package com.aftersales.ticket.operations;

import com.aftersales.contracts.Topics;
import com.aftersales.platform.metrics.CachedGauges;
import com.aftersales.testsupport.KafkaTestClient;
import com.aftersales.testsupport.TestIdentity;
import com.aftersales.testsupport.WithRealInfrastructure;
import com.aftersales.ticket.TestApi;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** The ops snapshot and gauges agree with the database; a request's W3C trace context reaches its event. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@WithRealInfrastructure
class OperationsIT {

    private static final String TRACE_ID = "4bf92f3577b34da6a3ce929d0e0e4736";

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    CachedGauges gauges;

    @Test
    void theTraceOfTheRequestTravelsWithItsEventAndTheBacklogMatchesTheDatabase() throws Exception {
        TestApi api = new TestApi(port);
        String customer = api.registerCustomer("赵丽", "137" + String.format("%08d", System.nanoTime() % 100_000_000), "A");
        String serial = "SN-OPS-" + System.nanoTime();
        api.registerProduct(customer, serial, "KFR-35GW/BpR3", LocalDate.now().minusMonths(2), true);

        HttpResponse<String> created = api.post("/api/tickets",
                TestApi.ticketBody(customer, serial, "KFR-35GW/BpR3", "PHONE", "空调漏水"),
                Map.of("traceparent", "00-" + TRACE_ID + "-00f067aa0ba902b7-01"));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        String id = api.read(created).path("id").asString();

        try (KafkaTestClient kafka = KafkaTestClient.onTestBroker()) {
            ConsumerRecord<String, byte[]> opened = kafka.records(Topics.TICKETS, id, 1, Duration.ofSeconds(30)).get(0);
            Header traceparent = opened.headers().lastHeader("traceparent");
            assertThat(traceparent).as("traceparent header on the relayed event").isNotNull();
            String value = new String(traceparent.value(), StandardCharsets.UTF_8);
            assertThat(value).startsWith("00-" + TRACE_ID + "-").doesNotEndWith("-00f067aa0ba902b7-01");
        }

        JsonNode snapshot = api.as(TestIdentity.OPS).getJson("/api/ops/ticket-service");
        long openInDatabase = jdbc.sql("select count(*) from ticket where status = 'OPEN'").query(Long.class).single();
        long backlogInDatabase = jdbc.sql("select count(*) from ticket where status <> 'CLOSED'").query(Long.class).single();
        assertThat(snapshot.path("backlogByStatus").path("OPEN").asLong()).isEqualTo(openInDatabase);
        assertThat(snapshot.path("backlog").asLong()).isEqualTo(backlogInDatabase).isPositive();
        assertThat(snapshot.path("breachWindowHours").asLong()).isEqualTo(24);
        assertThat(snapshot.path("breachesInWindow").has("ON_SITE")).isTrue();

        gauges.refreshAll();
        String metrics = api.get("/actuator/prometheus").body();
        long notClosed = 0;
        Matcher series = Pattern.compile("aftersales_tickets_open\\{[^}]*status=\"(\\w+)\"[^}]*} (\\S+)").matcher(metrics);
        while (series.find()) {
            notClosed += (long) Double.parseDouble(series.group(2));
        }
        assertThat(notClosed).as("sum of aftersales_tickets_open over statuses").isEqualTo(
                jdbc.sql("select count(*) from ticket where status <> 'CLOSED'").query(Long.class).single());
        assertThat(metrics).contains("aftersales_sla_clocks{", "state=\"breached\"", "aftersales_outbox_pending_events{",
                "aftersales_kafka_dead_letter_records{");
        // Requests are timed as a whole; the security filter chain's own observations are off.
        assertThat(metrics).contains("http_server_requests_seconds_count{").doesNotContain("spring_security_");
    }
}
