package com.aftersales.returns.depot;

import com.aftersales.contracts.EventEnvelope;
import com.aftersales.contracts.Topics;
import com.aftersales.contracts.dispatch.DepotRepairRequested;
import com.aftersales.contracts.dispatch.DispatchEvents;
import com.aftersales.contracts.returns.DepotRepairPromiseAtRisk;
import com.aftersales.contracts.returns.DepotRepairStatusChanged;
import com.aftersales.contracts.returns.ReturnsEvents;
import com.aftersales.returns.support.ApiClient;
import com.aftersales.returns.support.ProductEvents;
import com.aftersales.testsupport.KafkaTestClient;
import com.aftersales.testsupport.TestIdentity;
import com.aftersales.testsupport.WithRealInfrastructure;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Depots, depot repair orders and partner topics on real PostgreSQL and Kafka. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@WithRealInfrastructure
class DepotRepairIT {

    private static final Duration EVENTS = Duration.ofSeconds(30);
    private static final ZoneId STORE_ZONE = ZoneId.of("Asia/Shanghai");

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    DepotService depots;
    ApiClient api;

    @BeforeEach
    void client() {
        api = new ApiClient(port);
    }

    private static String unique(String prefix) {
        return prefix + UUID.randomUUID().toString().substring(0, 8);
    }

    private void depot(String code, String kind, String category) {
        ApiClient.Response created = api.post("/api/depots", """
                {"code":"%s","name":"Depot %s","kind":"%s","categories":["%s"]}""".formatted(code, code, kind, category));
        assertThat(created.status()).isEqualTo(201);
        assertThat(created.body().path("turnaroundDays").asInt()).isEqualTo(7);
    }

    /** A return of a unit bought 60 days ago with a confirmed fault, now IN_REPAIR. */
    private String returnInRepair(String category) {
        String serial = unique("SN-D-");
        ProductEvents.register(jdbc, ProductEvents.facts(serial, category, LocalDate.now(STORE_ZONE).minusDays(60), "REGULAR"));
        String id = api.post("/api/returns", """
                {"facts":{"serialNumber":"%s","qualityFaultClaimed":true}}""".formatted(serial)).body().path("id").asString();
        api.post("/api/returns/" + id + "/receipt", """
                {"condition":"ok","receivedBy":"clerk"}""");
        api.post("/api/returns/" + id + "/inspection", """
                {"items":[{"area":"FUNCTION","passed":false,"notes":"no cooling"}],"faultConfirmed":true,
                 "customerDamageFound":false,"inspector":"qc"}""");
        assertThat(api.post("/api/returns/" + id + "/repair", "").body().path("status").asString()).isEqualTo("IN_REPAIR");
        return id;
    }

    @Test
    void aReturnInRepairIsRoutedToAPartnerDepotThatReportsOnItsOwnTopicAndOnlyOnItsOwnOrders() {
        String category = unique("CAT-");
        String partner = unique("partner-");
        String other = unique("other-");
        depot(partner, "PARTNER", category);
        depot(other, "PARTNER", unique("CAT-"));
        String returnId = returnInRepair(category);

        ApiClient.Response routed = api.post("/api/depot-repairs", """
                {"returnId":"%s"}""".formatted(returnId));
        assertThat(routed.status()).as(routed.body().toString()).isEqualTo(201);
        String repairId = routed.body().path("id").asString();
        assertThat(routed.body().path("depotCode").asString()).isEqualTo(partner);
        assertThat(routed.body().path("promisedBy").asString()).isEqualTo(LocalDate.now(STORE_ZONE).plusDays(7).toString());
        assertThat(api.post("/api/depot-repairs", """
                {"returnId":"%s"}""".formatted(returnId)).status()).isEqualTo(409);

        // The depot is the token's `depot` claim: another partner guessing the id gets 404 and never the order.
        ApiClient partnerApi = api.as(TestIdentity.depot(partner));
        ApiClient otherApi = api.as(TestIdentity.depot(other));
        ApiClient.Response foreign = otherApi.post("/api/depot-repairs/" + repairId + "/status", """
                {"status":"RECEIVED"}""");
        assertThat(foreign.status()).isEqualTo(404);
        assertThat(foreign.body().path("type").asString()).isEqualTo("urn:aftersales:problem:not-found");
        assertThat(otherApi.get("/api/depot-repairs/" + repairId).status()).isEqualTo(404);
        assertThat(otherApi.get("/api/depot-repairs?depotCode=" + partner).body().findValuesAsString("id")).doesNotContain(repairId);
        assertThat(otherApi.get("/api/depots/" + partner).status()).isEqualTo(404);
        assertThat(partnerApi.get("/api/depot-repairs/" + repairId).status()).isEqualTo(200);
        assertThat(partnerApi.get("/api/depot-repairs").body().findValuesAsString("id")).contains(repairId);
        for (String status : List.of("RECEIVED", "DIAGNOSED")) {
            assertThat(partnerApi.post("/api/depot-repairs/" + repairId + "/status", """
                    {"status":"%s","note":"ok"}""".formatted(status)).status()).isEqualTo(200);
        }
        ApiClient.Response skipped = partnerApi.post("/api/depot-repairs/" + repairId + "/status", """
                {"status":"SHIPPED_BACK"}""");
        assertThat(skipped.status()).isEqualTo(409);
        assertThat(skipped.body().path("currentStatus").asString()).isEqualTo("DIAGNOSED");
        partnerApi.post("/api/depot-repairs/" + repairId + "/status", """
                {"status":"REPAIRED","note":"compressor replaced"}""");
        partnerApi.post("/api/depot-repairs/" + repairId + "/status", """
                {"status":"SHIPPED_BACK","note":"SF 123"}""");
        assertThat(api.get("/api/returns/" + returnId).body().path("status").asString()).isEqualTo("REPAIRED");

        try (KafkaTestClient kafka = KafkaTestClient.onTestBroker()) {
            List<EventEnvelope<?>> onPartnerTopic = kafka.events(Topics.partnerTopic(partner), returnId, 5, EVENTS);
            List<EventEnvelope<?>> onReturns = kafka.events(Topics.RETURNS, returnId, 9, EVENTS).stream()
                    .filter(e -> e.type().equals(ReturnsEvents.DEPOT_REPAIR_STATUS_CHANGED)).toList();
            assertThat(onPartnerTopic).extracting(e -> e.dataAs(ReturnsEvents.DEPOT_REPAIR_STATUS_CHANGED).status())
                    .containsExactly("ROUTED", "RECEIVED", "DIAGNOSED", "REPAIRED", "SHIPPED_BACK");
            // one fact, two topics: the very same CloudEvent
            assertThat(onPartnerTopic).extracting(EventEnvelope::id).containsExactlyElementsOf(onReturns.stream().map(EventEnvelope::id).toList());
            assertThat(kafka.records(Topics.partnerTopic(other), returnId, 0, Duration.ofSeconds(2))).isEmpty();
        }
    }

    @Test
    void aDepotRepairRequestedByDispatchIsRoutedToAnOwnDepotOnceAndMissesNoPartnerTopic() {
        String category = unique("CAT-");
        String own = unique("own-");
        String partner = unique("partner-");
        depot(partner, "PARTNER", category);
        depot(own, "OWN", category);
        UUID ticketId = UUID.randomUUID();
        UUID requestId = UUID.randomUUID();
        DepotRepairRequested request = new DepotRepairRequested(requestId, ticketId, UUID.randomUUID(), UUID.randomUUID(), null,
                "SN-T-1", "BCD-520W", category, "COOLING", "E4", "不制冷", "AUTH-77", "张三", Instant.now(), UUID.randomUUID(),
                null, Instant.now());
        EventEnvelope<DepotRepairRequested> event = new EventEnvelope<>(UUID.randomUUID(), URI.create("/aftersales/dispatch-service"),
                DispatchEvents.DEPOT_REPAIR_REQUESTED, OffsetDateTime.now(ZoneOffset.UTC), ticketId.toString(), null, request);
        EventEnvelope<DepotRepairRequested> again = new EventEnvelope<>(UUID.randomUUID(), event.source(), event.type(),
                event.time(), event.subject(), null, request);
        try (KafkaTestClient kafka = KafkaTestClient.onTestBroker()) {
            kafka.publish(event);
            kafka.publish(event);
            kafka.publish(again);
        }

        await().atMost(EVENTS).until(() -> jdbc.sql("select count(*) from processed_event where event_id in (:a, :b)")
                .param("a", event.id()).param("b", again.id()).query(Long.class).single() == 2);
        List<Map<String, Object>> orders = jdbc.sql("select depot_code, ticket_id from depot_repair where request_id = :id")
                .param("id", requestId).query().listOfRows();
        assertThat(orders).hasSize(1);
        assertThat(orders.get(0).get("depot_code")).isEqualTo(own);
        try (KafkaTestClient kafka = KafkaTestClient.onTestBroker()) {
            DepotRepairStatusChanged routed = kafka.events(Topics.RETURNS, ticketId.toString(), 1, EVENTS).get(0)
                    .dataAs(ReturnsEvents.DEPOT_REPAIR_STATUS_CHANGED);
            assertThat(routed.ticketId()).isEqualTo(ticketId);
            assertThat(routed.status()).isEqualTo("ROUTED");
        }
    }

    @Test
    void aRepairThatWillMissItsPromiseRaisesAnEventBeforeTheDateOnce() {
        String category = unique("CAT-");
        String partner = unique("partner-");
        depot(partner, "PARTNER", category);
        String returnId = returnInRepair(category);
        String repairId = api.post("/api/depot-repairs", """
                {"returnId":"%s","depotCode":"%s"}""".formatted(returnId, partner)).body().path("id").asString();

        int early = depots.checkPromises(Instant.now().plus(Duration.ofDays(1)));
        int late = depots.checkPromises(Instant.now().plus(Duration.ofDays(5)));
        int again = depots.checkPromises(Instant.now().plus(Duration.ofDays(6)));

        assertThat(late).isGreaterThanOrEqualTo(1);
        assertThat(api.get("/api/depot-repairs/" + repairId).body().path("promiseAtRiskRaised").asBoolean()).isTrue();
        try (KafkaTestClient kafka = KafkaTestClient.onTestBroker()) {
            List<DepotRepairPromiseAtRisk> atRisk = kafka.events(Topics.partnerTopic(partner), returnId, 2, EVENTS).stream()
                    .filter(e -> e.type().equals(ReturnsEvents.DEPOT_REPAIR_PROMISE_AT_RISK))
                    .map(e -> e.dataAs(ReturnsEvents.DEPOT_REPAIR_PROMISE_AT_RISK)).toList();
            assertThat(atRisk).singleElement().satisfies(e -> {
                assertThat(e.daysLeft()).isEqualTo(2);
                assertThat(e.status()).isEqualTo("ROUTED");
                assertThat(e.promisedBy()).isAfter(LocalDate.now(STORE_ZONE));
            });
        }
        assertThat(early + again).isGreaterThanOrEqualTo(0);
    }

    @Test
    void depotMistakesAreProblems() {
        assertThat(api.post("/api/depots", """
                {"code":"Bad Code","name":"x","kind":"OWN","categories":["A"]}""").status()).isEqualTo(400);
        assertThat(api.post("/api/depots", """
                {"code":"ok-code","name":"x","kind":"SOMETIMES","categories":["A"]}""").status()).isEqualTo(400);
        String code = unique("dup-");
        depot(code, "OWN", "A");
        assertThat(api.post("/api/depots", """
                {"code":"%s","name":"x","kind":"OWN","categories":["A"]}""".formatted(code)).status()).isEqualTo(409);
        assertThat(api.get("/api/depots/no-such-depot").status()).isEqualTo(404);
        assertThat(api.post("/api/depot-repairs", """
                {"returnId":"%s"}""".formatted(UUID.randomUUID())).status()).isEqualTo(404);
        assertThat(api.as(TestIdentity.depot(code)).post("/api/depot-repairs/" + UUID.randomUUID() + "/status", """
                {"status":"RECEIVED"}""").status()).isEqualTo(404);
        assertThat(api.post("/api/depot-repairs/" + UUID.randomUUID() + "/status", """
                {"status":"NOT_A_STATUS"}""").status()).isEqualTo(400);
    }
}
