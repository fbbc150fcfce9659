package com.aftersales.ticket.sla;

import com.aftersales.contracts.Topics;
import com.aftersales.contracts.ticket.TicketEvents;
import com.aftersales.contracts.ticket.TicketSlaBreached;
import com.aftersales.testsupport.WithRealInfrastructure;
import com.aftersales.ticket.TestApi;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * SLA clocks on real PostgreSQL and Kafka with second-long targets on an always-open calendar: warnings
 * and breaches are published once per clock, also with several scanners racing (as two instances or a
 * restarted one would), and a clock paused while waiting for the customer does not breach. Resolved tickets
 * close on their own when the customer does not answer, and a reopened one runs its clocks again.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "aftersales.calendar.working-days=MONDAY,TUESDAY,WEDNESDAY,THURSDAY,FRIDAY,SATURDAY,SUNDAY",
        "aftersales.calendar.periods=00:00-12:00,12:00-23:59",
        "aftersales.ticket.sla.defaults.first-response=PT2S",
        "aftersales.ticket.sla.defaults.on-site=PT4S",
        "aftersales.ticket.sla.defaults.on-site-target=PT2S",
        "aftersales.ticket.sla.defaults.resolution=PT4S",
        "aftersales.ticket.sla.warning-ratio=0.5",
        "aftersales.ticket.sla.scan-interval=PT0.3S",
        "aftersales.ticket.sla.scan-batch=3",
        "aftersales.ticket.auto-close-after=PT2S",
        "aftersales.ticket.auto-close-scan-interval=PT0.5S"})
@WithRealInfrastructure
class SlaClocksIT {

    private static final String MODEL = "JSQ30-16WH5D";
    private static final String WARNING = TicketEvents.TICKET_SLA_WARNING.type();
    private static final String BREACHED = TicketEvents.TICKET_SLA_BREACHED.type();

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    SlaScanner scanner;
    private TestApi api;
    private String customerId;

    @BeforeEach
    void customer() throws Exception {
        api = new TestApi(port);
        customerId = api.registerCustomer("黄磊", "133" + String.format("%08d", System.nanoTime() % 100_000_000), "B");
    }

    private String openWebTicket() throws Exception {
        String serial = "WH-" + System.nanoTime();
        api.registerProduct(customerId, serial, MODEL, LocalDate.now().minusMonths(1), true);
        HttpResponse<String> created = api.post("/api/tickets",
                TestApi.ticketBody(customerId, serial, MODEL, "WEB", "热水器不加热"), Map.of());
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return api.read(created).path("id").asString();
    }

    private long events(String ticketId, String type, String clock) {
        return jdbc.sql("""
                        select count(*) from outbox_event where message_key = :key and event_type = :type
                        and cast(payload as jsonb) -> 'data' ->> 'clock' = :clock""")
                .param("key", ticketId).param("type", type).param("clock", clock).query(Long.class).single();
    }

    @Test
    void aClockWarnsThenBreachesExactlyOnceEvenWithScannersRacing() throws Exception {
        List<String> tickets = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            tickets.add(openWebTicket());
        }
        // Four more scanners besides the scheduled one, hammering the same clocks.
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Callable<Integer>> racers = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                racers.add(() -> {
                    int total = 0;
                    long end = System.nanoTime() + Duration.ofSeconds(7).toNanos();
                    while (System.nanoTime() < end) {
                        total += scanner.scan();
                    }
                    return total;
                });
            }
            for (Future<Integer> f : pool.invokeAll(racers)) {
                f.get();
            }
        } finally {
            pool.shutdown();
        }

        for (String id : tickets) {
            for (String clock : List.of("FIRST_RESPONSE", "ON_SITE", "ON_SITE_TARGET", "RESOLUTION")) {
                assertThat(events(id, WARNING, clock)).as("%s warning of %s", clock, id).isEqualTo(1);
                assertThat(events(id, BREACHED, clock)).as("%s breach of %s", clock, id).isEqualTo(1);
            }
        }
        String first = tickets.get(0);
        List<com.aftersales.contracts.EventEnvelope<?>> breaches = TestApi.awaitEvents(Topics.TICKETS, first, BREACHED, 4);
        assertThat(breaches).hasSize(4);
        TicketSlaBreached breach = breaches.get(0).dataAs(TicketEvents.TICKET_SLA_BREACHED);
        assertThat(breach.ticketId()).isEqualTo(UUID.fromString(first));
        assertThat(breach.rule()).isEqualTo("default");
        assertThat(breaches.get(0).correlationId()).as("scheduled work has no request").isNull();
        JsonNode view = api.getJson("/api/tickets/" + first);
        assertThat(view.path("sla").findValuesAsString("state")).containsOnly("BREACHED");
        assertThat(api.getJson("/api/tickets?customerId=" + customerId + "&slaState=BREACHED").path("items")).hasSize(6);
    }

    @Test
    void aClockWaitingForTheCustomerDoesNotBreachAndResumesAfterwards() throws Exception {
        String id = openWebTicket();
        HttpResponse<String> waiting = api.post("/api/tickets/" + id + "/transitions",
                "{\"status\":\"AWAITING_CUSTOMER\",\"reason\":\"客户出差，下周一再联系\"}", Map.of());
        assertThat(waiting.statusCode()).as(waiting.body()).isEqualTo(200);

        await().pollDelay(Duration.ofSeconds(5)).atMost(Duration.ofSeconds(6)).until(() -> true);
        assertThat(events(id, BREACHED, "RESOLUTION")).isZero();
        assertThat(events(id, BREACHED, "FIRST_RESPONSE")).as("met by the agent's action").isZero();
        JsonNode paused = api.getJson("/api/tickets/" + id);
        for (JsonNode clock : paused.path("sla")) {
            String expected = clock.path("clock").asString().equals("FIRST_RESPONSE") ? "MET" : "PAUSED";
            assertThat(clock.path("state").asString()).as(clock.toString()).isEqualTo(expected);
        }

        assertThat(api.post("/api/tickets/" + id + "/transitions",
                "{\"status\":\"TRIAGED\",\"reason\":\"客户回电\"}", Map.of()).statusCode()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(15)).until(() -> events(id, BREACHED, "RESOLUTION") == 1);
    }

    @Test
    void aResolvedTicketClosesWithoutAReplyAndAReopenedOneRunsItsClocksAgain() throws Exception {
        String id = openWebTicket();
        assertThat(api.post("/api/tickets/" + id + "/transitions",
                "{\"status\":\"RESOLVED_REMOTELY\",\"reason\":\"重启后恢复正常\"}", Map.of()).statusCode()).isEqualTo(200);
        assertThat(api.getJson("/api/tickets/" + id).path("sla").findValuesAsString("state")).containsOnly("MET");

        await().atMost(Duration.ofSeconds(15)).untilAsserted(() ->
                assertThat(api.getJson("/api/tickets/" + id).path("status").asString()).isEqualTo("CLOSED"));
        JsonNode closed = api.getJson("/api/tickets/" + id);
        assertThat(closed.path("timeline").findValuesAsString("reason")).anySatisfy(r -> assertThat(r).startsWith("auto-close"));
        assertThat(closed.path("closedAt").isNull()).isFalse();

        HttpResponse<String> reopened = api.post("/api/tickets/" + id + "/transitions",
                "{\"status\":\"REOPENED\",\"reason\":\"又不加热了\"}", Map.of());
        assertThat(reopened.statusCode()).as(reopened.body()).isEqualTo(200);
        assertThat(api.read(reopened).path("reopenCount").asInt()).isEqualTo(1);
        for (JsonNode clock : api.read(reopened).path("sla")) {
            if (clock.path("clock").asString().equals("FIRST_RESPONSE")) {
                assertThat(clock.path("state").asString()).isEqualTo("MET");
            } else {
                assertThat(clock.path("state").asString()).as("running again: " + clock).isIn("ON_TRACK", "AT_RISK", "BREACHED");
            }
        }
        await().atMost(Duration.ofSeconds(15)).until(() -> events(id, BREACHED, "RESOLUTION") == 1);
    }
}
