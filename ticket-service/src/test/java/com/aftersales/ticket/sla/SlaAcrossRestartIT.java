package com.aftersales.ticket.sla;

import com.aftersales.contracts.ticket.TicketEvents;
import com.aftersales.testsupport.TestIdentity;
import com.aftersales.testsupport.WithRealInfrastructure;
import com.aftersales.ticket.TestApi;
import com.aftersales.ticket.TicketServiceApplication;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * SLA events survive a restart: clocks fall due while no scanner runs (this instance's scanner is
 * switched off, as if the service were down), a freshly started instance publishes each warning and
 * breach once, and the instance started after that publishes nothing again.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        SlaAcrossRestartIT.ALWAYS_OPEN_DAYS, SlaAcrossRestartIT.ALWAYS_OPEN_PERIODS,
        "aftersales.ticket.sla.defaults.first-response=PT1S",
        "aftersales.ticket.sla.defaults.on-site=PT2S",
        "aftersales.ticket.sla.defaults.on-site-target=PT1S",
        "aftersales.ticket.sla.defaults.resolution=PT2S",
        "aftersales.ticket.sla.scan-interval=PT1H"})
@WithRealInfrastructure
class SlaAcrossRestartIT {

    static final String ALWAYS_OPEN_DAYS =
            "aftersales.calendar.working-days=MONDAY,TUESDAY,WEDNESDAY,THURSDAY,FRIDAY,SATURDAY,SUNDAY";
    static final String ALWAYS_OPEN_PERIODS = "aftersales.calendar.periods=00:00-12:00,12:00-23:59";
    private static final List<String> CLOCKS = List.of("FIRST_RESPONSE", "ON_SITE", "ON_SITE_TARGET", "RESOLUTION");

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    Environment environment;

    private long events(String ticketId, String type) {
        return jdbc.sql("select count(*) from outbox_event where message_key = :key and event_type = :type")
                .param("key", ticketId).param("type", type).query(Long.class).single();
    }

    private ConfigurableApplicationContext startAnotherInstance() {
        List<String> arguments = new java.util.ArrayList<>(List.of(
                "--server.port=0",
                "--spring.datasource.url=" + environment.getProperty("spring.datasource.url"),
                "--spring.datasource.username=" + environment.getProperty("spring.datasource.username"),
                "--spring.datasource.password=" + environment.getProperty("spring.datasource.password"),
                "--spring.kafka.bootstrap-servers=" + environment.getProperty("spring.kafka.bootstrap-servers"),
                "--" + ALWAYS_OPEN_DAYS, "--" + ALWAYS_OPEN_PERIODS,
                "--aftersales.ticket.sla.scan-interval=PT0.3S"));
        arguments.addAll(TestIdentity.commandLineArguments());
        return new SpringApplicationBuilder(TicketServiceApplication.class).run(arguments.toArray(String[]::new));
    }

    @Test
    void clocksThatFellDueWhileNoScannerRanArePublishedOnceByTheNextInstance() throws Exception {
        TestApi api = new TestApi(port);
        String customer = api.registerCustomer("冯晓", "134" + String.format("%08d", System.nanoTime() % 100_000_000), "C");
        String serial = "RS-" + System.nanoTime();
        api.registerProduct(customer, serial, "JSQ25", LocalDate.now().minusMonths(1), true);
        HttpResponse<String> created = api.post("/api/tickets",
                TestApi.ticketBody(customer, serial, "JSQ25", "EMAIL", "热水器忽冷忽热"), Map.of());
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        String id = api.read(created).path("id").asString();

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(api.getJson("/api/tickets/" + id).path("sla").findValuesAsString("state")).containsOnly("BREACHED"));
        assertThat(events(id, TicketEvents.TICKET_SLA_BREACHED.type())).as("nothing fires in memory").isZero();

        try (ConfigurableApplicationContext restarted = startAnotherInstance()) {
            await().atMost(Duration.ofSeconds(20)).until(() -> events(id, TicketEvents.TICKET_SLA_BREACHED.type()) == CLOCKS.size());
            assertThat(events(id, TicketEvents.TICKET_SLA_WARNING.type())).isEqualTo(CLOCKS.size());
        }
        try (ConfigurableApplicationContext restartedAgain = startAnotherInstance()) {
            await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5)).untilAsserted(() -> {
                assertThat(events(id, TicketEvents.TICKET_SLA_BREACHED.type())).isEqualTo(CLOCKS.size());
                assertThat(events(id, TicketEvents.TICKET_SLA_WARNING.type())).isEqualTo(CLOCKS.size());
            });
        }
    }
}
