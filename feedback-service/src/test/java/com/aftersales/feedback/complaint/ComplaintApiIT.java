package com.aftersales.feedback.complaint;

import com.aftersales.contracts.EventEnvelope;
import com.aftersales.contracts.Topics;
import com.aftersales.contracts.feedback.ComplaintOpened;
import com.aftersales.contracts.feedback.ComplaintResolved;
import com.aftersales.contracts.feedback.FeedbackEvents;
import com.aftersales.feedback.support.Http;
import com.aftersales.testsupport.KafkaTestClient;
import com.aftersales.testsupport.TestIdentity;
import com.aftersales.testsupport.WithRealInfrastructure;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The complaint API through its workflow, with its events and refusals. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@WithRealInfrastructure
class ComplaintApiIT {

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    ComplaintService complaints;

    private Http.Response step(Http http, String id, String body) {
        return http.post("/api/complaints/" + id + "/steps", body);
    }

    @Test
    void aComplaintGoesThroughTheWorkflowAndPublishesItsEvents() {
        Http http = new Http(port);
        String staff = "staff-" + UUID.randomUUID();
        Http.Response opened = http.post("/api/complaints", """
                {"customerId":"%s","channel":"PHONE","aboutType":"STAFF_ATTITUDE","aboutRef":"%s","severity":"HIGH",
                 "description":"服务态度差","recordedBy":"agent-1"}""".formatted(UUID.randomUUID(), staff));
        assertThat(opened.status()).isEqualTo(201);
        String id = opened.body().path("id").asString();
        assertThat(opened.response().headers().firstValue("Location")).contains("/api/complaints/" + id);
        assertThat(opened.body().path("status").asString()).isEqualTo("OPEN");
        Instant openedAt = Instant.parse(opened.body().path("openedAt").asString());
        Instant ackDue = Instant.parse(opened.body().path("acknowledgeDueAt").asString());
        Instant resolveDue = Instant.parse(opened.body().path("resolveDueAt").asString());
        // 2 business hours for HIGH: at least 2 h of wall time, more when it crosses lunch, night or Sunday
        assertThat(Duration.between(openedAt, ackDue)).isGreaterThanOrEqualTo(Duration.ofHours(2));
        assertThat(resolveDue).isAfter(ackDue);

        assertThat(step(http, id, """
                {"to":"RESOLVED","by":"agent-1","resolution":"done"}""").status()).isEqualTo(409);
        assertThat(step(http, id, """
                {"to":"ACKNOWLEDGED","by":"agent-1","note":"感谢您的反馈"}""").status()).isEqualTo(200);
        Http.Response noFacts = step(http, id, """
                {"to":"INVESTIGATING","by":"agent-1"}""");
        assertThat(noFacts.status()).isEqualTo(400);
        assertThat(noFacts.body().path("errors").get(0).path("field").asString()).isEqualTo("facts");
        assertThat(step(http, id, """
                {"to":"INVESTIGATING","by":"supervisor","facts":"call recording confirms the tone"}""").status()).isEqualTo(200);
        assertThat(step(http, id, """
                {"to":"PROPOSED","by":"supervisor","customerRequest":"apology","offer":"apology and a voucher",
                 "compensation":-5}""").status()).isEqualTo(400);
        assertThat(step(http, id, """
                {"to":"PROPOSED","by":"supervisor","customerRequest":"apology","offer":"apology and a voucher",
                 "compensation":100.00,"currency":"CNY"}""").status()).isEqualTo(200);
        assertThat(step(http, id, """
                {"to":"ESCALATED","by":"supervisor","reason":"customer wants more"}""").status()).isEqualTo(200);
        assertThat(step(http, id, """
                {"to":"PROPOSED","by":"manager","customerRequest":"apology","offer":"apology and 200 voucher",
                 "compensation":200.00,"currency":"CNY","expectedVersion":0}""").status()).isEqualTo(409);
        assertThat(step(http, id, """
                {"to":"PROPOSED","by":"manager","customerRequest":"apology","offer":"apology and 200 voucher",
                 "compensation":200.00,"currency":"CNY"}""").status()).isEqualTo(200);
        assertThat(step(http, id, """
                {"to":"RESOLVED","by":"manager","resolution":"apologised in person, voucher sent"}""").status()).isEqualTo(200);
        assertThat(step(http, id, """
                {"to":"CLOSED","by":"manager","customerAccepted":false}""").status()).isEqualTo(400);
        Http.Response closed = step(http, id, """
                {"to":"CLOSED","by":"manager","customerAccepted":true}""");
        assertThat(closed.status()).isEqualTo(200);
        assertThat(closed.body().path("status").asString()).isEqualTo("CLOSED");
        List<String> history = closed.body().path("steps").valueStream().map(s -> s.path("status").asString()).toList();
        assertThat(history).containsExactly("OPEN", "ACKNOWLEDGED", "INVESTIGATING", "PROPOSED", "ESCALATED", "PROPOSED",
                "RESOLVED", "CLOSED");

        JsonNode againstStaff = http.get("/api/complaints?aboutType=STAFF_ATTITUDE&aboutRef=" + staff).body();
        assertThat(againstStaff).hasSize(1);

        try (KafkaTestClient kafka = KafkaTestClient.onTestBroker()) {
            List<EventEnvelope<?>> events = kafka.events(Topics.FEEDBACK, id, 3, Duration.ofSeconds(30));
            assertThat(events).extracting(e -> e.type().type()).containsExactly("aftersales.complaint.opened.v1",
                    "aftersales.complaint.escalated.v1", "aftersales.complaint.resolved.v1");
            ComplaintResolved resolved = events.get(2).dataAs(FeedbackEvents.COMPLAINT_RESOLVED);
            assertThat(resolved.compensationAmount()).isEqualByComparingTo("200.00");
        }
    }

    @Test
    void anOverdueComplaintIsEscalatedOnceByTheSlaRule() {
        Http http = new Http(port);
        String id = http.post("/api/complaints", """
                {"customerId":"%s","channel":"WECHAT","aboutType":"PRODUCT","aboutRef":"KFR-35GW","severity":"CRITICAL",
                 "description":"漏水","recordedBy":"agent-1"}""".formatted(UUID.randomUUID())).body().path("id").asString();
        assertThat(http.post("/api/complaints/" + id + "/steps", """
                {"to":"ACKNOWLEDGED","by":"agent-1"}""").status()).isEqualTo(200);
        jdbc.sql("update complaint set resolve_due_at = now() - interval '1 minute' where id = :id")
                .param("id", UUID.fromString(id)).update();
        assertThat(complaints.escalateOverdue(1000)).contains(UUID.fromString(id));
        assertThat(complaints.escalateOverdue(1000)).doesNotContain(UUID.fromString(id));
        JsonNode escalated = http.get("/api/complaints/" + id).body();
        assertThat(escalated.path("status").asString()).isEqualTo("ESCALATED");
        assertThat(escalated.path("resolveOverdue").asBoolean()).isTrue();
        JsonNode last = escalated.path("steps").get(escalated.path("steps").size() - 1);
        assertThat(last.path("details").path("reason").asString()).startsWith("CP-SLA-BREACH").contains("CRITICAL");
        try (KafkaTestClient kafka = KafkaTestClient.onTestBroker()) {
            assertThat(kafka.events(Topics.FEEDBACK, id, 2, Duration.ofSeconds(30))).extracting(e -> e.type().type())
                    .containsExactly("aftersales.complaint.opened.v1", "aftersales.complaint.escalated.v1");
        }

        String unacknowledged = http.post("/api/complaints", """
                {"customerId":"%s","channel":"PHONE","aboutType":"STORE","aboutRef":"S-9","severity":"LOW",
                 "description":"没人理","recordedBy":"agent-1"}""".formatted(UUID.randomUUID())).body().path("id").asString();
        jdbc.sql("update complaint set acknowledge_due_at = now() - interval '1 minute' where id = :id")
                .param("id", UUID.fromString(unacknowledged)).update();
        assertThat(complaints.escalateOverdue(1000)).contains(UUID.fromString(unacknowledged));
        JsonNode ackBreach = http.get("/api/complaints/" + unacknowledged).body();
        assertThat(ackBreach.path("status").asString()).isEqualTo("ESCALATED");
        assertThat(ackBreach.path("acknowledgeOverdue").asBoolean()).isFalse();
        assertThat(ackBreach.path("steps").get(1).path("details").path("reason").asString()).startsWith("CP-SLA-ACK-BREACH");
    }

    @Test
    void badComplaintsAreProblems() {
        Http http = new Http(port);
        Http.Response missing = http.post("/api/complaints", """
                {"channel":"CARRIER_PIGEON","severity":"HIGH"}""");
        assertThat(missing.status()).isEqualTo(400);
        Http.Response noPerson = http.post("/api/complaints", """
                {"customerId":"%s","channel":"STORE","aboutType":"STAFF_ATTITUDE","severity":"LOW",
                 "description":"rude","recordedBy":"agent-1"}""".formatted(UUID.randomUUID()));
        assertThat(noPerson.status()).isEqualTo(400);
        assertThat(noPerson.body().path("errors").get(0).path("field").asString()).isEqualTo("aboutRef");
        assertThat(http.get("/api/complaints/" + UUID.randomUUID()).status()).isEqualTo(404);
        assertThat(step(http, UUID.randomUUID().toString(), """
                {"to":"ACKNOWLEDGED","by":"x"}""").status()).isEqualTo(404);
        assertThat(http.get("/api/complaints?status=NOPE").status()).isEqualTo(400);
    }

    @Test
    void aStoreLinksAComplaintOnlyToItsOwnStoresTicketOfThatCustomer() {
        UUID customer = UUID.randomUUID();
        UUID ours = ticketOpened(customer, TestIdentity.STORE_CODE);
        UUID theirs = ticketOpened(customer, "SH-PD-404");
        Http store = new Http(port).as(TestIdentity.STORE);
        String body = """
                {"customerId":"%s","ticketId":"%s","channel":"STORE","aboutType":"TICKET","aboutRef":"%s","severity":"HIGH",
                 "description":"维修拖延","recordedBy":"clerk-1"}""";

        Http.Response unknown = store.post("/api/complaints", body.formatted(customer, UUID.randomUUID(), UUID.randomUUID()));
        for (String attempt : new String[]{body.formatted(customer, theirs, theirs), body.formatted(customer, ours, theirs),
                body.formatted(UUID.randomUUID(), ours, ours)}) {
            Http.Response refused = store.post("/api/complaints", attempt);
            assertThat(refused.status()).as(refused.raw()).isEqualTo(404);
            assertThat(refused.body().path("type").asString()).isEqualTo(unknown.body().path("type").asString());
        }
        assertThat(jdbc.sql("select count(*) from complaint where ticket_id = :t").param("t", theirs).query(Long.class)
                .single()).isZero();

        Http.Response linked = store.post("/api/complaints", body.formatted(customer, ours, ours));
        assertThat(linked.status()).as(linked.raw()).isEqualTo(201);
        ComplaintOpened opened = (ComplaintOpened) awaitOpened(linked.body().path("id").asString()).data();
        assertThat(opened.openedByStore()).isEqualTo(TestIdentity.STORE_CODE);
        // an agent is not limited to a store
        assertThat(new Http(port).post("/api/complaints", body.formatted(customer, theirs, theirs)).status()).isEqualTo(201);
    }

    private static EventEnvelope<?> awaitOpened(String complaintId) {
        try (KafkaTestClient kafka = KafkaTestClient.onTestBroker()) {
            return kafka.events(Topics.FEEDBACK, complaintId, 1, Duration.ofSeconds(30)).stream()
                    .filter(e -> e.data() instanceof ComplaintOpened).findFirst().orElseThrow();
        }
    }

    /** A ticket ticket-service opened for {@code customer}'s unit sold through {@code store}, as its event arrives here. */
    private UUID ticketOpened(UUID customer, String store) {
        UUID ticketId = UUID.randomUUID();
        try (KafkaTestClient kafka = KafkaTestClient.onTestBroker()) {
            kafka.publish(com.aftersales.feedback.support.Events.event("ticket-service",
                    com.aftersales.contracts.ticket.TicketEvents.TICKET_OPENED, ticketId,
                    new com.aftersales.contracts.ticket.TicketOpened(ticketId, customer, "SN-C-1", "KFR-35GW", "REPAIR",
                            "STORE", "NORMAL", "COOLING", "不制冷", Instant.now(), null, null, null, null, null, null, null,
                            null, null, null, null, null, store)));
        }
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.sql(
                        "select count(*) from ticket_journey where ticket_id = :t and store_code = :s")
                .param("t", ticketId).param("s", store).query(Long.class).single() == 1);
        return ticketId;
    }
}
