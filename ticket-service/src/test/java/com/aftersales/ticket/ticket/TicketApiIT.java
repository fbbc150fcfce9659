package com.aftersales.ticket.ticket;

import com.aftersales.contracts.dispatch.DispatchEvents;
import com.aftersales.contracts.ticket.TicketEvents;
import com.aftersales.contracts.EventEnvelope;
import com.aftersales.contracts.Topics;
import com.aftersales.contracts.dispatch.DispatchJobQueued;
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
import tools.jackson.databind.json.JsonMapper;

import java.util.List;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The ticket API, outbox and event intake on real PostgreSQL and a real Kafka broker. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@WithRealInfrastructure
class TicketApiIT {

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;

    private final HttpClient http = HttpClient.newHttpClient();
    private final JsonMapper json = JsonMapper.builder().build();

    private static final String MODEL = "KFR-35GW/BpR3";
    private TestApi api;
    private String customerId = "7d1f0a52-3c4b-4e5f-9a6b-1c2d3e4f5a6b";

    @BeforeEach
    void registerCustomer() throws Exception {
        api = new TestApi(port);
        customerId = api.registerCustomer("王秀英", "139" + String.format("%08d", System.nanoTime() % 100_000_000), "B");
    }

    /** A registered unit of the test's customer, bought a month ago. */
    private String registeredSerial() throws Exception {
        String serial = "SN" + System.nanoTime();
        api.registerProduct(customerId, serial, MODEL, LocalDate.now().minusMonths(1), true);
        return serial;
    }

    private String body(String serial, String description) {
        return TestApi.ticketBody(customerId, serial, MODEL, "PHONE", description);
    }

    @Test
    void opensATicketAndPublishesTicketOpenedFromTheOutbox() throws Exception {
        String serial = registeredSerial();
        HttpResponse<String> created = post("/api/tickets", body(serial, "空调不制冷，室外机不转 <b>urgent</b>'; drop table ticket;--"),
                Map.of("X-Request-Id", "it-corr-1"));

        assertThat(created.statusCode()).isEqualTo(201);
        JsonNode ticket = json.readTree(created.body());
        String id = ticket.path("id").asString();
        assertThat(created.headers().firstValue("Location")).contains("/api/tickets/" + id);
        assertThat(created.headers().firstValue("X-Request-Id")).contains("it-corr-1");
        assertThat(ticket.path("status").asString()).isEqualTo("OPEN");
        assertThat(ticket.path("priority").asString()).isEqualTo("NORMAL");
        // stored exactly as given, never interpreted
        assertThat(ticket.path("faultDescription").asString()).isEqualTo("空调不制冷，室外机不转 <b>urgent</b>'; drop table ticket;--");

        EventEnvelope<?> event = awaitEvent(Topics.TICKETS, id, TicketEvents.TICKET_OPENED.type());
        TicketOpened opened = event.dataAs(TicketEvents.TICKET_OPENED);
        assertThat(opened.serialNumber()).isEqualTo(serial);
        assertThat(opened.entitlement()).isEqualTo("IN_WARRANTY");
        assertThat(opened.productCategory()).isEqualTo("AIR_CONDITIONER");
        assertThat(opened.batchNumber()).isEqualTo("B2025-07");
        assertThat(opened.customerTier()).isEqualTo("B");
        assertThat(opened.regionCode()).isEqualTo("310115");
        assertThat(opened.latitude()).isEqualTo(31.2044);
        assertThat(opened.faultCode()).isEqualTo("E1");
        assertThat(opened.sla().onSiteDueAt()).isAfter(opened.openedAt());
        assertThat(opened.sla().onSiteTargetAt()).isBefore(opened.sla().onSiteDueAt());
        assertThat(opened.sla().firstResponseDueAt()).as("a phone call is itself the first response").isNull();
        assertThat(event.correlationId()).isEqualTo("it-corr-1");
        assertThat(event.source()).hasToString("/aftersales/ticket-service");
        await().atMost(Duration.ofSeconds(10)).until(() -> jdbc.sql(
                "select count(*) from outbox_event where message_key = :id and published_at is null")
                .param("id", id).query(Long.class).single() == 0);

        JsonNode unit = json.readTree(get("/api/products/" + serial + "?model=" + MODEL.replace("/", "%2F")).body());
        assertThat(unit.get(0).path("serviceHistory").findValuesAsString("ticketId")).containsExactly(id);
    }

    @Test
    void attachmentsAreStoredAsReferencesAndBadOnesAreRefused() throws Exception {
        String serial = registeredSerial();
        String withAttachment = body(serial, "外机异响").replace("\"faultDescription\"",
                "\"attachments\":[{\"url\":\"https://files.example.cn/t/1.jpg\",\"checksum\":\"sha256:9f86d081884c7d65\","
                        + "\"contentType\":\"image/jpeg\"}],\"faultDescription\"");
        HttpResponse<String> created = post("/api/tickets", withAttachment, Map.of());
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        JsonNode stored = json.readTree(get("/api/tickets/" + json.readTree(created.body()).path("id").asString()).body());
        assertThat(stored.path("attachments").get(0).path("url").asString()).isEqualTo("https://files.example.cn/t/1.jpg");
        assertThat(stored.path("attachments").get(0).path("checksum").asString()).isEqualTo("sha256:9f86d081884c7d65");

        HttpResponse<String> bad = post("/api/tickets", withAttachment.replace("https://files.example.cn/t/1.jpg", "javascript:alert(1)"), Map.of());
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(json.readTree(bad.body()).path("errors").get(0).path("field").asString()).isEqualTo("attachments[0].url");
    }

    @Test
    void theSameIdempotencyKeyAndBodyReturnTheSameTicketAndAnotherBodyIs422() throws Exception {
        String key = "key-" + UUID.randomUUID();
        String serial = registeredSerial();
        HttpResponse<String> first = post("/api/tickets", body(serial, "洗衣机漏水"), Map.of("Idempotency-Key", key));
        HttpResponse<String> again = post("/api/tickets", body(serial, "洗衣机漏水"), Map.of("Idempotency-Key", key));
        HttpResponse<String> other = post("/api/tickets", body(serial, "另一个问题"), Map.of("Idempotency-Key", key));

        assertThat(first.statusCode()).isEqualTo(201);
        assertThat(again.statusCode()).isEqualTo(201);
        assertThat(again.headers().firstValue("Idempotent-Replayed")).contains("true");
        assertThat(json.readTree(again.body()).path("id")).isEqualTo(json.readTree(first.body()).path("id"));
        assertThat(again.headers().firstValue("Location")).isEqualTo(first.headers().firstValue("Location"));
        assertThat(jdbc.sql("select count(*) from ticket where serial_number = :s").param("s", serial)
                .query(Long.class).single()).isEqualTo(1);

        assertThat(other.statusCode()).isEqualTo(422);
        assertThat(other.headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v).startsWith("application/problem+json"));
        assertThat(json.readTree(other.body()).path("type").asString()).isEqualTo("urn:aftersales:problem:idempotency-key-reused");
    }

    @Test
    void badRequestsGetProblemDetailsAndWriteNothing() throws Exception {
        long before = jdbc.sql("select count(*) from ticket").query(Long.class).single();

        HttpResponse<String> invalid = post("/api/tickets", """
                {"serialNumber":"","model":"M","ticketType":"REPAIR","channel":"PHONE","faultDescription":"x"}""", Map.of());
        assertThat(invalid.statusCode()).isEqualTo(400);
        JsonNode problem = json.readTree(invalid.body());
        assertThat(problem.path("type").asString()).isEqualTo("urn:aftersales:problem:validation-failed");
        assertThat(problem.path("correlationId").asString()).isNotBlank();
        assertThat(problem.path("errors").findValuesAsString("field")).contains("customerId", "serialNumber");

        HttpResponse<String> badEnum = post("/api/tickets", body("SN1", "x").replace("\"PHONE\"", "\"PIGEON\""), Map.of());
        assertThat(badEnum.statusCode()).isEqualTo(400);
        JsonNode enumProblem = json.readTree(badEnum.body());
        assertThat(enumProblem.path("errors").get(0).path("field").asString()).isEqualTo("channel");
        assertThat(enumProblem.path("errors").get(0).path("message").asString()).contains("PHONE", "STORE");

        HttpResponse<String> malformed = post("/api/tickets", "{\"customerId\":", Map.of());
        assertThat(malformed.statusCode()).isEqualTo(400);
        assertThat(json.readTree(malformed.body()).path("type").asString()).isEqualTo("urn:aftersales:problem:malformed-request");

        HttpResponse<String> tooLong = post("/api/tickets", body("SN1", "长".repeat(4001)), Map.of());
        assertThat(tooLong.statusCode()).isEqualTo(400);

        HttpResponse<String> wrongType = http.send(HttpRequest.newBuilder(uri("/api/tickets"))
                .header("Authorization", TestIdentity.bearer(TestIdentity.AGENT))
                .header("Content-Type", "text/plain").POST(HttpRequest.BodyPublishers.ofString("hello")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(wrongType.statusCode()).isEqualTo(415);
        assertThat(json.readTree(wrongType.body()).path("type").asString()).isEqualTo("urn:aftersales:problem:unsupported-media-type");

        HttpResponse<String> unknown = get("/api/tickets/" + UUID.randomUUID());
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(json.readTree(unknown.body()).path("type").asString()).isEqualTo("urn:aftersales:problem:not-found");

        HttpResponse<String> notAnId = get("/api/tickets/not-a-uuid");
        assertThat(notAnId.statusCode()).isEqualTo(400);
        assertThat(json.readTree(notAnId.body()).path("errors").get(0).path("field").asString()).isEqualTo("id");

        // A path no controller maps is simply not there.
        HttpResponse<String> noRoute = get("/api/nothing-here");
        assertThat(noRoute.statusCode()).isEqualTo(404);
        assertThat(json.readTree(noRoute.body()).path("type").asString()).isEqualTo("urn:aftersales:problem:not-found");
        assertThat(noRoute.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(noRoute.body()).doesNotContain("Exception", "at com.");
        // A mapped path with a method it does not map is a 405 naming the methods it does (never a 403 or 500).
        HttpResponse<String> unlisted = http.send(HttpRequest.newBuilder(uri("/api/tickets/" + UUID.randomUUID()))
                .header("Authorization", TestIdentity.bearer(TestIdentity.AGENT)).DELETE().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(unlisted.statusCode()).isEqualTo(405);
        assertThat(unlisted.headers().firstValue("Allow")).hasValueSatisfying(allow -> assertThat(allow).contains("GET"));
        assertThat(unlisted.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        // Without a token, a path that is not there is still a 401: nothing is told to strangers.
        HttpResponse<String> anonymous = http.send(HttpRequest.newBuilder(uri("/api/nothing-here")).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(anonymous.statusCode()).isEqualTo(401);

        assertThat(jdbc.sql("select count(*) from ticket").query(Long.class).single()).isEqualTo(before);
    }

    @Test
    void aQueuedDispatchJobMovesTheTicketOnceEvenWhenDeliveredTwice() throws Exception {
        HttpResponse<String> created = post("/api/tickets", body(registeredSerial(), "热水器不加热"), Map.of());
        UUID ticketId = UUID.fromString(json.readTree(created.body()).path("id").asString());
        UUID jobId = UUID.randomUUID();
        EventEnvelope<DispatchJobQueued> queued = new EventEnvelope<>(UUID.randomUUID(), URI.create("/aftersales/dispatch-service"),
                DispatchEvents.DISPATCH_JOB_QUEUED, OffsetDateTime.now(ZoneOffset.UTC), ticketId.toString(), "it-corr-2",
                new DispatchJobQueued(jobId, ticketId, "KFR-35GW/BpR3", "COOLING", Instant.now()));
        try (KafkaTestClient kafka = KafkaTestClient.onTestBroker()) {
            kafka.publish(queued);
            kafka.publish(queued);
        }

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                assertThat(json.readTree(get("/api/tickets/" + ticketId).body()).path("status").asString())
                        .isEqualTo("AWAITING_TECHNICIAN"));
        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(5)).untilAsserted(() ->
                assertThat(jdbc.sql("select count(*) from processed_event where event_id = :id").param("id", queued.id())
                        .query(Long.class).single()).isEqualTo(1));
        JsonNode timeline = json.readTree(get("/api/tickets/" + ticketId + "/timeline").body());
        assertThat(timeline).as("opened, its SLA clocks started, awaiting a technician once").hasSize(3);
        assertThat(timeline.get(1).path("kind").asString()).isEqualTo("SLA_STARTED");
        assertThat(timeline.get(1).path("reason").asString()).contains("ON_SITE 24 h in CLOCK_HOURS");
        // The clocks are described as they were written, one part per stored clock.
        List<String> stored = jdbc.sql("select clock from sla_clock where ticket_id = :t").param("t", ticketId)
                .query(String.class).list();
        assertThat(timeline.get(1).path("reason").asString().split("; "))
                .extracting(part -> part.substring(0, part.indexOf(' ')))
                .containsExactlyInAnyOrderElementsOf(stored);
        assertThat(timeline.get(2).path("toStatus").asString()).isEqualTo("AWAITING_TECHNICIAN");
        assertThat(timeline.get(2).path("actor").asString()).isEqualTo("system:dispatch-service");
        EventEnvelope<?> changed = awaitEvent(Topics.TICKETS, ticketId.toString(), TicketEvents.TICKET_STATUS_CHANGED.type());
        assertThat(changed.correlationId()).isEqualTo("it-corr-2");
    }

    private EventEnvelope<?> awaitEvent(String topic, String key, String type) {
        try (KafkaTestClient kafka = KafkaTestClient.onTestBroker()) {
            AtomicReference<EventEnvelope<?>> found = new AtomicReference<>();
            await().atMost(Duration.ofSeconds(20)).until(() -> {
                kafka.events(topic, key, 1, Duration.ofSeconds(20)).stream()
                        .filter(e -> e.type().type().equals(type)).findFirst().ifPresent(found::set);
                return found.get() != null;
            });
            return found.get();
        }
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    private HttpResponse<String> post(String path, String body, Map<String, String> headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/json")
                .header("Authorization", TestIdentity.bearer(TestIdentity.AGENT))
                .POST(HttpRequest.BodyPublishers.ofString(body));
        headers.forEach(request::header);
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(uri(path)).header("Authorization", TestIdentity.bearer(TestIdentity.AGENT))
                .GET().build(), HttpResponse.BodyHandlers.ofString());
    }
}
