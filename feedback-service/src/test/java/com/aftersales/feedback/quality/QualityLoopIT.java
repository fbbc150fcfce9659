package com.aftersales.feedback.quality;

import com.aftersales.testsupport.NextLink;
import com.aftersales.contracts.EventEnvelope;
import com.aftersales.contracts.Topics;
import com.aftersales.contracts.dispatch.DispatchEvents;
import com.aftersales.contracts.dispatch.VisitCompleted;
import com.aftersales.contracts.feedback.FeedbackEvents;
import com.aftersales.contracts.feedback.QualityAlertRaised;
import com.aftersales.contracts.product.ProductFacts;
import com.aftersales.contracts.product.ProductRegistered;
import com.aftersales.contracts.ticket.TicketEvents;
import com.aftersales.contracts.ticket.TicketOpened;
import com.aftersales.feedback.support.Http;
import com.aftersales.testsupport.KafkaTestClient;
import com.aftersales.testsupport.TestIdentity;
import com.aftersales.testsupport.WithRealInfrastructure;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static com.aftersales.feedback.support.Events.event;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * From events in to an alert out: units from ProductRegistered, failures from TicketOpened (intake)
 * and VisitCompleted (diagnosis), a scan, QualityAlertRaised on the topic, and the units at risk.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@WithRealInfrastructure
class QualityLoopIT {

    static final int UNITS_PER_BATCH = 40;
    static final int BAD_BATCH_FAILURES = 10;

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;

    @Test
    void aBadBatchInOneRegionRaisesAnAlertWithItsUnitsAtRisk() {
        String model = "ROOF-" + System.nanoTime();
        String region = "220100";
        List<UUID> badBatch = new ArrayList<>();
        List<EventEnvelope<?>> events = new ArrayList<>();
        for (String batch : List.of("B-GOOD-1", "B-GOOD-2", "B-GOOD-3", "B-BAD")) {
            for (int i = 0; i < UNITS_PER_BATCH; i++) {
                UUID productId = UUID.randomUUID();
                if (batch.equals("B-BAD")) {
                    badBatch.add(productId);
                }
                events.add(event("ticket-service", TicketEvents.PRODUCT_REGISTERED, productId, new ProductRegistered(
                        new ProductFacts(productId, UUID.randomUUID(), batch + "-" + i, model, "ROOFING", batch,
                                LocalDate.parse("2026-03-01"), "S-01", null, "REGULAR", false, true, true, region, null, null),
                        Instant.parse("2026-03-01T08:00:00Z"))));
            }
        }
        // One healthy-batch failure (the baseline) and ten in the bad batch: half reported at intake only,
        // half diagnosed on a visit whose code overrides the agent's guess.
        List<UUID> failedTickets = new ArrayList<>();
        List<UUID> failing = new ArrayList<>(badBatch.subList(0, BAD_BATCH_FAILURES));
        for (int i = 0; i <= BAD_BATCH_FAILURES; i++) {
            UUID ticketId = UUID.randomUUID();
            failedTickets.add(ticketId);
            UUID productId = i < BAD_BATCH_FAILURES ? failing.get(i) : null;
            String serial = i < BAD_BATCH_FAILURES ? "B-BAD-" + i : "B-GOOD-1-0";
            boolean visited = i % 2 == 0;
            events.add(event("ticket-service", TicketEvents.TICKET_OPENED, ticketId, new TicketOpened(ticketId,
                    UUID.randomUUID(), serial, model, "REPAIR", "PHONE", "NORMAL", "LEAK", "漏水", Instant.parse("2026-10-01T08:00:00Z"),
                    productId, "ROOFING", null, "B", region, null, null, "IN_WARRANTY", null,
                    visited ? "LEAK-GENERIC" : "LEAK-SEAM-CRACK", null)));
            if (visited) {
                events.add(event("dispatch-service", DispatchEvents.VISIT_COMPLETED, ticketId, new VisitCompleted(UUID.randomUUID(),
                        UUID.randomUUID(), ticketId, UUID.randomUUID(), "COMPLETED", UUID.randomUUID(), 1, "seam cracked in frost",
                        "resealed", "LEAK", "LEAK-SEAM-CRACK", "RESEAL", true, 60, List.of(), "IN_WARRANTY",
                        new BigDecimal("120.00"), BigDecimal.ZERO, "CNY", Instant.parse("2026-10-02T08:00:00Z"))));
            }
        }
        try (KafkaTestClient kafka = KafkaTestClient.onTestBroker()) {
            events.forEach(kafka::publish);
        }
        await().atMost(Duration.ofSeconds(60)).until(() -> jdbc.sql("""
                        select count(*) from quality_fault_unit where model = :model and fault_code = 'LEAK-SEAM-CRACK'""")
                .param("model", model).query(Long.class).single() == BAD_BATCH_FAILURES + 1);

        // Scans and projection rebuilds are QC's and ADMIN's.
        Http http = new Http(port).as(TestIdentity.ADMIN);
        Http.Response scan = http.post("/api/quality-alerts/scans", "");
        assertThat(scan.status()).isEqualTo(200);
        JsonNode raised = null;
        for (JsonNode alert : scan.body().path("raised")) {
            if (alert.path("model").asString().equals(model)) {
                raised = alert;
            }
        }
        assertThat(raised).as("alert for the bad batch in %s", scan.raw()).isNotNull();
        assertThat(raised.path("batchNumber").asString()).isEqualTo("B-BAD");
        assertThat(raised.path("regionCode").asString()).isEqualTo(region);
        assertThat(raised.path("faultCode").asString()).isEqualTo("LEAK-SEAM-CRACK");
        assertThat(raised.path("failedUnits").asLong()).isEqualTo(BAD_BATCH_FAILURES);
        assertThat(raised.path("registeredUnits").asLong()).isEqualTo(UNITS_PER_BATCH);
        assertThat(raised.path("unitsAtRisk").asLong()).isEqualTo(UNITS_PER_BATCH - BAD_BATCH_FAILURES);
        assertThat(raised.path("explanation").asString()).contains("B-BAD").contains("alert:");
        assertThat(raised.path("faultSources").toString()).contains("VISIT").contains("TICKET_INTAKE");
        String alertId = raised.path("alertId").asString();

        // Scanning again raises nothing new for the same cell.
        Http.Response again = http.post("/api/quality-alerts/scans", "");
        assertThat(again.body().path("raised").toString()).doesNotContain(model);

        try (KafkaTestClient kafka = KafkaTestClient.onTestBroker()) {
            EventEnvelope<?> published = kafka.events(Topics.FEEDBACK, alertId, 1, Duration.ofSeconds(30)).get(0);
            QualityAlertRaised alert = published.dataAs(FeedbackEvents.QUALITY_ALERT_RAISED);
            assertThat(alert.pValue()).isLessThanOrEqualTo(alert.bhThreshold());
            assertThat(alert.rulesFired()).hasSize(4);
        }

        Http.Response atRisk = http.get("/api/quality-alerts/" + alertId + "/units-at-risk?size=25");
        assertThat(atRisk.status()).isEqualTo(200);
        assertThat(atRisk.body().path("total").asLong()).isEqualTo(UNITS_PER_BATCH - BAD_BATCH_FAILURES);
        assertThat(atRisk.body().path("units")).hasSize(25);
        Set<UUID> listed = new HashSet<>();
        atRisk.body().path("units").forEach(u -> listed.add(UUID.fromString(u.path("productId").asString())));
        listed.addAll(unitIds(http.get("/api/quality-alerts/" + alertId + "/units-at-risk?size=25&page=1").body()));
        assertThat(listed).hasSize(UNITS_PER_BATCH - BAD_BATCH_FAILURES)
                .containsExactlyInAnyOrderElementsOf(badBatch.subList(BAD_BATCH_FAILURES, UNITS_PER_BATCH));
        assertThat(failedTickets).hasSize(BAD_BATCH_FAILURES + 1);

        // The same units by the Link rel="next" header (docs/paging.md): each once, in serial order, no gaps.
        List<String> walked = new java.util.ArrayList<>();
        List<Integer> pageSizes = new java.util.ArrayList<>();
        String next = "/api/quality-alerts/" + alertId + "/units-at-risk?pageSize=7";
        while (next != null) {
            Http.Response page = http.get(next);
            assertThat(page.status()).as(page.raw()).isEqualTo(200);
            page.body().path("units").forEach(u -> walked.add(u.path("serialNumber").asString()));
            pageSizes.add(page.body().path("units").size());
            next = NextLink.of(page.response().headers()).orElse(null);
            assertThat(next == null).isEqualTo(page.body().path("nextPageToken").isNull());
        }
        int atRiskCount = UNITS_PER_BATCH - BAD_BATCH_FAILURES;
        List<String> inOnePage = new java.util.ArrayList<>();
        http.get("/api/quality-alerts/" + alertId + "/units-at-risk?size=1000").body().path("units")
                .forEach(u -> inOnePage.add(u.path("serialNumber").asString()));
        assertThat(walked).hasSize(atRiskCount).doesNotHaveDuplicates().containsExactlyElementsOf(inOnePage);
        assertThat(pageSizes.subList(0, pageSizes.size() - 1)).allSatisfy(size -> assertThat(size).isEqualTo(7));
        assertThat(pageSizes).hasSize((atRiskCount + 6) / 7);
        Http.Response malformed = http.get("/api/quality-alerts/" + alertId + "/units-at-risk?pageToken=QUJD");
        assertThat(malformed.status()).isEqualTo(400);
        assertThat(malformed.body().path("errors").get(0).path("field").asString()).isEqualTo("pageToken");
        // The alert list is paged the same way.
        Http.Response alerts = http.get("/api/quality-alerts?pageSize=1");
        assertThat(alerts.body()).hasSize(1);
        assertThat(http.get("/api/quality-alerts?pageToken=QUJD").status()).isEqualTo(400);

        // The projection rebuilt from offset zero equals the live one, and the alert survives it.
        List<Map<String, Object>> units = jdbc.sql("select * from quality_unit order by product_id").query().listOfRows();
        List<Map<String, Object>> faults = jdbc.sql("select * from quality_fault order by ticket_id").query().listOfRows();
        assertThat(http.post("/api/quality-alerts/projection/rebuilds", "").status()).isEqualTo(200);
        assertThat(jdbc.sql("select * from quality_unit order by product_id").query().listOfRows()).isEqualTo(units);
        assertThat(jdbc.sql("select * from quality_fault order by ticket_id").query().listOfRows()).isEqualTo(faults);
        assertThat(http.get("/api/quality-alerts/" + alertId).status()).isEqualTo(200);
    }

    @Test
    void unknownAlertsAndBadPagesAreProblems() {
        Http http = new Http(port);
        Http.Response missing = http.get("/api/quality-alerts/" + UUID.randomUUID() + "/units-at-risk");
        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.body().path("type").asString()).isEqualTo("urn:aftersales:problem:not-found");
        Http.Response badSize = http.get("/api/quality-alerts/" + UUID.randomUUID() + "/units-at-risk?size=100000");
        assertThat(badSize.status()).isEqualTo(400);
        Http.Response negative = http.get("/api/quality-alerts/" + UUID.randomUUID() + "/units-at-risk?page=-1");
        assertThat(negative.status()).isEqualTo(400);
        Http.Response notUuid = http.get("/api/quality-alerts/not-a-uuid");
        assertThat(notUuid.status()).isEqualTo(400);
    }

    private static List<UUID> unitIds(JsonNode page) {
        List<UUID> ids = new ArrayList<>();
        page.path("units").forEach(u -> ids.add(UUID.fromString(u.path("productId").asString())));
        return ids;
    }
}
