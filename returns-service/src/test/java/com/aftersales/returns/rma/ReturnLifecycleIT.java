package com.aftersales.returns.rma;

import com.aftersales.contracts.EventEnvelope;
import com.aftersales.contracts.Topics;
import com.aftersales.contracts.returns.InspectionCompleted;
import com.aftersales.contracts.returns.PickupReminderSent;
import com.aftersales.contracts.returns.ReturnAgeingAlert;
import com.aftersales.contracts.returns.ReturnDecided;
import com.aftersales.contracts.returns.ReturnFollowUpDue;
import com.aftersales.contracts.returns.ReturnsEvents;
import com.aftersales.contracts.returns.UnitShippedBack;
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
import tools.jackson.databind.JsonNode;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The RMA lifecycle over HTTP on real PostgreSQL and Kafka, with its events read back from the broker. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@WithRealInfrastructure
class ReturnLifecycleIT {

    private static final Duration EVENTS = Duration.ofSeconds(30);

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    ReturnFollowUps followUps;
    ApiClient api;

    @BeforeEach
    void client() {
        api = new ApiClient(port);
    }

    /** A unit bought {@code daysAgo} days ago (at the Shanghai store), registered through a product event. */
    private String registered(String category, int daysAgo) {
        String serial = "SN-R-" + UUID.randomUUID().toString().substring(0, 12);
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
        ProductEvents.register(jdbc, ProductEvents.facts(serial, category, today.minusDays(daysAgo), "REGULAR"));
        return serial;
    }

    private ApiClient.Response create(String serial, boolean fault) {
        return api.post("/api/returns", """
                {"facts":{"serialNumber":"%s","qualityFaultClaimed":%s},"reason":"不制冷","salespersonCode":"S-07"}"""
                .formatted(serial, fault));
    }

    private static String id(ApiClient.Response response) {
        return response.body().path("id").asString();
    }

    private static final String PASSED_INSPECTION = """
            {"items":[{"area":"FUNCTION","passed":false,"notes":"compressor does not start"},
                      {"area":"APPEARANCE","passed":true},{"area":"PACKAGING","passed":true},{"area":"ACCESSORIES","passed":true}],
             "faultConfirmed":true,"customerDamageFound":false,"inspector":"qc-li"}""";

    @Test
    void anExchangeGoesFromRequestToShipmentOnceWithItsEventsAndStepsOutOfOrderAre409() {
        ApiClient.Response created = create(registered("AIR_CONDITIONER", 20), true);
        assertThat(created.status()).isEqualTo(201);
        String id = id(created);
        assertThat(created.header("Location")).endsWith("/api/returns/" + id);
        assertThat(created.body().path("status").asString()).isEqualTo("AUTHORIZED");
        assertThat(created.body().path("remedy").asString()).isEqualTo("EXCHANGE");
        assertThat(created.body().path("freightPayer").asString()).isEqualTo("COMPANY");

        ApiClient.Response early = api.post("/api/returns/" + id + "/inspection", PASSED_INSPECTION);
        assertThat(early.status()).isEqualTo(409);
        assertThat(early.body().path("type").asString()).isEqualTo("urn:aftersales:problem:illegal-return-transition");
        assertThat(early.body().path("currentStatus").asString()).isEqualTo("AUTHORIZED");

        assertThat(api.post("/api/returns/" + id + "/receipt", """
                {"condition":"外观完好，原包装","receivedBy":"store-clerk-3"}""").status()).isEqualTo(200);
        assertThat(api.post("/api/returns/" + id + "/inspection", PASSED_INSPECTION).body().path("status").asString())
                .isEqualTo("INSPECTED");
        assertThat(api.post("/api/returns/" + id + "/refund", "{}").status()).isEqualTo(409);
        ApiClient.Response shipped = api.post("/api/returns/" + id + "/exchange-shipment", """
                {"replacementSerialNumber":"SN-NEW-1","carrier":"SF","trackingNumber":"SF123"}""");
        assertThat(shipped.status()).isEqualTo(200);
        assertThat(shipped.body().path("status").asString()).isEqualTo("EXCHANGE_SHIPPED");
        ApiClient.Response twice = api.post("/api/returns/" + id + "/exchange-shipment", """
                {"replacementSerialNumber":"SN-NEW-2"}""");
        assertThat(twice.status()).isEqualTo(409);
        assertThat(twice.body().path("currentStatus").asString()).isEqualTo("EXCHANGE_SHIPPED");

        List<EventEnvelope<?>> events = events(id, 8);
        assertThat(events.stream().filter(e -> !e.type().equals(ReturnsEvents.RETURN_STATUS_CHANGED)).map(e -> e.type().type()))
                .containsExactly(ReturnsEvents.RETURN_REQUESTED.type(), ReturnsEvents.RETURN_DECIDED.type(),
                        ReturnsEvents.RETURN_RECEIVED.type(), ReturnsEvents.INSPECTION_COMPLETED.type(), ReturnsEvents.EXCHANGE_SHIPPED.type());
        assertThat(events.stream().filter(e -> e.type().equals(ReturnsEvents.RETURN_STATUS_CHANGED))
                .map(e -> e.dataAs(ReturnsEvents.RETURN_STATUS_CHANGED)).map(c -> c.fromStatus() + ">" + c.toStatus()))
                .containsExactly("AUTHORIZED>RECEIVED", "RECEIVED>INSPECTED", "INSPECTED>EXCHANGE_SHIPPED");
        ReturnDecided decided = events.get(1).dataAs(ReturnsEvents.RETURN_DECIDED);
        assertThat(decided.policyVersion()).isEqualTo("AIR_CONDITIONER@2026.1");
        assertThat(decided.decidingRule()).isEqualTo("QUALITY_FAULT_EXCHANGE_WINDOW");
        assertThat(decided.rules()).extracting(ReturnDecided.RuleCitation::rule).contains("QUALITY_FAULT_EXCHANGE_WINDOW");
        assertThat(decided.override()).isNull();
    }

    @Test
    void aRefundIsIssuedOnceAndTheRestockedUnitIsRecorded() {
        java.util.UUID ticketId = java.util.UUID.randomUUID();
        ApiClient.Response created = api.post("/api/returns", """
                {"facts":{"serialNumber":"%s","qualityFaultClaimed":true},"reason":"漏电","ticketId":"%s"}"""
                .formatted(registered("KETTLE", 3), ticketId));
        assertThat(created.status()).isEqualTo(201);
        assertThat(created.body().path("request").path("ticketId").asString()).isEqualTo(ticketId.toString());
        String id = id(created);
        api.post("/api/returns/" + id + "/receipt", """
                {"condition":"ok","receivedBy":"clerk"}""");
        api.post("/api/returns/" + id + "/inspection", PASSED_INSPECTION.replace("\"passed\":false", "\"passed\":true"));

        assertThat(api.post("/api/returns/" + id + "/refund", """
                {"reference":"POS-991"}""").body().path("status").asString()).isEqualTo("REFUNDED");
        ApiClient.Response again = api.post("/api/returns/" + id + "/refund", "{}");
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.body().path("allowedStatuses").size()).isZero();
        assertThat(api.post("/api/returns/" + id + "/disposition", """
                {"disposition":"RESTOCKED"}""").body().path("disposition").asString()).isEqualTo("RESTOCKED");
        assertThat(api.post("/api/returns/" + id + "/disposition", """
                {"disposition":"SCRAPPED"}""").status()).isEqualTo(409);
        List<EventEnvelope<?>> all = events(id, 9);
        assertThat(all.stream().filter(e -> e.type().equals(ReturnsEvents.RETURN_STATUS_CHANGED))
                .map(e -> e.dataAs(ReturnsEvents.RETURN_STATUS_CHANGED).ticketId()))
                .as("every move names the ticket the return comes from").isNotEmpty().containsOnly(ticketId);
        assertThat(all.stream().filter(e -> e.type().equals(ReturnsEvents.RETURN_DECIDED))
                .map(e -> e.dataAs(ReturnsEvents.RETURN_DECIDED).ticketId())).containsExactly(ticketId);
        assertThat(all.get(0).dataAs(ReturnsEvents.RETURN_REQUESTED).ticketId()).isEqualTo(ticketId);
        List<String> types = all.stream().map(e -> e.type().type()).toList();
        assertThat(types).containsOnlyOnce(ReturnsEvents.REFUND_ISSUED.type());
        assertThat(types).containsOnlyOnce(ReturnsEvents.UNIT_DISPOSED.type());
    }

    @Test
    void aSupervisorOverridesARejectionWithAReasonThatIsKeptAndPublished() {
        String id = id(create(registered("KETTLE", 20), false));
        assertThat(api.get("/api/returns/" + id).body().path("status").asString()).isEqualTo("REJECTED");

        ApiClient.Response overridden = api.post("/api/returns/" + id + "/override", """
                {"supervisor":"sup-wang","remedy":"REFUND","reason":"VIP customer, goodwill"}""");

        assertThat(overridden.status()).isEqualTo(200);
        assertThat(overridden.body().path("status").asString()).isEqualTo("AUTHORIZED");
        assertThat(overridden.body().path("override").path("automatedRemedy").asString()).isEqualTo("REJECTED");
        assertThat(overridden.body().path("decision").path("decidingRule").asString()).isEqualTo("NO_REASON_WINDOW_PASSED");
        ReturnDecided decided = events(id, 3).get(2).dataAs(ReturnsEvents.RETURN_DECIDED);
        assertThat(decided.remedy()).isEqualTo("REFUND");
        assertThat(decided.decidingRule()).isEqualTo("SUPERVISOR_OVERRIDE");
        // The override is attributed to the authenticated supervisor, not to a name in the body.
        assertThat(decided.override()).isEqualTo(new ReturnDecided.Override(
                "supervisor:" + TestIdentity.SUPERVISOR.subject(), "VIP customer, goodwill", "REJECTED"));

        api.post("/api/returns/" + id + "/receipt", """
                {"condition":"ok","receivedBy":"clerk"}""");
        assertThat(api.post("/api/returns/" + id + "/override", """
                {"supervisor":"sup-wang","remedy":"REJECTED","reason":"changed my mind"}""").status()).isEqualTo(409);
    }

    @Test
    void anInspectionThatContradictsTheClaimGoesToFeeNegotiationThenRepairPickupRemindersAndShipBack() {
        String id = id(create(registered("AIR_CONDITIONER", 60), true));
        api.post("/api/returns/" + id + "/receipt", """
                {"condition":"划痕","receivedBy":"clerk"}""");
        ApiClient.Response inspected = api.post("/api/returns/" + id + "/inspection", """
                {"items":[{"area":"FUNCTION","passed":true},{"area":"APPEARANCE","passed":false,"notes":"dented casing"}],
                 "faultConfirmed":false,"customerDamageFound":true,"inspector":"qc-li"}""");

        assertThat(inspected.body().path("status").asString()).isEqualTo("FEE_NEGOTIATION");
        assertThat(inspected.body().path("fee").path("amount").decimalValue()).isEqualByComparingTo("135.00");
        assertThat(inspected.body().path("freightPayer").asString()).isEqualTo("CUSTOMER");
        InspectionCompleted completed = events(id, 6).stream().filter(e -> e.type().equals(ReturnsEvents.INSPECTION_COMPLETED))
                .findFirst().orElseThrow().dataAs(ReturnsEvents.INSPECTION_COMPLETED);
        assertThat(completed.contradictsClaim()).isTrue();
        assertThat(completed.negotiatedFee()).isEqualByComparingTo(new BigDecimal("135.00"));

        assertThat(api.post("/api/returns/" + id + "/fee-settlement", """
                {"accepted":true}""").body().path("status").asString()).isEqualTo("IN_REPAIR");
        assertThat(api.post("/api/returns/" + id + "/collection", "").status()).isEqualTo(409);
        api.post("/api/returns/" + id + "/repaired", "");
        // Rule REPAIR_CHECK_BEFORE_RETURN: not before QC checked the repair; a failed check sends it back.
        ApiClient.Response unchecked = api.post("/api/returns/" + id + "/ready-for-pickup", "");
        assertThat(unchecked.status()).isEqualTo(409);
        assertThat(unchecked.body().path("rule").asString()).isEqualTo("REPAIR_CHECK_BEFORE_RETURN");
        com.aftersales.testsupport.ChineseProblems.Answer uncheckedZh = com.aftersales.testsupport.ChineseProblems.request(port,
                "/api/returns/" + id + "/ready-for-pickup", "{}");
        assertThat(uncheckedZh.status()).isEqualTo(409);
        assertThat(uncheckedZh.body().path("detail").asString()).contains("质检复检");
        assertThat(uncheckedZh.notChinese()).as(uncheckedZh.body().toString()).isEmpty();
        assertThat(api.post("/api/returns/" + id + "/repair-check", """
                {"passed":false}""").status()).as("a failed check says why").isEqualTo(400);
        JsonNode failed = api.post("/api/returns/" + id + "/repair-check", """
                {"passed":false,"notes":"试机仍漏水"}""").body();
        assertThat(failed.path("status").asString()).isEqualTo("IN_REPAIR");
        assertThat(failed.path("rulings").findValuesAsString("rule")).contains("REPAIR_CHECK_FAILED");
        api.post("/api/returns/" + id + "/repaired", "");
        assertThat(api.post("/api/returns/" + id + "/repair-check", """
                {"passed":true,"notes":"试机正常"}""").body().path("repairCheck").path("passed").asBoolean()).isTrue();
        ApiClient.Response ready = api.post("/api/returns/" + id + "/ready-for-pickup", "");
        assertThat(ready.body().path("pickup").path("noticesSent").asInt()).isEqualTo(1);

        Instant readyAt = Instant.parse(ready.body().path("pickup").path("readyAt").asString());
        followUps.runAt(readyAt.plus(Duration.ofDays(3)).plusSeconds(1));
        followUps.runAt(readyAt.plus(Duration.ofDays(3)).plusSeconds(2));
        followUps.runAt(readyAt.plus(Duration.ofDays(6)).plusSeconds(2));
        assertThat(api.get("/api/returns/" + id).body().path("status").asString()).isEqualTo("READY_FOR_PICKUP");
        followUps.runAt(readyAt.plus(Duration.ofDays(9)).plusSeconds(3));

        // Not posted by itself: the store gets a posting task and records carrier and tracking number.
        JsonNode awaiting = api.get("/api/returns/" + id).body();
        assertThat(awaiting.path("status").asString()).isEqualTo("AWAITING_POSTING");
        assertThat(awaiting.path("rulings").findValuesAsString("rule")).contains("PICKUP_NOT_COLLECTED_POST");
        ApiClient.Response noCarrier = api.post("/api/returns/" + id + "/ship-back", "{}");
        assertThat(noCarrier.status()).isEqualTo(400);
        assertThat(noCarrier.body().path("errors").get(0).path("field").asString()).isEqualTo("carrier");

        // The customer phones with a reason: posting called off, no notice before the agreed day.
        ApiClient.Response tooFar = api.post("/api/returns/" + id + "/pickup-hold", """
                {"reason":"出差","until":"%s"}""".formatted(LocalDate.now().plusDays(60)));
        assertThat(tooFar.status()).isEqualTo(400);
        assertThat(tooFar.body().path("errors").get(0).path("field").asString()).isEqualTo("until");
        LocalDate until = LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")).plusDays(5);
        JsonNode held = api.post("/api/returns/" + id + "/pickup-hold", """
                {"reason":"在外地出差，下周回来自己取","until":"%s"}""".formatted(until)).body();
        assertThat(held.path("status").asString()).isEqualTo("READY_FOR_PICKUP");
        assertThat(held.path("pickup").path("hold").path("reason").asString()).isEqualTo("在外地出差，下周回来自己取");
        Instant holdEnds = Instant.parse(held.path("pickup").path("hold").path("endsAt").asString());
        followUps.runAt(holdEnds.minusSeconds(60));
        assertThat(api.get("/api/returns/" + id).body().path("pickup").path("noticesSent").asInt()).isEqualTo(3);
        followUps.runAt(holdEnds.plusSeconds(1));
        assertThat(api.get("/api/returns/" + id).body().path("pickup").path("noticesSent").asInt()).as("one notice when the hold ends")
                .isEqualTo(4);
        followUps.runAt(holdEnds.plus(Duration.ofDays(3)).plusSeconds(2));
        assertThat(api.get("/api/returns/" + id).body().path("status").asString()).isEqualTo("AWAITING_POSTING");

        JsonNode after = api.post("/api/returns/" + id + "/ship-back", """
                {"carrier":"SF Express","trackingNumber":"SF1234567890"}""").body();
        assertThat(after.path("status").asString()).isEqualTo("SHIPPED_BACK");
        assertThat(after.path("shipBack").path("reason").asString()).isEqualTo("NOT_COLLECTED_AFTER_NOTICES");
        List<EventEnvelope<?>> events = events(id, 22);
        assertThat(events.stream().filter(e -> e.type().equals(ReturnsEvents.PICKUP_REMINDER_SENT))
                .map(e -> e.dataAs(ReturnsEvents.PICKUP_REMINDER_SENT)).map(PickupReminderSent::noticeNumber)).containsExactly(2, 3, 4);
        assertThat(events.stream().filter(e -> e.type().equals(ReturnsEvents.RETURN_FOLLOW_UP_DUE))
                .map(e -> e.dataAs(ReturnsEvents.RETURN_FOLLOW_UP_DUE).reason())).containsExactly("POSTING_DUE", "POSTING_DUE");
        assertThat(events.stream().filter(e -> e.type().equals(ReturnsEvents.UNIT_SHIPPED_BACK))
                .map(e -> e.dataAs(ReturnsEvents.UNIT_SHIPPED_BACK))).singleElement()
                .satisfies(u -> {
                    assertThat(u.reason()).isEqualTo("NOT_COLLECTED_AFTER_NOTICES");
                    assertThat(u.carrier()).isEqualTo("SF Express");
                });
        assertThat(events.get(events.size() - 1).dataAs(ReturnsEvents.RETURN_STATUS_CHANGED).toStatus()).isEqualTo("SHIPPED_BACK");
    }

    @Test
    void returnsNotProcessedInFiveDaysWarnAndAfterThirtyDaysEscalateOnce() {
        String id = id(create(registered("KETTLE", 10), true));
        ApiClient.Response received = api.post("/api/returns/" + id + "/receipt", """
                {"condition":"ok","receivedBy":"clerk"}""");
        Instant at = Instant.now();

        followUps.runAt(at.plus(Duration.ofDays(5)).plusSeconds(60));
        followUps.runAt(at.plus(Duration.ofDays(6)));
        followUps.runAt(at.plus(Duration.ofDays(31)));
        followUps.runAt(at.plus(Duration.ofDays(32)));

        assertThat(received.status()).isEqualTo(200);
        List<ReturnAgeingAlert> alerts = events(id, 5).stream().filter(e -> e.type().equals(ReturnsEvents.RETURN_AGEING_ALERT))
                .map(e -> e.dataAs(ReturnsEvents.RETURN_AGEING_ALERT)).toList();
        assertThat(alerts).extracting(ReturnAgeingAlert::level).containsExactly("WARNING", "ESCALATED");
        assertThat(alerts.get(1).status()).isEqualTo("RECEIVED");
        // Counted from the goods' arrival; the escalation names who must act.
        Instant receivedAt = Instant.parse(received.body().path("receipt").path("at").asString());
        assertThat(alerts).allSatisfy(a -> assertThat(a.receivedAt()).isEqualTo(receivedAt));
        assertThat(alerts.get(0).daysSinceArrival()).isEqualTo(5);
        assertThat(alerts.get(0).responsible()).isNull();
        assertThat(alerts.get(1).daysSinceArrival()).isEqualTo(31);
        assertThat(alerts.get(1).responsible()).isEqualTo("returns-manager");
        assertThat(api.get("/api/returns/" + id).body().path("ageingResponsible").asString()).isEqualTo("returns-manager");
    }

    @Test
    void aUnitThatCannotBeRepairedIsEscalatedAndASupervisorSettlesIt() {
        String id = id(create(registered("KETTLE", 40), true));
        api.post("/api/returns/" + id + "/receipt", """
                {"condition":"ok","receivedBy":"clerk"}""");
        api.post("/api/returns/" + id + "/inspection", PASSED_INSPECTION);
        api.post("/api/returns/" + id + "/repair", "");
        assertThat(api.post("/api/returns/" + id + "/settlement", """
                {"outcome":"EXCHANGE","note":"x"}""").status()).as("nothing to settle yet").isEqualTo(409);

        JsonNode escalated = api.post("/api/returns/" + id + "/unrepairable", """
                {"reason":"发热盘烧毁，配件已停产"}""").body();
        assertThat(escalated.path("status").asString()).isEqualTo("SETTLEMENT_PENDING");
        assertThat(escalated.path("settlement").path("escalatedTo").asString()).isEqualTo("service-supervisor");
        assertThat(escalated.path("rulings").findValuesAsString("rule")).contains("UNREPAIRABLE_ESCALATED");
        followUps.runAt(Instant.now().plusSeconds(1));
        assertThat(api.post("/api/returns/" + id + "/settlement", """
                {"outcome":"EXCHANGE","compensation":50,"note":"x"}""").status()).as("compensation only with a return")
                .isEqualTo(400);

        JsonNode settled = api.post("/api/returns/" + id + "/settlement", """
                {"outcome":"EXCHANGE","note":"同型号换新"}""").body();
        assertThat(settled.path("status").asString()).isEqualTo("SETTLED");
        assertThat(settled.path("remedy").asString()).isEqualTo("EXCHANGE");
        assertThat(settled.path("settlement").path("outcome").asString()).isEqualTo("EXCHANGE");
        JsonNode shipped = api.post("/api/returns/" + id + "/exchange-shipment", """
                {"replacementSerialNumber":"KT-NEW-40"}""").body();
        assertThat(shipped.path("status").asString()).isEqualTo("EXCHANGE_SHIPPED");

        List<EventEnvelope<?>> events = events(id, 12);
        assertThat(events.stream().filter(e -> e.type().equals(ReturnsEvents.RETURN_FOLLOW_UP_DUE))
                .map(e -> e.dataAs(ReturnsEvents.RETURN_FOLLOW_UP_DUE).reason())).containsExactly("SETTLEMENT_DUE");
        assertThat(events.stream().filter(e -> e.type().equals(ReturnsEvents.RETURN_STATUS_CHANGED))
                .map(e -> e.dataAs(ReturnsEvents.RETURN_STATUS_CHANGED).toStatus()))
                .containsSubsequence("IN_REPAIR", "SETTLEMENT_PENDING", "SETTLED", "EXCHANGE_SHIPPED");
    }

    @Test
    void ageingCountsFromArrivalSoAStepTakenDoesNotRestartIt() {
        String id = id(create(registered("KETTLE", 11), true));
        api.post("/api/returns/" + id + "/receipt", """
                {"condition":"ok","receivedBy":"clerk"}""");
        Instant at = Instant.now();
        followUps.runAt(at.plus(Duration.ofDays(5)).plusSeconds(60));
        api.post("/api/returns/" + id + "/inspection", PASSED_INSPECTION);
        followUps.runAt(at.plus(Duration.ofDays(6)));
        followUps.runAt(at.plus(Duration.ofDays(30)).plusSeconds(60));

        List<ReturnAgeingAlert> alerts = events(id, 8).stream().filter(e -> e.type().equals(ReturnsEvents.RETURN_AGEING_ALERT))
                .map(e -> e.dataAs(ReturnsEvents.RETURN_AGEING_ALERT)).toList();
        assertThat(alerts).extracting(ReturnAgeingAlert::level).containsExactly("WARNING", "ESCALATED");
        assertThat(alerts.get(1).status()).isEqualTo("INSPECTED");
    }

    @Test
    void outOfStockIsFollowedUpWithinSevenDaysAtTheLatest() {
        String id = id(create(registered("KETTLE", 20), true));
        api.post("/api/returns/" + id + "/receipt", """
                {"condition":"ok","receivedBy":"clerk"}""");
        api.post("/api/returns/" + id + "/inspection", PASSED_INSPECTION);
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));

        ApiClient.Response registered = api.post("/api/returns/" + id + "/out-of-stock", """
                {"expectedArrivalDate":"%s"}""".formatted(today.plusDays(20)));

        assertThat(registered.body().path("status").asString()).isEqualTo("OUT_OF_STOCK");
        assertThat(registered.body().path("outOfStock").path("followUpDueDate").asString()).isEqualTo(today.plusDays(7).toString());
        Instant contactDue = today.plusDays(7).atStartOfDay(ZoneId.of("Asia/Shanghai")).toInstant();
        followUps.runAt(contactDue.minusSeconds(1));
        followUps.runAt(contactDue);
        followUps.runAt(contactDue.plusSeconds(60));
        List<ReturnFollowUpDue> due = events(id, 6).stream().filter(e -> e.type().equals(ReturnsEvents.RETURN_FOLLOW_UP_DUE))
                .map(e -> e.dataAs(ReturnsEvents.RETURN_FOLLOW_UP_DUE)).toList();
        assertThat(due).singleElement().satisfies(d -> {
            assertThat(d.reason()).isEqualTo("OUT_OF_STOCK_CONTACT");
            assertThat(d.dueAt()).isEqualTo(contactDue);
        });
        assertThat(api.post("/api/returns/" + id + "/exchange-shipment", """
                {"replacementSerialNumber":"SN-LATE"}""").body().path("status").asString()).isEqualTo("EXCHANGE_SHIPPED");
    }

    @Test
    void outOfStockIsASequenceConfirmTheDateCallAgainBeforeTheArrivalAndNotifyOnArrival() {
        String id = id(create(registered("KETTLE", 21), true));
        api.post("/api/returns/" + id + "/receipt", """
                {"condition":"ok","receivedBy":"clerk"}""");
        api.post("/api/returns/" + id + "/inspection", PASSED_INSPECTION);
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
        api.post("/api/returns/" + id + "/out-of-stock", """
                {"expectedArrivalDate":"%s"}""".formatted(today.plusDays(20)));

        assertThat(api.post("/api/returns/" + id + "/out-of-stock/contacts", """
                {"outcome":"ARRIVAL_DATE_CONFIRMED"}""").status()).as("a confirmation names the date").isEqualTo(400);
        // The supplier moves the date to in four days: the next call is due the day before it (within the week).
        JsonNode confirmed = api.post("/api/returns/" + id + "/out-of-stock/contacts", """
                {"outcome":"ARRIVAL_DATE_CONFIRMED","expectedArrivalDate":"%s","note":"客户同意等待"}"""
                .formatted(today.plusDays(4))).body();
        assertThat(confirmed.path("outOfStock").path("expectedArrivalDate").asString()).isEqualTo(today.plusDays(4).toString());
        assertThat(confirmed.path("outOfStock").path("followUpDueDate").asString()).isEqualTo(today.plusDays(3).toString());
        assertThat(confirmed.path("outOfStock").path("contacts")).hasSize(1);
        assertThat(confirmed.path("rulings").findValuesAsString("rule")).contains("OUT_OF_STOCK_CONTACT_AGAIN");
        // Nobody answers: the next contact is due again, never later than a week.
        JsonNode notReached = api.post("/api/returns/" + id + "/out-of-stock/contacts", """
                {"outcome":"NOT_REACHED"}""").body();
        assertThat(notReached.path("outOfStock").path("followUpDueDate").asString()).isEqualTo(today.plusDays(3).toString());

        JsonNode arrived = api.post("/api/returns/" + id + "/replacement-arrival", "").body();
        assertThat(arrived.path("outOfStock").path("arrivedAt").isNull()).isFalse();
        assertThat(arrived.path("rulings").findValuesAsString("rule")).contains("OUT_OF_STOCK_ARRIVED_NOTIFY");
        assertThat(api.post("/api/returns/" + id + "/replacement-arrival", "").status()).isEqualTo(409);
        assertThat(api.post("/api/returns/" + id + "/out-of-stock/contacts", """
                {"outcome":"STILL_ON_ORDER"}""").status()).isEqualTo(409);
        // No contact is due any more.
        followUps.runAt(today.plusDays(30).atStartOfDay(ZoneId.of("Asia/Shanghai")).toInstant());
        List<EventEnvelope<?>> events = events(id, 8);
        assertThat(events.stream().filter(e -> e.type().equals(ReturnsEvents.REPLACEMENT_ARRIVED))
                .map(e -> e.dataAs(ReturnsEvents.REPLACEMENT_ARRIVED))).singleElement()
                .satisfies(a -> assertThat(a.model()).isNotBlank());
        assertThat(events.stream().filter(e -> e.type().equals(ReturnsEvents.RETURN_FOLLOW_UP_DUE))).isEmpty();
        assertThat(api.post("/api/returns/" + id + "/exchange-shipment", """
                {"replacementSerialNumber":"SN-ARRIVED"}""").body().path("status").asString()).isEqualTo("EXCHANGE_SHIPPED");
    }

    @Test
    void aDealersLargeItemWaitsForPhotoApprovalAndAnApprovalNotGivenInTimeIsFollowedUp() {
        String approved = api.post("/api/returns", """
                {"facts":{"serialNumber":"%s","channel":"DEALER","qualityFaultClaimed":false},"reason":"overstock"}"""
                .formatted(registered("AIR_CONDITIONER", 120))).body().path("id").asString();
        ApiClient.Response waiting = api.post("/api/returns", """
                {"facts":{"serialNumber":"%s","channel":"DEALER","qualityFaultClaimed":false},"reason":"overstock"}"""
                .formatted(registered("AIR_CONDITIONER", 10)));
        String overdue = id(waiting);
        assertThat(waiting.body().path("status").asString()).isEqualTo("REQUESTED");
        assertThat(waiting.body().path("decision").path("dealer").path("creditPercent").asInt()).isEqualTo(100);

        ApiClient.Response decided = api.post("/api/returns/" + approved + "/photo-approval", """
                {"approved":true,"approver":"wh-zhao"}""");
        assertThat(decided.body().path("status").asString()).isEqualTo("AUTHORIZED");
        assertThat(decided.body().path("decision").path("dealer").path("creditPercent").asInt()).isEqualTo(80);
        assertThat(api.post("/api/returns/" + approved + "/photo-approval", """
                {"approved":false,"approver":"wh-zhao"}""").status()).isEqualTo(409);
        List<ReturnDecided> decisions = events(approved, 3).stream().filter(e -> e.type().equals(ReturnsEvents.RETURN_DECIDED))
                .map(e -> e.dataAs(ReturnsEvents.RETURN_DECIDED)).toList();
        assertThat(decisions).extracting(ReturnDecided::status).containsExactly("REQUESTED", "AUTHORIZED");
        assertThat(decisions.get(0).photoApprovalRequired()).isTrue();
        assertThat(decisions.get(0).creditPercent()).isEqualTo(80);

        Instant due = Instant.parse(waiting.body().path("photoApprovalDueAt").asString());
        followUps.runAt(due.plusSeconds(1));
        assertThat(events(overdue, 3).get(2).dataAs(ReturnsEvents.RETURN_FOLLOW_UP_DUE).reason()).isEqualTo("PHOTO_APPROVAL_OVERDUE");
    }

    private String dealerReturn(String category, int shippedDaysAgo, String dealerFacts) {
        return id(api.post("/api/returns", """
                {"facts":{"serialNumber":"%s","channel":"DEALER","qualityFaultClaimed":false,"dealer":%s},"reason":"overstock"}"""
                .formatted(registered(category, shippedDaysAgo), dealerFacts)));
    }

    @Test
    void dealerReturnsApplyExclusionsPhotoOutcomesAndTheRulesOfGoodsArrivingUnapprovedOrDamaged() {
        // An exclusion decides, cited in Chinese for a Chinese reader.
        ApiClient.Response seasonal = api.post("/api/returns", """
                {"facts":{"serialNumber":"%s","channel":"DEALER","qualityFaultClaimed":false,"dealer":{"seasonal":true}}}"""
                .formatted(registered("KETTLE", 10)), Map.of("Accept-Language", "zh-CN"));
        assertThat(seasonal.body().path("status").asString()).as(seasonal.body().toString()).isEqualTo("REJECTED");
        assertThat(seasonal.body().path("decision").path("decidingRule").asString()).isEqualTo("DEALER_EXCLUSION_SEASONAL");
        assertThat(seasonal.body().path("decision").path("explanation").asString()).contains("季节性").doesNotContain("shipped");

        // Photos reviewed: the store keeps the goods with a price adjustment; the amount is required for that outcome.
        String adjusted = dealerReturn("AIR_CONDITIONER", 10, "{\"displaySample\":true,\"unitCost\":2000,\"bagsToReplace\":1}");
        assertThat(api.get("/api/returns/" + adjusted).body().path("decision").path("dealer").path("creditAmount").decimalValue())
                .isEqualByComparingTo("1995.00");
        assertThat(api.post("/api/returns/" + adjusted + "/photo-approval", """
                {"outcome":"PRICE_ADJUSTMENT","approver":"wh-zhao"}""").status()).isEqualTo(400);
        ApiClient.Response kept = api.post("/api/returns/" + adjusted + "/photo-approval", """
                {"outcome":"PRICE_ADJUSTMENT","priceAdjustment":300.00,"approver":"wh-zhao"}""", Map.of("Accept-Language", "zh-CN"));
        assertThat(kept.body().path("status").asString()).isEqualTo("PRICE_ADJUSTED");
        assertThat(kept.body().path("remedy").asString()).isEqualTo("PRICE_ADJUSTMENT");
        assertThat(kept.body().path("rulings").get(0).path("rule").asString()).isEqualTo("DEALER_PHOTO_PRICE_ADJUSTMENT");
        assertThat(kept.body().path("rulings").get(0).path("detail").asString()).contains("折价 300.00 元");
        ReturnDecided keptDecision = events(adjusted, 4).stream().filter(e -> e.type().equals(ReturnsEvents.RETURN_DECIDED))
                .map(e -> e.dataAs(ReturnsEvents.RETURN_DECIDED)).toList().get(1);
        assertThat(keptDecision.decidingRule()).isEqualTo("DEALER_PHOTO_PRICE_ADJUSTMENT");
        assertThat(keptDecision.status()).isEqualTo("PRICE_ADJUSTED");

        // Goods that arrive before approval without a signature go back at the customer's freight.
        String unsigned = dealerReturn("AIR_CONDITIONER", 10, "{}");
        ApiClient.Response sentBack = api.post("/api/returns/" + unsigned + "/receipt", """
                {"condition":"arrived unannounced","carrier":"SF","trackingNumber":"SF-BACK-1"}""");
        assertThat(sentBack.body().path("status").asString()).isEqualTo("SHIPPED_BACK");
        assertThat(sentBack.body().path("freightPayer").asString()).isEqualTo("CUSTOMER");
        assertThat(sentBack.body().path("freightRule").asString()).isEqualTo("DEALER_UNAPPROVED_RETURN_SENT_BACK");
        assertThat(types(unsigned, 5)).containsSubsequence("aftersales.return.decided.v1", "aftersales.return.unit-shipped-back.v1",
                "aftersales.return.status-changed.v1");

        // With the purchasing manager's signature they are received and credited on the shipment-date terms (80 % here).
        String signed = dealerReturn("AIR_CONDITIONER", 120, "{}");
        ApiClient.Response received = api.post("/api/returns/" + signed + "/receipt", """
                {"condition":"ok","purchasingManager":"采购经理 钱"}""");
        assertThat(received.body().path("status").asString()).isEqualTo("RECEIVED");
        assertThat(received.body().path("receipt").path("rule").asString()).isEqualTo("DEALER_UNAPPROVED_RETURN_SIGNED");
        api.post("/api/returns/" + signed + "/inspection", PASSED_INSPECTION);
        assertThat(api.post("/api/returns/" + signed + "/refund", "{}").body().path("refund").path("creditPercent").asInt())
                .isEqualTo(80);

        // Damaged in transit: refused at receipt, even when authorized.
        String damaged = dealerReturn("KETTLE", 10, "{}");
        ApiClient.Response refused = api.post("/api/returns/" + damaged + "/receipt", """
                {"condition":"carton crushed","damagedInTransit":true}""");
        assertThat(refused.body().path("status").asString()).isEqualTo("REFUSED_AT_RECEIPT");
        assertThat(refused.body().path("rulings").get(0).path("rule").asString()).isEqualTo("DEALER_TRANSIT_DAMAGE_REFUSED");
        assertThat(api.post("/api/returns/" + damaged + "/receipt", """
                {"condition":"again"}""").status()).isEqualTo(409);
    }

    @Test
    void badRequestsAreProblemsAndWriteNothingAndAnIdempotencyKeyReplays() {
        long before = jdbc.sql("select count(*) from return_order").query(Long.class).single();
        assertThat(create("NO-SUCH-SERIAL", true).status()).isEqualTo(404);
        ApiClient.Response invalid = api.post("/api/returns", """
                {"facts":{"qualityFaultClaimed":true},"reason":"x"}""");
        assertThat(invalid.status()).isEqualTo(400);
        assertThat(invalid.body().path("errors").findValuesAsString("field")).contains("facts.serialNumberOrProduct");
        assertThat(api.post("/api/returns", "{}").status()).isEqualTo(400);
        assertThat(api.get("/api/returns/" + UUID.randomUUID()).status()).isEqualTo(404);
        assertThat(api.get("/api/returns/not-a-uuid").status()).isEqualTo(400);
        assertThat(api.post("/api/returns/" + UUID.randomUUID() + "/refund", "{}").status()).isEqualTo(404);
        assertThat(api.get("/api/returns?limit=0").status()).isEqualTo(400);
        assertThat(jdbc.sql("select count(*) from return_order").query(Long.class).single()).isEqualTo(before);

        String serial = registered("KETTLE", 2);
        String body = """
                {"facts":{"serialNumber":"%s","qualityFaultClaimed":false}}""".formatted(serial);
        ApiClient.Response first = api.post("/api/returns", body, Map.of("Idempotency-Key", "ret-" + serial));
        ApiClient.Response replay = api.post("/api/returns", body, Map.of("Idempotency-Key", "ret-" + serial));
        assertThat(replay.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(id(replay)).isEqualTo(id(first));
        assertThat(first.body().path("remedy").asString()).isEqualTo("NO_REASON_RETURN");
        assertThat(jdbc.sql("select count(*) from return_order where serial_number = :s").param("s", serial)
                .query(Long.class).single()).isEqualTo(1);
    }

    private List<EventEnvelope<?>> events(String returnId, int expected) {
        try (KafkaTestClient kafka = KafkaTestClient.onTestBroker()) {
            return kafka.events(Topics.RETURNS, returnId, expected, EVENTS);
        }
    }

    private List<String> types(String returnId, int expected) {
        return events(returnId, expected).stream().map(e -> e.type().type()).toList();
    }

    @Test
    void errorsAskedForInChineseAreInChinese() {
        com.aftersales.testsupport.ChineseProblems.Answer missing = com.aftersales.testsupport.ChineseProblems.request(port,
                "/api/returns/" + java.util.UUID.randomUUID(), null);
        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.body().path("detail").asString()).startsWith("未找到").endsWith("的退换货单");
        assertThat(missing.notChinese()).as(missing.body().toString()).isEmpty();
        com.aftersales.testsupport.ChineseProblems.Answer invalid = com.aftersales.testsupport.ChineseProblems.request(port,
                "/api/returns", "{\"facts\":{}}");
        assertThat(invalid.status()).isEqualTo(400);
        assertThat(invalid.notChinese()).as(invalid.body().toString()).isEmpty();
    }
}
