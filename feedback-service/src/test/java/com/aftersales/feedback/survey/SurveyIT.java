package com.aftersales.feedback.survey;

import com.aftersales.contracts.EventEnvelope;
import com.aftersales.contracts.Topics;
import com.aftersales.contracts.customer.CustomerRegistered;
import com.aftersales.contracts.dispatch.DispatchEvents;
import com.aftersales.contracts.dispatch.VisitCompleted;
import com.aftersales.contracts.feedback.FeedbackEvents;
import com.aftersales.contracts.feedback.SurveyAnswered;
import com.aftersales.contracts.ticket.TicketEvents;
import com.aftersales.contracts.ticket.TicketOpened;
import com.aftersales.contracts.ticket.TicketStatusChanged;
import com.aftersales.feedback.support.Http;
import com.aftersales.testsupport.KafkaTestClient;
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
import java.util.List;
import java.util.UUID;

import static com.aftersales.feedback.support.Events.event;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Surveys from ticket events to answers, with the low-score rule and every refusal. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@WithRealInfrastructure
class SurveyIT {

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;

    /** Publishes a customer and a resolved ticket (resolved twice, plus a completed visit) and waits for its survey. */
    private UUID resolvedTicket(boolean consent) {
        UUID customerId = UUID.randomUUID();
        UUID ticketId = UUID.randomUUID();
        Instant opened = Instant.now().minusSeconds(7200);
        Instant resolved = Instant.now().minus(Duration.ofHours(25));
        try (KafkaTestClient kafka = KafkaTestClient.onTestBroker()) {
            kafka.publish(event("ticket-service", TicketEvents.CUSTOMER_REGISTERED, customerId, new CustomerRegistered(customerId,
                    "王女士", "B", "zh-CN", "+8613800000000", consent, "310104", opened.minusSeconds(60))));
            // Customers are registered long before their tickets are resolved; the test keeps that order.
            await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.sql(
                    "select count(*) from customer_profile where customer_id = :id").param("id", customerId)
                    .query(Long.class).single() == 1);
            kafka.publish(event("ticket-service", TicketEvents.TICKET_OPENED, ticketId, new TicketOpened(ticketId, customerId,
                    "SN-S-1", "KFR-35GW", "REPAIR", "PHONE", "NORMAL", "COOLING", "不制冷", opened)));
            kafka.publish(event("dispatch-service", DispatchEvents.VISIT_COMPLETED, ticketId, new VisitCompleted(UUID.randomUUID(),
                    UUID.randomUUID(), ticketId, UUID.randomUUID(), "COMPLETED", UUID.randomUUID(), 1, "gas leak", "recharged",
                    "COOLING", "E1", "RECHARGE", true, 45, List.of(), "IN_WARRANTY", new BigDecimal("80.00"),
                    BigDecimal.ZERO, "CNY", resolved)));
            for (int i = 0; i < 2; i++) {
                kafka.publish(event("ticket-service", TicketEvents.TICKET_STATUS_CHANGED, ticketId, new TicketStatusChanged(
                        ticketId, "IN_PROGRESS", "RESOLVED", "tech-1", "fixed", resolved)));
            }
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> new Http(port).get("/api/surveys?ticketId=" + ticketId).status() == 200);
        return ticketId;
    }

    @Test
    void onlyTheStatusChangesThatScheduleASurveyTakeTheSurveysInboxMarker() {
        UUID ticketId = UUID.randomUUID();
        Instant now = Instant.now();
        EventEnvelope<TicketStatusChanged> assigned = event("ticket-service", TicketEvents.TICKET_STATUS_CHANGED, ticketId,
                new TicketStatusChanged(ticketId, "OPEN", "ASSIGNED", "dispatch", "technician assigned", now.minusSeconds(60)));
        EventEnvelope<TicketStatusChanged> resolved = event("ticket-service", TicketEvents.TICKET_STATUS_CHANGED, ticketId,
                new TicketStatusChanged(ticketId, "IN_PROGRESS", "RESOLVED", "tech-1", "fixed", now));
        try (KafkaTestClient kafka = KafkaTestClient.onTestBroker()) {
            kafka.publish(event("ticket-service", TicketEvents.TICKET_OPENED, ticketId, new TicketOpened(ticketId,
                    UUID.randomUUID(), "SN-S-9", "KFR-35GW", "REPAIR", "PHONE", "NORMAL", "COOLING", "不制冷", now.minusSeconds(600))));
            kafka.publish(assigned);
            kafka.publish(resolved);
        }
        // The resolution is behind the assignment on the ticket's partition: once its marker is there, both were read.
        await().atMost(Duration.ofSeconds(30)).until(() -> surveysMarker(resolved.id()) == 1);
        assertThat(surveysMarker(assigned.id())).isZero();
    }

    private long surveysMarker(UUID eventId) {
        return jdbc.sql("select count(*) from processed_event where consumer = :consumer and event_id = :id")
                .param("consumer", SurveyTriggerListener.GROUP).param("id", eventId).query(Long.class).single();
    }

    private String token(UUID surveyId) {
        return jdbc.sql("select token from survey where id = :id").param("id", surveyId).query(String.class).single();
    }

    private static String answer(String token, Integer csat, Integer nps) {
        return """
                {"token":"%s","csat":%s,"nps":%s,"comment":"师傅很专业","channel":"SMS_LINK"}""".formatted(token, csat, nps);
    }

    @Test
    void oneSurveyPerResolvedTicketAnsweredOnceWithAComplaintForAVeryLowScore() {
        UUID ticketId = resolvedTicket(true);
        Http http = new Http(port);
        Http.Response survey = http.get("/api/surveys?ticketId=" + ticketId);
        assertThat(survey.body().path("status").asString()).isEqualTo("SCHEDULED");
        assertThat(survey.body().path("decision").asString()).startsWith("SV-SCHEDULE");
        assertThat(survey.body().has("token")).isFalse();
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5)).until(() -> jdbc.sql(
                "select count(*) from survey where ticket_id = :id").param("id", ticketId).query(Long.class).single() == 1);
        UUID surveyId = UUID.fromString(survey.body().path("id").asString());
        String token = token(surveyId);

        Http.Response outOfRange = http.post("/api/surveys/" + surveyId + "/responses", answer(token, 6, 11));
        assertThat(outOfRange.status()).isEqualTo(400);
        assertThat(outOfRange.body().path("type").asString()).isEqualTo("urn:aftersales:problem:validation-failed");
        assertThat(outOfRange.body().path("errors").toString()).contains("csat").contains("nps");

        UUID otherTicket = resolvedTicket(true);
        UUID otherSurvey = UUID.fromString(http.get("/api/surveys?ticketId=" + otherTicket).body().path("id").asString());
        Http.Response wrongToken = http.post("/api/surveys/" + surveyId + "/responses", answer(token(otherSurvey), 5, 10));
        assertThat(wrongToken.status()).isEqualTo(400);
        assertThat(wrongToken.body().path("errors").get(0).path("field").asString()).isEqualTo("token");

        Http.Response noScore = http.post("/api/surveys/" + surveyId + "/responses", answer(token, null, null));
        assertThat(noScore.status()).isEqualTo(400);

        Http.Response answered = http.post("/api/surveys/" + surveyId + "/responses", answer(token, 1, 3));
        assertThat(answered.status()).isEqualTo(201);
        assertThat(answered.body().path("lowScoreRule").asString()).isEqualTo(LowScoreRule.COMPLAINT_RULE);
        String complaintId = answered.body().path("complaintId").asString();
        Http.Response complaint = http.get("/api/complaints/" + complaintId);
        assertThat(complaint.body().path("origin").asString()).isEqualTo("LOW_SURVEY_SCORE");
        assertThat(complaint.body().path("aboutRef").asString()).isEqualTo(ticketId.toString());
        assertThat(complaint.body().path("description").asString()).startsWith(LowScoreRule.COMPLAINT_RULE);

        Http.Response again = http.post("/api/surveys/" + surveyId + "/responses", answer(token, 5, 10));
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.body().path("type").asString()).isEqualTo("urn:aftersales:problem:survey-already-answered");

        try (KafkaTestClient kafka = KafkaTestClient.onTestBroker()) {
            SurveyAnswered event = kafka.events(Topics.FEEDBACK, surveyId.toString(), 1, Duration.ofSeconds(30)).get(0)
                    .dataAs(FeedbackEvents.SURVEY_ANSWERED);
            assertThat(event.csat()).isEqualTo(1);
            assertThat(event.lowScore()).isTrue();
            EventEnvelope<?> opened = kafka.events(Topics.FEEDBACK, complaintId, 1, Duration.ofSeconds(30)).get(0);
            assertThat(opened.type()).isEqualTo(FeedbackEvents.COMPLAINT_OPENED);
        }
    }

    @Test
    void aLowScoreCreatesACallbackTask() {
        UUID ticketId = resolvedTicket(true);
        Http http = new Http(port);
        UUID surveyId = UUID.fromString(http.get("/api/surveys?ticketId=" + ticketId).body().path("id").asString());
        // Resolved 25 h ago with a 24 h delay: the link is due; the sender takes it once.
        JsonNode outbox = http.get("/api/surveys/outbox?limit=500").body();
        JsonNode mine = outbox.valueStream().filter(o -> o.path("surveyId").asString().equals(surveyId.toString()))
                .findFirst().orElseThrow();
        assertThat(mine.path("link").asString()).contains(surveyId.toString()).contains(token(surveyId));
        assertThat(mine.path("phone").asString()).startsWith("+86");
        Http.Response sent = http.post("/api/surveys/" + surveyId + "/sent", "");
        assertThat(sent.status()).isEqualTo(200);
        assertThat(sent.body().path("sentAt").asString()).isNotBlank();
        assertThat(http.get("/api/surveys/outbox?limit=500").body().valueStream()
                .noneMatch(o -> o.path("surveyId").asString().equals(surveyId.toString()))).isTrue();
        Http.Response answered = http.post("/api/surveys/" + surveyId + "/responses", answer(token(surveyId), 2, null));
        assertThat(answered.status()).isEqualTo(201);
        assertThat(answered.body().path("lowScoreAction").asString()).isEqualTo("CALLBACK");
        UUID taskId = UUID.fromString(answered.body().path("callbackTaskId").asString());
        assertThat(jdbc.sql("select reason from follow_up_task where id = :id").param("id", taskId).query(String.class).single())
                .isEqualTo("LOW_SCORE_CALLBACK");
    }

    @Test
    void theCustomerAnswersFromTheLinkWithoutLoggingInOnce() {
        UUID ticketId = resolvedTicket(true);
        Http staff = new Http(port);
        Http customer = staff.as(null);
        UUID surveyId = UUID.fromString(staff.get("/api/surveys?ticketId=" + ticketId).body().path("id").asString());
        String token = token(surveyId);

        Http.Response open = customer.get("/api/survey-links/" + surveyId + "?t=" + token);
        assertThat(open.status()).as(open.raw()).isEqualTo(200);
        assertThat(open.body().path("state").asString()).isEqualTo("OPEN");
        assertThat(open.raw()).doesNotContain(ticketId.toString()).doesNotContain(token);
        UUID otherSurvey = UUID.fromString(staff.get("/api/surveys?ticketId=" + resolvedTicket(true)).body().path("id").asString());
        assertThat(customer.get("/api/survey-links/" + surveyId + "?t=" + token(otherSurvey)).status())
                .as("another survey's token").isEqualTo(404);

        Http.Response answered = customer.post("/api/survey-links/" + surveyId + "/answer", """
                {"token":"%s","csat":4,"nps":9,"comment":"准时上门"}""".formatted(token));
        assertThat(answered.status()).as(answered.raw()).isEqualTo(201);
        assertThat(answered.body().path("state").asString()).isEqualTo("ANSWERED");
        assertThat(staff.get("/api/surveys/" + surveyId).body().path("channel").asString()).isEqualTo("SMS_LINK");
        Http.Response again = customer.post("/api/survey-links/" + surveyId + "/answer", """
                {"token":"%s","csat":1}""".formatted(token));
        assertThat(again.status()).isEqualTo(409);
        assertThat(customer.get("/api/survey-links/" + surveyId + "?t=" + token).body().path("state").asString())
                .isEqualTo("ANSWERED");
    }

    @Test
    void lateAnswersAreRefused() {
        UUID ticketId = resolvedTicket(true);
        Http http = new Http(port);
        UUID surveyId = UUID.fromString(http.get("/api/surveys?ticketId=" + ticketId).body().path("id").asString());
        jdbc.sql("update survey set expires_at = now() - interval '1 minute' where id = :id").param("id", surveyId).update();
        Http.Response late = http.post("/api/surveys/" + surveyId + "/responses", answer(token(surveyId), 5, 10));
        assertThat(late.status()).isEqualTo(410);
        assertThat(late.body().path("type").asString()).isEqualTo("urn:aftersales:problem:survey-expired");
        assertThat(late.body().path("expiresAt").asString()).isNotBlank();
    }

    @Test
    void customersWithoutConsentAreNotSurveyed() {
        UUID ticketId = resolvedTicket(false);
        Http http = new Http(port);
        Http.Response survey = http.get("/api/surveys?ticketId=" + ticketId);
        assertThat(survey.body().path("status").asString()).isEqualTo("SKIPPED");
        assertThat(survey.body().path("decision").asString()).startsWith(SurveyService.SV_NO_CONSENT);
        UUID surveyId = UUID.fromString(survey.body().path("id").asString());
        assertThat(http.post("/api/surveys/" + surveyId + "/responses", answer(token(surveyId), 5, 10)).status()).isEqualTo(409);
        assertThat(http.post("/api/surveys/" + surveyId + "/sent", "").status()).isEqualTo(409);
        assertThat(http.get("/api/surveys/outbox?limit=500").body().valueStream()
                .noneMatch(o -> o.path("surveyId").asString().equals(surveyId.toString()))).isTrue();
        assertThat(http.post("/api/surveys/" + UUID.randomUUID() + "/responses", answer("x", 5, 10)).status()).isEqualTo(404);
    }
}
