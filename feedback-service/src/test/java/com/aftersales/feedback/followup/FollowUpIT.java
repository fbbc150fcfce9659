package com.aftersales.feedback.followup;

import com.aftersales.contracts.customer.CustomerRegistered;
import com.aftersales.contracts.ticket.TicketEvents;
import com.aftersales.feedback.support.Http;
import com.aftersales.testsupport.KafkaTestClient;
import com.aftersales.testsupport.WithRealInfrastructure;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static com.aftersales.feedback.support.Events.event;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The tier cadence, callback tasks and contact outcomes. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@WithRealInfrastructure
class FollowUpIT {

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    FollowUpTasks tasks;

    private static String contact(UUID customer, UUID task, String outcome) {
        return """
                {"customerId":"%s",%s"outcome":"%s","channel":"PHONE","notes":"回访","contactedBy":"agent-3"}"""
                .formatted(customer, task == null ? "" : "\"taskId\":\"" + task + "\",", outcome);
    }

    private static List<String> ids(JsonNode due) {
        return due.valueStream().map(d -> d.path("customerId").asString()).toList();
    }

    @Test
    void tiersSetTheCadenceAndOnlyReachingTheCustomerRestartsIt() {
        Instant tenDaysAgo = Instant.now().minus(Duration.ofDays(10));
        UUID a = UUID.randomUUID();
        UUID aUnreached = UUID.randomUUID();
        UUID c = UUID.randomUUID();
        UUID refused = UUID.randomUUID();
        try (KafkaTestClient kafka = KafkaTestClient.onTestBroker()) {
            kafka.publish(event("ticket-service", TicketEvents.CUSTOMER_REGISTERED, a, new CustomerRegistered(a, "张先生", "A",
                    "zh-CN", "+8613900000001", true, "310104", tenDaysAgo)));
            kafka.publish(event("ticket-service", TicketEvents.CUSTOMER_REGISTERED, aUnreached, new CustomerRegistered(aUnreached,
                    "李女士", "A", "zh-CN", "+8613900000002", true, "310104", tenDaysAgo)));
            kafka.publish(event("ticket-service", TicketEvents.CUSTOMER_REGISTERED, c, new CustomerRegistered(c, "赵先生", "C",
                    "zh-CN", "+8613900000003", true, "310104", tenDaysAgo)));
            kafka.publish(event("ticket-service", TicketEvents.CUSTOMER_REGISTERED, refused, new CustomerRegistered(refused,
                    "钱女士", "A", "zh-CN", "+8613900000004", false, "310104", tenDaysAgo)));
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.sql(
                "select count(*) from customer_profile where customer_id in (:ids)").param("ids", List.of(a, aUnreached, c, refused))
                .query(Long.class).single() == 4);

        Http http = new Http(port);
        JsonNode dueA = http.get("/api/follow-ups/due?tier=A&limit=1000").body();
        assertThat(ids(dueA)).contains(a.toString(), aUnreached.toString()).doesNotContain(refused.toString());
        assertThat(dueA.valueStream().filter(d -> d.path("customerId").asString().equals(a.toString())).findFirst().orElseThrow()
                .path("rule").asString()).startsWith("FU-TIER-A");
        assertThat(ids(http.get("/api/follow-ups/due?tier=C&limit=1000").body())).doesNotContain(c.toString());
        assertThat(ids(http.get("/api/follow-ups/due?tier=C&limit=1000&asOf=" + Instant.now().plus(Duration.ofDays(171)))
                .body())).contains(c.toString());

        Http.Response reached = http.post("/api/follow-ups/contacts", contact(a, null, "REACHED"));
        assertThat(reached.status()).isEqualTo(201);
        String location = reached.response().headers().firstValue("Location").orElseThrow();
        assertThat(http.get(location).body().path("outcome").asString()).isEqualTo("REACHED");
        assertThat(http.post("/api/follow-ups/contacts", contact(aUnreached, null, "NO_ANSWER")).status()).isEqualTo(201);
        List<String> after = ids(http.get("/api/follow-ups/due?tier=A&limit=1000").body());
        assertThat(after).doesNotContain(a.toString()).contains(aUnreached.toString());
        assertThat(ids(http.get("/api/follow-ups/due?tier=A&limit=1000&asOf=" + Instant.now().plus(Duration.ofDays(8))).body()))
                .contains(a.toString());
    }

    @Test
    void callbackTasksAreDueUntilTheCustomerIsReached() {
        UUID customer = UUID.randomUUID();
        UUID task = tasks.create(customer, FollowUpTasks.LOW_SCORE_CALLBACK, "survey-" + customer, "SV-LOW-CALLBACK: CSAT 2",
                Instant.now().minusSeconds(60), Instant.now());
        Http http = new Http(port);
        JsonNode due = http.get("/api/follow-ups/due?limit=1000").body();
        assertThat(due.valueStream().anyMatch(d -> d.path("taskId").asString().equals(task.toString())
                && d.path("reason").asString().equals("LOW_SCORE_CALLBACK"))).isTrue();

        Http.Response foreign = http.post("/api/follow-ups/contacts", contact(UUID.randomUUID(), task, "REACHED"));
        assertThat(foreign.status()).isEqualTo(400);
        assertThat(http.post("/api/follow-ups/contacts", contact(customer, task, "NO_ANSWER")).status()).isEqualTo(201);
        assertThat(http.post("/api/follow-ups/contacts", contact(customer, task, "REACHED")).status()).isEqualTo(201);
        assertThat(http.post("/api/follow-ups/contacts", contact(customer, task, "REACHED")).status()).isEqualTo(409);
        assertThat(http.get("/api/follow-ups/due?limit=1000").body().valueStream()
                .noneMatch(d -> d.path("taskId").asString().equals(task.toString()))).isTrue();
        assertThat(http.post("/api/follow-ups/contacts", contact(customer, UUID.randomUUID(), "REACHED")).status()).isEqualTo(404);
        assertThat(http.get("/api/follow-ups/due?tier=Z").status()).isEqualTo(400);
        assertThat(http.post("/api/follow-ups/contacts", """
                {"customerId":"%s","outcome":"MAYBE","channel":"PHONE","contactedBy":"x"}""".formatted(customer)).status())
                .isEqualTo(400);
    }

    private static List<String> keys(JsonNode due) {
        return due.valueStream().map(d -> d.path("taskId").isNull() || d.path("taskId").isMissingNode()
                ? "customer:" + d.path("customerId").asString() : "task:" + d.path("taskId").asString()).toList();
    }

    @Test
    void theDueListIsPagedByTheLinkHeaderAcrossTierAndTaskEntriesDueAtTheSameTime() {
        // Three tier-B customers and two callback tasks all due at the same instant: only the keys order them.
        Instant registered = Instant.parse("2020-01-01T00:00:00Z").plusSeconds(Math.floorMod(UUID.randomUUID().hashCode(), 86_400));
        Instant dueAt = registered.plus(Duration.ofDays(30));
        List<UUID> customers = List.of(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID());
        try (KafkaTestClient kafka = KafkaTestClient.onTestBroker()) {
            for (UUID customer : customers) {
                kafka.publish(event("ticket-service", TicketEvents.CUSTOMER_REGISTERED, customer, new CustomerRegistered(customer,
                        "孙先生", "B", "zh-CN", "+8613900000009", true, "310104", registered)));
            }
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.sql(
                "select count(*) from customer_profile where customer_id in (:ids)").param("ids", customers)
                .query(Long.class).single() == 3);
        for (int i = 0; i < 2; i++) {
            UUID customer = UUID.randomUUID();
            tasks.create(customer, FollowUpTasks.LOW_SCORE_CALLBACK, "paging-" + customer, "SV-LOW-CALLBACK: CSAT 1", dueAt,
                    registered);
        }

        Http http = new Http(port);
        String query = "/api/follow-ups/due?asOf=" + dueAt.plusSeconds(1);
        List<String> inOnePage = keys(http.get(query + "&pageSize=1000").body());
        List<String> walked = new java.util.ArrayList<>();
        String next = query + "&pageSize=2";
        while (next != null) {
            Http.Response page = http.get(next);
            assertThat(page.status()).as(page.raw()).isEqualTo(200);
            assertThat(page.body().size()).isBetween(1, 2);
            walked.addAll(keys(page.body()));
            next = com.aftersales.testsupport.NextLink.of(page.response().headers()).orElse(null);
        }
        assertThat(walked).doesNotHaveDuplicates().containsExactlyElementsOf(inOnePage);
        assertThat(walked.stream().filter(k -> customers.stream().anyMatch(c -> k.equals("customer:" + c))).count())
                .isEqualTo(3);
        assertThat(walked.stream().filter(k -> k.startsWith("task:")).count()).isGreaterThanOrEqualTo(2);

        Http.Response malformed = http.get(query + "&pageToken=Zm9v");
        assertThat(malformed.status()).isEqualTo(400);
        assertThat(malformed.body().path("errors").get(0).path("field").asString()).isEqualTo("pageToken");
    }
}
