package com.aftersales.e2e;

import com.aftersales.contracts.ticket.TicketEvents;
import com.aftersales.contracts.EventEnvelope;
import com.aftersales.contracts.Topics;
import com.aftersales.launcher.DeadLetterReplay;
import com.aftersales.launcher.EmbeddedPlatform;
import com.aftersales.launcher.PlatformOptions;
import com.aftersales.launcher.PlatformService;
import com.aftersales.testsupport.KafkaTestClient;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The thin flow of the foundation through the gateway, with all services, a real Kafka broker and
 * real PostgreSQL running as separate processes, exactly as {@code ./aftersales run} starts them.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ThinFlowE2EIT {

    private static final Duration FLOW_TIMEOUT = Duration.ofSeconds(60);

    @TempDir
    static Path dataDir;
    static PlatformOptions options;
    static EmbeddedPlatform platform;
    static KafkaTestClient kafka;
    static String rememberedTicket;
    /** The customer every scenario's ticket is for; unknown customers and units are refused since issue 3. */
    static String customerId;
    static final String MODEL = "KFR-35GW/BpR3";
    static final List<String> SERIALS = List.of("SN-E2E-1", "SN-E2E-DLT", "SN-E2E-IDEM", "SN-E2E-AFTER");

    private final HttpClient http = HttpClient.newHttpClient();
    private final JsonMapper json = JsonMapper.builder().build();

    @BeforeAll
    static void startPlatform() {
        Path root = Path.of(System.getProperty("aftersales.projectRoot", "../..")).toAbsolutePath().normalize();
        options = PlatformOptions.withFreePorts(root, dataDir);
        platform = EmbeddedPlatform.start(options);
        kafka = new KafkaTestClient(platform.kafkaBootstrapServers());
        registerCustomerAndUnits();
    }

    /** A Shanghai customer with the units the scenarios open tickets for, bought recently (in warranty). */
    static void registerCustomerAndUnits() {
        HttpClient client = HttpClient.newHttpClient();
        JsonMapper mapper = JsonMapper.builder().build();
        try {
            HttpResponse<String> customer = client.send(HttpRequest.newBuilder(URI.create(platform.gatewayUrl() + "/api/customers"))
                    .header("Content-Type", "application/json").header("Idempotency-Key", "e2e-customer")
                    .header("Authorization", bearer())
                    .POST(HttpRequest.BodyPublishers.ofString("""
                            {"name":"钱国栋","phones":["13800138000"],"tier":"B","preferredLanguage":"zh-CN","contactConsent":true,
                             "addresses":[{"label":"家","line":"上海市浦东新区张江路 88 弄 5 号 1202 室","regionCode":"310115",
                                           "latitude":31.2044,"longitude":121.5907}]}""")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(customer.statusCode()).as(customer.body()).isEqualTo(201);
            customerId = mapper.readTree(customer.body()).path("id").asString();
            String purchased = java.time.LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")).minusMonths(1).toString();
            for (String serial : SERIALS) {
                HttpResponse<String> product = client.send(HttpRequest.newBuilder(
                                URI.create(platform.gatewayUrl() + "/api/customers/" + customerId + "/products"))
                        .header("Content-Type", "application/json").header("Idempotency-Key", "e2e-product-" + serial)
                        .header("Authorization", bearer())
                        .POST(HttpRequest.BodyPublishers.ofString("""
                                {"serialNumber":"%s","model":"%s","category":"AIR_CONDITIONER","batchNumber":"2026W10",
                                 "purchaseDate":"%s","storeCode":"SH-PD-012","receiptNumber":"R-%s","priceType":"REGULAR",
                                 "warrantyCardPresent":true}""".formatted(serial, MODEL, purchased, serial))).build(),
                        HttpResponse.BodyHandlers.ofString());
                assertThat(product.statusCode()).as(product.body()).isEqualTo(201);
            }
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @AfterAll
    static void stopPlatform() {
        if (kafka != null) {
            kafka.close();
        }
        if (platform != null) {
            platform.close();
        }
    }

    @Test
    @Order(1)
    void aTicketOpenedAtTheGatewayIsQueuedForATechnicianAndEveryServiceHearsOfIt() throws Exception {
        HttpResponse<String> created = post("/api/tickets", ticket("SN-E2E-1", "空调不制冷，室外机不转"),
                Map.of("X-Request-Id", "e2e-thin-flow", "Idempotency-Key", "e2e-1"));

        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        assertThat(created.headers().firstValue("X-Request-Id")).contains("e2e-thin-flow");
        String id = json.readTree(created.body()).path("id").asString();
        String location = created.headers().firstValue("Location").orElseThrow();
        assertThat(location).endsWith("/api/tickets/" + id);
        rememberedTicket = id;

        await().atMost(FLOW_TIMEOUT).untilAsserted(() ->
                assertThat(getJson("/api/tickets/" + id).path("status").asString()).isEqualTo("AWAITING_TECHNICIAN"));
        JsonNode timeline = getJson("/api/tickets/" + id + "/timeline");
        assertThat(timeline.findValuesAsString("kind")).containsExactly("OPENED", "SLA_STARTED", "STATUS_CHANGED");
        assertThat(timeline.get(1).path("reason").asString()).contains("ON_SITE 24 h in CLOCK_HOURS");
        assertThat(timeline.get(2).path("actor").asString()).isEqualTo("system:dispatch-service");

        JsonNode job = getJson("/api/dispatch/jobs?ticketId=" + id);
        assertThat(job.path("status").asString()).isEqualTo("AWAITING_ASSIGNMENT");
        assertThat(job.path("reason").asString()).startsWith("visit-needed-by-ticket-type");

        List<EventEnvelope<?>> ticketEvents = kafka.events(Topics.TICKETS, id, 2, FLOW_TIMEOUT);
        assertThat(ticketEvents).extracting(e -> e.type().type())
                .containsExactly(TicketEvents.TICKET_OPENED.type(), TicketEvents.TICKET_STATUS_CHANGED.type());
        assertThat(ticketEvents).allSatisfy(e -> assertThat(e.correlationId()).isEqualTo("e2e-thin-flow"));

        await().atMost(FLOW_TIMEOUT).untilAsserted(() -> {
            assertThat(count("returns", "select count(*) from ticket_reference where ticket_id = ?::uuid", id)).isEqualTo(1);
            assertThat(count("feedback", "select count(*) from ticket_journey where ticket_id = ?::uuid and status = 'AWAITING_TECHNICIAN'", id))
                    .isEqualTo(1);
        });
    }

    @Test
    @Order(2)
    void aDuplicateDeliveryOfTicketOpenedCreatesOneJob() {
        ConsumerRecord<String, byte[]> opened = kafka.records(Topics.TICKETS, rememberedTicket, 1, FLOW_TIMEOUT).get(0);

        kafka.send(Topics.TICKETS, opened.key(), opened.value());

        // the redelivered event reaches dispatch-service, which records it was seen and does nothing more
        await().during(Duration.ofSeconds(2)).atMost(FLOW_TIMEOUT).untilAsserted(() -> {
            assertThat(count("dispatch", "select count(*) from dispatch_job where ticket_id = ?::uuid", rememberedTicket)).isEqualTo(1);
            assertThat(kafka.events(Topics.DISPATCH, rememberedTicket, 1, FLOW_TIMEOUT)).hasSize(1);
        });
    }

    @Test
    @Order(3)
    void anEventThatFailsProcessingLandsInTheDeadLetterTopicAndCanBeReplayed() throws Exception {
        execute("dispatch", "alter table dispatch_job rename to dispatch_job_offline");
        String id;
        try {
            HttpResponse<String> created = post("/api/tickets", ticket("SN-E2E-DLT", "洗衣机脱水时异响"), Map.of());
            assertThat(created.statusCode()).isEqualTo(201);
            id = json.readTree(created.body()).path("id").asString();

            List<ConsumerRecord<String, byte[]>> dead = kafka.records(Topics.deadLetterOf(Topics.TICKETS), id, 1, FLOW_TIMEOUT);
            assertThat(dead).hasSize(1);
            assertThat(getJson("/api/tickets/" + id).path("status").asString()).isEqualTo("OPEN");
        } finally {
            execute("dispatch", "alter table dispatch_job_offline rename to dispatch_job");
        }

        int replayed = new DeadLetterReplay(platform.kafkaBootstrapServers()).replay(Topics.TICKETS);

        assertThat(replayed).isGreaterThanOrEqualTo(1);
        String ticketId = id;
        await().atMost(FLOW_TIMEOUT).untilAsserted(() ->
                assertThat(getJson("/api/tickets/" + ticketId).path("status").asString()).isEqualTo("AWAITING_TECHNICIAN"));
        assertThat(count("dispatch", "select count(*) from dispatch_job where ticket_id = ?::uuid", id)).isEqualTo(1);
        assertThat(new DeadLetterReplay(platform.kafkaBootstrapServers()).replay(Topics.TICKETS))
                .as("a second replay finds nothing new").isZero();
    }

    @Test
    @Order(4)
    void badRequestsGetProblemDetailsThroughTheGateway() throws Exception {
        HttpResponse<String> invalid = post("/api/tickets", "{\"model\":\"M\",\"ticketType\":\"REPAIR\"}", Map.of());
        assertThat(invalid.statusCode()).isEqualTo(400);
        assertThat(invalid.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        JsonNode problem = json.readTree(invalid.body());
        assertThat(problem.path("type").asString()).isEqualTo("urn:aftersales:problem:validation-failed");
        assertThat(problem.path("errors").findValuesAsString("field"))
                .contains("customerId", "serialNumber", "channel", "faultDescription");
        assertThat(problem.path("correlationId").asString()).isEqualTo(invalid.headers().firstValue("X-Request-Id").orElseThrow());

        assertThat(problemType(post("/api/tickets", "{not json", Map.of()))).isEqualTo("urn:aftersales:problem:malformed-request");
        HttpResponse<String> wrongMediaType = http.send(HttpRequest.newBuilder(gateway("/api/tickets"))
                .header("Authorization", bearer()).header("Content-Type", "application/xml").POST(HttpRequest.BodyPublishers.ofString("<ticket/>")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(wrongMediaType.statusCode()).isEqualTo(415);
        HttpResponse<String> unknown = get("/api/tickets/" + UUID.randomUUID());
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(problemType(unknown)).isEqualTo("urn:aftersales:problem:not-found");

        HttpResponse<String> first = post("/api/tickets", ticket("SN-E2E-IDEM", "热水器漏水"), Map.of("Idempotency-Key", "e2e-idem"));
        HttpResponse<String> replay = post("/api/tickets", ticket("SN-E2E-IDEM", "热水器漏水"), Map.of("Idempotency-Key", "e2e-idem"));
        HttpResponse<String> conflicting = post("/api/tickets", ticket("SN-E2E-IDEM", "别的问题"), Map.of("Idempotency-Key", "e2e-idem"));
        assertThat(json.readTree(replay.body()).path("id")).isEqualTo(json.readTree(first.body()).path("id"));
        assertThat(conflicting.statusCode()).isEqualTo(422);
        assertThat(problemType(conflicting)).isEqualTo("urn:aftersales:problem:idempotency-key-reused");

        HttpResponse<String> noRoute = get("/api/not-a-thing");
        assertThat(noRoute.statusCode()).isEqualTo(404);
        assertThat(problemType(noRoute)).isEqualTo("urn:aftersales:problem:not-found");
        for (HttpResponse<String> response : List.of(invalid, unknown, conflicting, noRoute)) {
            assertThat(response.body()).doesNotContain("Exception", "\tat ");
        }
    }

    @Test
    @Order(5)
    void everyServiceServesItsContractProbesAndDomainMetrics() throws Exception {
        JsonNode swaggerConfig = getJson("/v3/api-docs/swagger-config");
        assertThat(swaggerConfig.path("urls").findValuesAsString("name")).hasSize(PlatformService.BACKENDS.size());
        JsonNode ticketApi = getJson("/v3/api-docs/ticket-service");
        assertThat(ticketApi.path("info").path("title").asString()).isEqualTo("ticket-service");
        assertThat(ticketApi.path("paths").has("/api/tickets")).isTrue();
        assertThat(getJson("/v3/api-docs/dispatch-service").path("paths").has("/api/dispatch/jobs/{id}")).isTrue();

        for (PlatformService service : PlatformService.BACKENDS) {
            HttpResponse<String> readiness = http.send(HttpRequest.newBuilder(
                    URI.create(platform.serviceUrl(service) + "/actuator/health/readiness")).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(readiness.statusCode()).as(service.module()).isEqualTo(200);
            JsonNode components = json.readTree(readiness.body()).path("components");
            assertThat(components.path("db").path("status").asString()).as(service.module()).isEqualTo("UP");
            assertThat(components.has("kafka")).as("a broker outage must not take %s out of routing", service.module()).isFalse();
            JsonNode health = json.readTree(http.send(HttpRequest.newBuilder(URI.create(platform.serviceUrl(service)
                    + "/actuator/health")).build(), HttpResponse.BodyHandlers.ofString()).body());
            assertThat(health.path("components").path("kafka").path("status").asString()).as(service.module()).isEqualTo("UP");

            String metrics = http.send(HttpRequest.newBuilder(URI.create(platform.serviceUrl(service) + "/actuator/prometheus"))
                    .build(), HttpResponse.BodyHandlers.ofString()).body();
            assertThat(metrics).as(service.module()).contains("aftersales_outbox_pending_events",
                    "aftersales_outbox_oldest_pending_age_seconds", "kafka_consumer_fetch_manager_records_lag_max",
                    "http_server_requests_seconds");
        }
        String ticketMetrics = http.send(HttpRequest.newBuilder(URI.create(platform.serviceUrl(PlatformService.TICKET)
                + "/actuator/prometheus")).build(), HttpResponse.BodyHandlers.ofString()).body();
        assertThat(ticketMetrics).contains("aftersales_tickets_opened_total{application=\"ticket-service\",channel=\"PHONE\",type=\"REPAIR\"}");
        String dispatchMetrics = http.send(HttpRequest.newBuilder(URI.create(platform.serviceUrl(PlatformService.DISPATCH)
                + "/actuator/prometheus")).build(), HttpResponse.BodyHandlers.ofString()).body();
        assertThat(dispatchMetrics).contains("aftersales_events_dead_lettered_total{application=\"dispatch-service\"");
    }

    @Test
    @Order(6)
    void aRestartedPlatformStillHasItsTickets() throws Exception {
        platform.close();
        platform = null;
        kafka.close();

        platform = EmbeddedPlatform.start(options);
        kafka = new KafkaTestClient(platform.kafkaBootstrapServers());

        JsonNode ticket = getJson("/api/tickets/" + rememberedTicket);
        assertThat(ticket.path("status").asString()).isEqualTo("AWAITING_TECHNICIAN");
        assertThat(ticket.path("faultDescription").asString()).isEqualTo("空调不制冷，室外机不转");
        // and the platform keeps working after the restart
        HttpResponse<String> created = post("/api/tickets", ticket("SN-E2E-AFTER", "冰箱不制冷"), Map.of());
        String id = json.readTree(created.body()).path("id").asString();
        await().atMost(FLOW_TIMEOUT).untilAsserted(() ->
                assertThat(getJson("/api/tickets/" + id).path("status").asString()).isEqualTo("AWAITING_TECHNICIAN"));
    }

    @Test
    @Order(5)
    void theGatewayAndTheServicesAcceptOnlyTheAuthorizationServersTokensForThisPlatform() throws Exception {
        assertThat(platform.demoTokens()).containsOnlyKeys("AGENT", "STORE", "SUPERVISOR", "TECHNICIAN", "QC", "DEPOT_PARTNER",
                "OPS", "ADMIN");
        assertThat(java.nio.file.Files.readString(platform.tokensFile()))
                .contains("export AGENT_TOKEN=" + platform.demoTokens().get("AGENT"));

        HttpResponse<String> anonymous = http.send(HttpRequest.newBuilder(gateway("/api/tickets/" + rememberedTicket))
                .header("X-Request-Id", "e2e-anonymous").GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(anonymous.statusCode()).isEqualTo(401);
        assertThat(problemType(anonymous)).isEqualTo("urn:aftersales:problem:unauthenticated");
        assertThat(json.readTree(anonymous.body()).path("correlationId").asString()).isEqualTo("e2e-anonymous");

        com.aftersales.devidentity.DevUser admin = platform.demoUser("ADMIN").devUser();
        String ticketPath = "/api/tickets/" + rememberedTicket;
        String service = platform.serviceUrl(com.aftersales.launcher.PlatformService.TICKET);
        // The script clients' tokens come from the authorization server, with its issuer, and are accepted.
        assertThat(status(platform.gatewayUrl() + ticketPath, platform.demoTokens().get("ADMIN"))).isEqualTo(200);
        assertThat(status(service + ticketPath, platform.demoTokens().get("ADMIN"))).isEqualTo(200);
        String forged = com.aftersales.devidentity.DevIdentity.generate().withIssuer(platform.issuer())
                .mint(admin, Duration.ofMinutes(5));
        String otherIssuer = platform.authorizationServerKey().withIssuer("http://localhost:1/elsewhere")
                .mint(admin, Duration.ofMinutes(5));
        String otherAudience = platform.authorizationServerKey()
                .mint(admin, java.time.Instant.now(), Duration.ofMinutes(5), "another-platform");
        String developmentIssuer = com.aftersales.devidentity.DevIdentity.generate().mint(admin, Duration.ofMinutes(5));
        for (String base : java.util.List.of(platform.gatewayUrl(), service)) {
            assertThat(status(base + ticketPath, forged)).as(base + ": a token signed by another key").isEqualTo(401);
            assertThat(status(base + ticketPath, otherIssuer)).as(base + ": a token of another issuer").isEqualTo(401);
            assertThat(status(base + ticketPath, otherAudience)).as(base + ": a token for another audience").isEqualTo(401);
            assertThat(status(base + ticketPath, developmentIssuer)).as(base + ": the development issuer").isEqualTo(401);
        }

        HttpResponse<String> agentReadsAudit = http.send(HttpRequest.newBuilder(gateway("/api/audit/ticket-service"))
                .header("Authorization", "Bearer " + platform.demoTokens().get("AGENT")).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(agentReadsAudit.statusCode()).isEqualTo(403);
        assertThat(problemType(agentReadsAudit)).isEqualTo("urn:aftersales:problem:forbidden");
    }

    private int status(String url, String token) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + token).GET().build(),
                HttpResponse.BodyHandlers.ofString()).statusCode();
    }

    private static String ticket(String serial, String description) {
        return """
                {"customerId":"%s","serialNumber":"%s","model":"%s",
                 "ticketType":"REPAIR","channel":"PHONE","priority":"HIGH","faultCategory":"COOLING","faultDescription":"%s"}"""
                .formatted(customerId, serial, MODEL, description);
    }

    private URI gateway(String path) {
        return URI.create(platform.gatewayUrl() + path);
    }

    private HttpResponse<String> post(String path, String body, Map<String, String> headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(gateway(path)).header("Content-Type", "application/json")
                .header("Authorization", bearer()).POST(HttpRequest.BodyPublishers.ofString(body));
        headers.forEach(request::header);
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(gateway(path)).header("Authorization", bearer()).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** The launcher's ADMIN demo token: the thin flow is about plumbing; the role matrices are tested per service. */
    private static String bearer() {
        return "Bearer " + platform.demoTokens().get("ADMIN");
    }

    private JsonNode getJson(String path) throws Exception {
        HttpResponse<String> response = get(path);
        assertThat(response.statusCode()).as(path + " -> " + response.body()).isEqualTo(200);
        return json.readTree(response.body());
    }

    private String problemType(HttpResponse<String> response) {
        return json.readTree(response.body()).path("type").asString();
    }

    private static Connection connect(String database) throws SQLException {
        return DriverManager.getConnection(platform.jdbcUrl(database), platform.superuser(), platform.superuserPassword());
    }

    private static long count(String database, String sql, String id) throws SQLException {
        try (Connection c = connect(database); PreparedStatement s = c.prepareStatement(sql)) {
            s.setString(1, id);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private static void execute(String database, String sql) throws SQLException {
        try (Connection c = connect(database); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }
}
