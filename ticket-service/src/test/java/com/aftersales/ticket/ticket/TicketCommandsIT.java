package com.aftersales.ticket.ticket;

import com.aftersales.platform.web.paging.PagingProperties;
import com.aftersales.testsupport.NextLink;
import com.aftersales.contracts.EventEnvelope;
import com.aftersales.contracts.Topics;
import com.aftersales.contracts.dispatch.DispatchEvents;
import com.aftersales.contracts.dispatch.TechnicianAssigned;
import com.aftersales.contracts.dispatch.VisitCompleted;
import com.aftersales.contracts.dispatch.VisitStarted;
import com.aftersales.contracts.EventType;
import com.aftersales.contracts.feedback.FeedbackEvents;
import com.aftersales.contracts.feedback.SurveyAnswered;
import com.aftersales.contracts.returns.DepotRepairStatusChanged;
import com.aftersales.contracts.returns.ReturnsEvents;
import com.aftersales.contracts.ticket.TicketChargeBasisCommunicated;
import com.aftersales.contracts.ticket.TicketEvents;
import com.aftersales.contracts.ticket.TicketOpened;
import com.aftersales.testsupport.KafkaTestClient;
import com.aftersales.testsupport.TestIdentity;
import com.aftersales.testsupport.WithRealInfrastructure;
import com.aftersales.ticket.TestApi;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Ticket commands, entitlement, charge basis, optimistic locking, search and dispatch-driven status, end to end in the service. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@WithRealInfrastructure
class TicketCommandsIT {

    private static final String MODEL = "KFR-72LW";

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    private TestApi api;
    private String customerId;

    @BeforeEach
    void customer() throws Exception {
        api = new TestApi(port);
        customerId = api.registerCustomer("孙丽", "136" + String.format("%08d", System.nanoTime() % 100_000_000), "A");
    }

    private String openTicket(LocalDate purchaseDate, String channel) throws Exception {
        String serial = "MIDEA-" + System.nanoTime();
        api.registerProduct(customerId, serial, MODEL, purchaseDate, true);
        HttpResponse<String> created = api.post("/api/tickets",
                TestApi.ticketBody(customerId, serial, MODEL, channel, "柜机显示 E1，吹热风"), Map.of());
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return api.read(created).path("id").asString();
    }

    private HttpResponse<String> command(String id, String path, String body, String ifMatch) throws Exception {
        return api.post("/api/tickets/" + id + path, body, ifMatch == null ? Map.of() : Map.of("If-Match", ifMatch));
    }

    @Test
    void outOfWarrantyWorkWaitsForTheChargeBasisWhichIsPublished() throws Exception {
        String id = openTicket(LocalDate.now().minusYears(3), "PHONE");
        JsonNode ticket = api.getJson("/api/tickets/" + id);
        assertThat(ticket.path("entitlement").path("status").asString()).isEqualTo("OUT_OF_WARRANTY");
        assertThat(ticket.path("entitlement").path("rule").asString()).isEqualTo("warranty-expired");
        assertThat(ticket.path("chargeBasis").path("required").asBoolean()).isTrue();
        TicketOpened opened = TestApi.awaitEvent(Topics.TICKETS, id, TicketEvents.TICKET_OPENED.type()).dataAs(TicketEvents.TICKET_OPENED);
        assertThat(opened.entitlement()).isEqualTo("OUT_OF_WARRANTY");
        assertThat(opened.chargeBasisCommunicated()).isFalse();

        HttpResponse<String> early = command(id, "/transitions", "{\"status\":\"TRIAGED\",\"reason\":\"diagnosed on the phone\"}", null);
        assertThat(early.statusCode()).as(early.body()).isEqualTo(200);
        HttpResponse<String> refused = command(id, "/transitions", "{\"status\":\"AWAITING_TECHNICIAN\",\"reason\":\"send someone\"}", null);
        assertThat(refused.statusCode()).isEqualTo(409);
        assertThat(api.read(refused).path("type").asString()).isEqualTo("urn:aftersales:problem:ticket-rule-violated");
        assertThat(api.read(refused).path("rule").asString()).isEqualTo("charge-basis-before-dispatch");

        HttpResponse<String> told = command(id, "/charge-basis", "{\"note\":\"上门费 50 元，配件按价目表\"}", null);
        assertThat(told.statusCode()).as(told.body()).isEqualTo(200);
        assertThat(api.read(told).path("chargeBasis").path("communicated").asBoolean()).isTrue();
        TicketChargeBasisCommunicated event = TestApi.awaitEvent(Topics.TICKETS, id,
                TicketEvents.TICKET_CHARGE_BASIS_COMMUNICATED.type()).dataAs(TicketEvents.TICKET_CHARGE_BASIS_COMMUNICATED);
        assertThat(event.communicatedBy()).isEqualTo("agent:" + TestIdentity.AGENT.subject());
        assertThat(command(id, "/charge-basis", "{}", null).statusCode()).isEqualTo(409);

        HttpResponse<String> dispatched = command(id, "/transitions", "{\"status\":\"AWAITING_TECHNICIAN\",\"reason\":\"send someone\"}", null);
        assertThat(dispatched.statusCode()).as(dispatched.body()).isEqualTo(200);
        assertThat(api.read(dispatched).path("status").asString()).isEqualTo("AWAITING_TECHNICIAN");
    }

    @Test
    void illegalTransitionsNameTheAllowedStatesAndStaleVersionsAreRefused() throws Exception {
        String id = openTicket(LocalDate.now().minusMonths(2), "WEB");
        HttpResponse<String> read = api.get("/api/tickets/" + id);
        String etag = read.headers().firstValue("ETag").orElseThrow();
        JsonNode sla = api.read(read).path("sla");
        assertThat(sla.findValuesAsString("clock")).containsExactlyInAnyOrder("FIRST_RESPONSE", "ON_SITE", "ON_SITE_TARGET", "RESOLUTION");
        assertThat(sla.get(0).path("remainingBusinessSeconds").asLong()).isPositive();
        assertThat(sla.findValuesAsString("rule")).contains("tier:A");

        HttpResponse<String> illegal = command(id, "/transitions", "{\"status\":\"CLOSED\",\"reason\":\"?\"}", etag);
        assertThat(illegal.statusCode()).isEqualTo(409);
        JsonNode problem = api.read(illegal);
        assertThat(problem.path("currentStatus").asString()).isIn("OPEN", "AWAITING_TECHNICIAN");
        assertThat(problem.path("allowedStatuses").isArray()).isTrue();

        HttpResponse<String> escalated = command(id, "/escalation", "{\"target\":\"SUPERVISOR\",\"reason\":\"老客户，第三次报修\"}", null);
        assertThat(escalated.statusCode()).as(escalated.body()).isEqualTo(200);
        assertThat(api.read(escalated).path("escalatedTo").asString()).isEqualTo("SUPERVISOR");
        assertThat(api.read(escalated).path("sla").findValues("clock").stream()
                .filter(c -> c.asString().equals("FIRST_RESPONSE")).count()).isEqualTo(1);
        JsonNode firstResponse = findClock(api.read(escalated), "FIRST_RESPONSE");
        assertThat(firstResponse.path("state").asString()).as("an agent action is the first response").isEqualTo("MET");

        // Ending an escalation is a supervisor's call.
        HttpResponse<String> stale = api.as(TestIdentity.SUPERVISOR).post("/api/tickets/" + id + "/escalation/end",
                "{\"reason\":\"done\"}", Map.of("If-Match", etag));
        assertThat(stale.statusCode()).isEqualTo(409);
        assertThat(api.read(stale).path("type").asString()).isEqualTo("urn:aftersales:problem:concurrent-modification");
        assertThat(api.getJson("/api/tickets/" + id).path("escalatedTo").asString()).isEqualTo("SUPERVISOR");

        // two agents amend from the same read: the second is refused, nothing is overwritten
        HttpResponse<String> current = api.get("/api/tickets/" + id);
        String tag = current.headers().firstValue("ETag").orElseThrow();
        HttpResponse<String> agentA = api.patch("/api/tickets/" + id, "{\"priority\":\"HIGH\"}", Map.of("If-Match", tag));
        HttpResponse<String> agentB = api.patch("/api/tickets/" + id, "{\"priority\":\"LOW\",\"faultCode\":\"E9\"}", Map.of("If-Match", tag));
        assertThat(agentA.statusCode()).as(agentA.body()).isEqualTo(200);
        assertThat(agentB.statusCode()).isEqualTo(409);
        JsonNode afterBoth = api.getJson("/api/tickets/" + id);
        assertThat(afterBoth.path("priority").asString()).isEqualTo("HIGH");
        JsonNode onSite = findClock(afterBoth, "ON_SITE");
        assertThat(onSite.path("rule").asString()).as("the new priority's on-site target applies").isEqualTo("priority:HIGH");
        assertThat(onSite.path("targetSeconds").asLong()).isEqualTo(java.time.Duration.ofHours(9).toSeconds());
        assertThat(afterBoth.path("faultCode").asString()).isEqualTo("E1");
        assertThat(api.patch("/api/tickets/" + id, "{\"faultDescription\":\"  \"}", Map.of()).statusCode()).isEqualTo(400);

        HttpResponse<String> invalid = command(id, "/transitions", "{\"status\":\"LOST\"}", null);
        assertThat(invalid.statusCode()).isEqualTo(400);
        assertThat(command(UUID.randomUUID().toString(), "/transitions", "{\"status\":\"TRIAGED\",\"reason\":\"x\"}", null)
                .statusCode()).isEqualTo(404);
    }

    private static JsonNode findClock(JsonNode ticket, String clock) {
        for (JsonNode c : ticket.path("sla")) {
            if (c.path("clock").asString().equals(clock)) {
                return c;
            }
        }
        throw new AssertionError("no clock " + clock);
    }

    @Test
    void unknownCustomersAndUnitsAre404AndSomeoneElsesUnitIs409() throws Exception {
        long before = jdbc.sql("select count(*) from ticket").query(Long.class).single();
        String serial = "HAIER-" + System.nanoTime();
        api.registerProduct(customerId, serial, MODEL, LocalDate.now().minusMonths(1), true);
        String stranger = api.registerCustomer("周杰", "135" + String.format("%08d", System.nanoTime() % 100_000_000), "C");

        HttpResponse<String> unknownCustomer = api.post("/api/tickets",
                TestApi.ticketBody(UUID.randomUUID().toString(), serial, MODEL, "PHONE", "x"), Map.of());
        assertThat(unknownCustomer.statusCode()).isEqualTo(404);
        assertThat(api.read(unknownCustomer).path("resource").asString()).isEqualTo("customer");
        HttpResponse<String> unknownUnit = api.post("/api/tickets",
                TestApi.ticketBody(customerId, "NOPE-1", MODEL, "PHONE", "x"), Map.of());
        assertThat(unknownUnit.statusCode()).isEqualTo(404);
        assertThat(api.read(unknownUnit).path("resource").asString()).isEqualTo("product");
        HttpResponse<String> notTheirs = api.post("/api/tickets", TestApi.ticketBody(stranger, serial, MODEL, "PHONE", "x"), Map.of());
        assertThat(notTheirs.statusCode()).isEqualTo(409);

        assertThat(jdbc.sql("select count(*) from ticket").query(Long.class).single()).isEqualTo(before);
    }

    @Test
    void listsFilterAndPageWithAStableOrder() throws Exception {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            ids.add(openTicket(LocalDate.now().minusMonths(1), "PHONE"));
        }
        List<String> seen = new ArrayList<>();
        String token = null;
        do {
            JsonNode page = api.getJson("/api/tickets?customerId=" + customerId + "&pageSize=2"
                    + (token == null ? "" : "&pageToken=" + token));
            assertThat(page.path("items").size()).isLessThanOrEqualTo(2);
            page.path("items").forEach(t -> seen.add(t.path("id").asString()));
            token = page.path("nextPageToken").isNull() || page.path("nextPageToken").isMissingNode()
                    ? null : page.path("nextPageToken").asString();
        } while (token != null);
        List<String> newestFirst = new ArrayList<>(ids);
        java.util.Collections.reverse(newestFirst);
        assertThat(seen).containsExactlyElementsOf(newestFirst);

        // The same walk by the Link rel="next" header (docs/paging.md): the body keeps nextPageToken alongside.
        List<String> linked = new ArrayList<>();
        List<Integer> sizes = new ArrayList<>();
        String next = "/api/tickets?customerId=" + customerId + "&pageSize=2";
        while (next != null) {
            HttpResponse<String> response = api.get(next);
            assertThat(response.statusCode()).isEqualTo(200);
            JsonNode page = api.read(response);
            page.path("items").forEach(t -> linked.add(t.path("id").asString()));
            sizes.add(page.path("items").size());
            next = NextLink.of(response.headers()).orElse(null);
            assertThat(next == null ? null : next.replaceAll(".*pageToken=", ""))
                    .isEqualTo(page.path("nextPageToken").isString() ? page.path("nextPageToken").asString() : null);
        }
        assertThat(linked).containsExactlyElementsOf(newestFirst);
        assertThat(sizes).containsExactly(2, 2, 1);

        assertThat(api.getJson("/api/tickets?customerId=" + customerId + "&model=" + MODEL + "&storeCode=SH-XH-001&type=REPAIR")
                .path("items")).hasSize(5);
        assertThat(api.getJson("/api/tickets?customerId=" + customerId + "&slaState=BREACHED").path("items")).isEmpty();
        assertThat(api.getJson("/api/tickets?customerId=" + customerId + "&createdFrom=" + Instant.now().plusSeconds(3600))
                .path("items")).isEmpty();
        assertThat(api.get("/api/tickets?pageSize=" + (PagingProperties.HARD_MAX_PAGE_SIZE + 1)).statusCode()).isEqualTo(400);
        assertThat(api.get("/api/tickets?pageSize=0").statusCode()).isEqualTo(400);
        HttpResponse<String> badToken = api.get("/api/tickets?pageToken=garbage");
        assertThat(badToken.statusCode()).isEqualTo(400);
        assertThat(api.read(badToken).path("errors").get(0).path("field").asString()).isEqualTo("pageToken");
        assertThat(api.get("/api/tickets?status=NOPE").statusCode()).isEqualTo(400);
    }

    @Test
    void dispatchReportsDriveTheStatusAndFillTheTimeline() throws Exception {
        String id = openTicket(LocalDate.now().minusMonths(1), "PHONE");
        UUID ticketId = UUID.fromString(id);
        UUID jobId = UUID.randomUUID();
        UUID technician = UUID.randomUUID();
        UUID visit = UUID.randomUUID();
        Instant now = Instant.now();
        try (KafkaTestClient kafka = KafkaTestClient.onTestBroker()) {
            kafka.publish(envelope(DispatchEvents.DISPATCH_JOB_QUEUED, ticketId,
                    new com.aftersales.contracts.dispatch.DispatchJobQueued(jobId, ticketId, MODEL, "COOLING", now)));
            kafka.publish(envelope(DispatchEvents.TECHNICIAN_ASSIGNED, ticketId, new TechnicianAssigned(jobId, ticketId,
                    technician, "李师傅", "AUTO", "system", 0.92, "nearest with COOLING skill", now)));
            kafka.publish(envelope(DispatchEvents.VISIT_STARTED, ticketId, new VisitStarted(visit, jobId, ticketId, technician, now)));
            kafka.publish(envelope(DispatchEvents.VISIT_COMPLETED, ticketId, new VisitCompleted(visit, jobId, ticketId,
                    technician, "COMPLETED", UUID.randomUUID(), 1, "冷媒泄漏", "补焊并加注冷媒", "refrigerant_leak", "E1", "REFILL",
                    true, 90, List.of(), "IN_WARRANTY", BigDecimal.TEN, BigDecimal.ZERO, "CNY", now)));
        }

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                assertThat(api.getJson("/api/tickets/" + id).path("status").asString()).isEqualTo("RESOLVED"));
        JsonNode ticket = api.getJson("/api/tickets/" + id);
        assertThat(ticket.path("technicianId").asString()).isEqualTo(technician.toString());
        assertThat(findClock(ticket, "ON_SITE").path("state").asString()).isEqualTo("MET");
        assertThat(findClock(ticket, "RESOLUTION").path("state").asString()).isEqualTo("MET");
        JsonNode timeline = api.getJson("/api/tickets/" + id + "/timeline");
        List<String> statuses = new ArrayList<>();
        timeline.forEach(e -> statuses.add(e.path("toStatus").asString()));
        assertThat(statuses).containsSubsequence("OPEN", "AWAITING_TECHNICIAN", "TECHNICIAN_ASSIGNED", "ON_SITE", "RESOLVED");
        assertThat(timeline.toString()).contains("李师傅", "补焊并加注冷媒");
        assertThat(api.getJson("/api/tickets?technicianId=" + technician).path("items")).hasSize(1);

        // The technician's diagnosis owns the fault category from now on: adopted, recorded, published, in the platform's
        // one spelling of a category (FaultCategories: a category outside the list is kept, written the same way).
        assertThat(ticket.path("faultCategory").asString()).isEqualTo("REFRIGERANT_LEAK");
        assertThat(timeline.toString()).contains("faultCategory COOLING → REFRIGERANT_LEAK", "fault-category-from-diagnosis");
        com.aftersales.contracts.ticket.TicketAmended amended = TestApi.awaitEvent(Topics.TICKETS, id,
                TicketEvents.TICKET_AMENDED.type()).dataAs(TicketEvents.TICKET_AMENDED);
        assertThat(amended.changed()).containsExactly("faultCategory");
        assertThat(amended.faultCategory()).isEqualTo("REFRIGERANT_LEAK");

        // what returns-service and feedback-service report joins the same timeline
        SurveyAnswered survey = new SurveyAnswered(UUID.randomUUID(), ticketId, UUID.fromString(customerId), 5, 10,
                "SMS_LINK", false, Instant.now());
        EventEnvelope<SurveyAnswered> aboutUnknownTicket = new EventEnvelope<>(UUID.randomUUID(),
                URI.create("/aftersales/feedback-service"), FeedbackEvents.SURVEY_ANSWERED, OffsetDateTime.now(ZoneOffset.UTC),
                UUID.randomUUID().toString(), null, new SurveyAnswered(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), 1, 0,
                "WEB", true, Instant.now()));
        try (KafkaTestClient kafka = KafkaTestClient.onTestBroker()) {
            kafka.publish(new EventEnvelope<>(UUID.randomUUID(), URI.create("/aftersales/feedback-service"),
                    FeedbackEvents.SURVEY_ANSWERED, OffsetDateTime.now(ZoneOffset.UTC), survey.surveyId().toString(), null, survey));
            kafka.publish(aboutUnknownTicket);
            UUID notice = UUID.randomUUID();
            kafka.publish(new EventEnvelope<>(UUID.randomUUID(), URI.create("/aftersales/feedback-service"),
                    FeedbackEvents.NOTIFICATION_SENT, OffsetDateTime.now(ZoneOffset.UTC), notice.toString(), null,
                    new com.aftersales.contracts.feedback.NotificationSent(notice, UUID.fromString(customerId), ticketId, null,
                            "APPOINTMENT_CONFIRMED", "SMS", "zh-CN", 2, Instant.now())));
            UUID skipped = UUID.randomUUID();
            kafka.publish(new EventEnvelope<>(UUID.randomUUID(), URI.create("/aftersales/feedback-service"),
                    FeedbackEvents.NOTIFICATION_FAILED, OffsetDateTime.now(ZoneOffset.UTC), skipped.toString(), null,
                    new com.aftersales.contracts.feedback.NotificationFailed(skipped, UUID.fromString(customerId), ticketId, null,
                            "SURVEY_LINK", "SKIPPED", "NT-NO-CONSENT", null, 0, Instant.now())));
            kafka.publish(new EventEnvelope<>(UUID.randomUUID(), URI.create("/aftersales/returns-service"),
                    ReturnsEvents.DEPOT_REPAIR_STATUS_CHANGED, OffsetDateTime.now(ZoneOffset.UTC), id, null,
                    new DepotRepairStatusChanged(UUID.randomUUID(), "SH-DEPOT-01", null, ticketId, "S", MODEL,
                            "AIR_CONDITIONER", "RECEIVED", "外观完好", LocalDate.now().plusDays(7), Instant.now())));
            kafka.publish(new EventEnvelope<>(UUID.randomUUID(), URI.create("/aftersales/returns-service"),
                    ReturnsEvents.DEPOT_REPAIR_PROMISE_AT_RISK, OffsetDateTime.now(ZoneOffset.UTC), id, null,
                    new com.aftersales.contracts.returns.DepotRepairPromiseAtRisk(UUID.randomUUID(), "SH-DEPOT-01", null, ticketId,
                            "WAITING_PARTS", LocalDate.parse("2026-12-10"), 1, Instant.now())));
        }
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            String merged = api.getJson("/api/tickets/" + id + "/timeline").toString();
            assertThat(merged).contains("CSAT 5, NPS 10", "Depot repair RECEIVED at SH-DEPOT-01",
                    "will probably miss its promised date 2026-12-10 (WAITING_PARTS; days left: 1)",
                    "Customer notified: APPOINTMENT_CONFIRMED by SMS", "Customer not notified: SURVEY_LINK SKIPPED by rule NT-NO-CONSENT");
        });
        // the same timeline for a Chinese reader: what other services reported is written in Chinese
        JsonNode chinese = api.getJson("/api/tickets/" + id + "/timeline", "zh-CN");
        assertThat(chinese.toString()).contains("已指派技术员 李师傅", "已通知客户：上门预约确认，渠道 SMS", "未能通知客户：回访问卷链接，未发送",
                "客户已完成回访（SMS_LINK）：满意度 5，推荐意愿 10", "返厂维修状态 RECEIVED，网点 SH-DEPOT-01",
                "可能无法在承诺日 2026-12-10 前完成");
        chinese.forEach(entry -> {
            if (entry.path("actor").asString().matches("system:(dispatch|returns|feedback)-service")) {
                assertThat(com.aftersales.testsupport.ChineseText.englishSentences(entry.path("reason").asString()))
                        .as(entry.toString()).isEmpty();
            }
        });
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(jdbc.sql(
                "select count(*) from processed_event where event_id = :id").param("id", aboutUnknownTicket.id())
                .query(Long.class).single()).as("a report on an unknown ticket is skipped, not dead-lettered").isEqualTo(1));
    }

    @Test
    void aReturnRequestedForTheTicketJoinsItsTimelineAndItsRefundResolvesIt() throws Exception {
        String id = openTicket(LocalDate.now().minusDays(5), "STORE");
        UUID ticketId = UUID.fromString(id);
        UUID returnId = UUID.randomUUID();
        Instant now = Instant.now();
        try (KafkaTestClient kafka = KafkaTestClient.onTestBroker()) {
            kafka.publish(new EventEnvelope<>(UUID.randomUUID(), URI.create("/aftersales/returns-service"),
                    ReturnsEvents.RETURN_DECIDED, OffsetDateTime.now(ZoneOffset.UTC), returnId.toString(), null,
                    new com.aftersales.contracts.returns.ReturnDecided(returnId, "REFUND", "QUALITY_FAULT_REFUND_15_DAYS", "2026.1",
                            "AUTHORIZED", List.of(), "MERCHANT", "QUALITY_FAULT_REFUND_15_DAYS", null, false, null, "day 5 of 15",
                            now, ticketId)));
            kafka.publish(new EventEnvelope<>(UUID.randomUUID(), URI.create("/aftersales/returns-service"),
                    ReturnsEvents.RETURN_STATUS_CHANGED, OffsetDateTime.now(ZoneOffset.UTC), returnId.toString(), null,
                    new com.aftersales.contracts.returns.ReturnStatusChanged(returnId, "INSPECTED", "REFUNDED", "REFUND", now,
                            ticketId)));
        }
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                assertThat(api.getJson("/api/tickets/" + id).path("status").asString()).isEqualTo("RESOLVED_REMOTELY"));
        String timeline = api.getJson("/api/tickets/" + id + "/timeline").toString();
        assertThat(timeline).contains("Return " + returnId + " AUTHORIZED: REFUND by rule QUALITY_FAULT_REFUND_15_DAYS",
                "INSPECTED → REFUNDED", OtherServicesListener.RULE_RETURN_OUTCOME);
    }

    @Test
    void aReturnOrComplaintAStoreLinkedToAnotherStoresTicketDoesNotTouchIt() throws Exception {
        // The ticket's unit was sold through TestIdentity.STORE_CODE; the reports below come from a clerk of another store.
        String id = openTicket(LocalDate.now().minusDays(5), "STORE");
        UUID ticketId = UUID.fromString(id);
        UUID returnId = UUID.randomUUID();
        String otherStore = "SH-PD-404";
        Instant now = Instant.now();
        List<EventEnvelope<?>> foreign = List.of(
                new EventEnvelope<>(UUID.randomUUID(), URI.create("/aftersales/returns-service"),
                        ReturnsEvents.RETURN_STATUS_CHANGED, OffsetDateTime.now(ZoneOffset.UTC), returnId.toString(), null,
                        new com.aftersales.contracts.returns.ReturnStatusChanged(returnId, "INSPECTED", "REFUNDED", "REFUND",
                                now, ticketId, otherStore)),
                new EventEnvelope<>(UUID.randomUUID(), URI.create("/aftersales/feedback-service"),
                        FeedbackEvents.COMPLAINT_OPENED, OffsetDateTime.now(ZoneOffset.UTC), UUID.randomUUID().toString(), null,
                        new com.aftersales.contracts.feedback.ComplaintOpened(UUID.randomUUID(), UUID.fromString(customerId),
                                ticketId, "STORE", "TICKET", id, "HIGH", "CUSTOMER", null, now, otherStore)));
        try (KafkaTestClient kafka = KafkaTestClient.onTestBroker()) {
            foreign.forEach(kafka::publish);
        }
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(jdbc.sql(
                        "select count(*) from processed_event where event_id in (:ids)")
                .param("ids", foreign.stream().map(EventEnvelope::id).toList()).query(Long.class).single()).isEqualTo(2));
        assertThat(api.getJson("/api/tickets/" + id).path("status").asString()).isNotEqualTo("RESOLVED_REMOTELY");
        assertThat(api.getJson("/api/tickets/" + id + "/timeline").toString())
                .doesNotContain(returnId.toString(), "Complaint opened");

        // The same reports from the ticket's own store (or an unscoped role) are followed.
        try (KafkaTestClient kafka = KafkaTestClient.onTestBroker()) {
            kafka.publish(new EventEnvelope<>(UUID.randomUUID(), URI.create("/aftersales/returns-service"),
                    ReturnsEvents.RETURN_STATUS_CHANGED, OffsetDateTime.now(ZoneOffset.UTC), returnId.toString(), null,
                    new com.aftersales.contracts.returns.ReturnStatusChanged(returnId, "INSPECTED", "REFUNDED", "REFUND",
                            now, ticketId, TestIdentity.STORE_CODE)));
        }
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                assertThat(api.getJson("/api/tickets/" + id).path("status").asString()).isEqualTo("RESOLVED_REMOTELY"));
    }

    @Test
    void aSupervisorsRequestDateOnALinkedReturnJoinsTheTimeline() throws Exception {
        String id = openTicket(LocalDate.now().minusDays(20), "STORE");
        UUID returnId = UUID.randomUUID();
        LocalDate today = LocalDate.now(java.time.ZoneId.of("Asia/Shanghai"));
        try (KafkaTestClient kafka = KafkaTestClient.onTestBroker()) {
            kafka.publish(new EventEnvelope<>(UUID.randomUUID(), URI.create("/aftersales/returns-service"),
                    ReturnsEvents.RETURN_REQUESTED, OffsetDateTime.now(ZoneOffset.UTC), returnId.toString(), null,
                    new com.aftersales.contracts.returns.ReturnRequested(returnId, "S", null, null, "AIR_CONDITIONER",
                            "CONSUMER", TestIdentity.STORE_CODE, null, true, "不制冷", today.minusDays(6), Instant.now(),
                            UUID.fromString(id), null, new com.aftersales.contracts.returns.ReturnRequested.RequestDateOverride(
                            "supervisor:zhao", "客户 6 天前已来电报修", today))));
        }
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(
                api.getJson("/api/tickets/" + id + "/timeline").toString())
                .contains("Return " + returnId + " dated " + today.minusDays(6), "supervisor:zhao", "客户 6 天前已来电报修"));
    }

    private static <T> EventEnvelope<T> envelope(EventType<T> type, UUID ticketId, T data) {
        return new EventEnvelope<>(UUID.randomUUID(), URI.create("/aftersales/dispatch-service"), type,
                OffsetDateTime.now(ZoneOffset.UTC), ticketId.toString(), "it-dispatch", data);
    }
}
