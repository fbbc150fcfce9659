package com.aftersales.dispatch.visit;

import com.aftersales.contracts.EventEnvelope;
import com.aftersales.contracts.Topics;
import com.aftersales.contracts.dispatch.DepotRepairRequested;
import com.aftersales.contracts.dispatch.DispatchEvents;
import com.aftersales.contracts.dispatch.VisitCompleted;
import com.aftersales.contracts.ticket.TicketEvents;
import com.aftersales.contracts.ticket.TicketOpened;
import com.aftersales.dispatch.Api;
import com.aftersales.dispatch.parts.PartsService;
import com.aftersales.testsupport.KafkaTestClient;
import com.aftersales.testsupport.TestIdentity;
import com.aftersales.testsupport.WithRealInfrastructure;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** A visit from appointment to signed report and completion, with parts, quote, charge and events, on real PG and Kafka. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@WithRealInfrastructure
class VisitFlowIT {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static KafkaTestClient kafka;

    @LocalServerPort
    int port;

    @BeforeAll
    static void connect() {
        kafka = KafkaTestClient.onTestBroker();
    }

    @AfterAll
    static void close() {
        kafka.close();
    }

    private record Setup(String technicianId, String jobId, EventEnvelope<TicketOpened> ticket) {
    }

    private Setup assignedJob(Api api, String entitlement) {
        String category = "CAT-" + UUID.randomUUID();
        String tech = api.post("/api/technicians", Api.technician("冯师傅", 31.2304, 121.48, category, "COOLING", 5))
                .body().path("id").asString();
        api.post("/api/technicians/" + tech + "/status", "{\"status\":\"AVAILABLE\"}");
        UUID ticketId = UUID.randomUUID();
        EventEnvelope<TicketOpened> event = new EventEnvelope<>(UUID.randomUUID(), URI.create("/aftersales/ticket-service"),
                TicketEvents.TICKET_OPENED, OffsetDateTime.now(ZoneOffset.UTC), ticketId.toString(), "corr-" + ticketId,
                new TicketOpened(ticketId, UUID.randomUUID(), "SN-" + ticketId.toString().substring(0, 8), "KFR-35GW", "REPAIR",
                        "PHONE", "NORMAL", "COOLING", "空调不制冷", Instant.now(), UUID.randomUUID(), category, "B1", "B",
                        "SH", 31.2304, 121.4737, entitlement, true, "E4", null));
        kafka.publish(event);
        JsonNode job = await().atMost(WAIT).until(() -> api.get("/api/dispatch/jobs?ticketId=" + ticketId).body(),
                j -> j != null && "ASSIGNED".equals(j.path("status").asString()));
        return new Setup(tech, job.path("id").asString(), event);
    }

    private static String window(Duration from, Duration to) {
        return "\"windowStart\":\"%s\",\"windowEnd\":\"%s\"".formatted(Instant.now().plus(from), Instant.now().plus(to));
    }

    private static String report(String part, int quantity, String cause) {
        return """
                {"cause":"%s","fix":"更换电容","faultCode":"E4","fixCode":"REPLACE_CAPACITOR","parts":[{"partNumber":"%s","quantity":%d}],
                 "labourMinutes":40,"dataBackupDone":false,"causeExplained":true,"photos":["photos/1.jpg"]}"""
                .formatted(cause, part, quantity);
    }

    /** The technician app: the technician id comes from his token, never from a header. */
    private static Api.Response asTechnician(Api api, String technician, String path, String body) {
        return api.as(TestIdentity.technician(UUID.fromString(technician))).post(path, body);
    }

    @Test
    void outOfWarrantyVisitFromAppointmentToCompletionWithQuotePartsSignedReportAndCharge() {
        Api api = new Api(port);
        Setup s = assignedJob(api, "OUT_OF_WARRANTY");
        String part = "CAP-" + UUID.randomUUID().toString().substring(0, 8);
        String van = "VAN-" + UUID.randomUUID().toString().substring(0, 8);
        api.put("/api/parts/catalogue/" + part, "{\"description\":\"电容\",\"unitCost\":12.5,\"unitPrice\":38}");
        api.put("/api/parts/stock/" + van + "/" + part, "{\"quantity\":3}");

        assertThat(api.post("/api/visits", "{\"jobId\":\"%s\",%s}".formatted(s.jobId(), window(Duration.ofHours(-3), Duration.ofHours(-1))))
                .status()).isEqualTo(400);
        assertThat(api.post("/api/visits", "{\"jobId\":\"%s\",%s}".formatted(s.jobId(), window(Duration.ofHours(3), Duration.ofHours(1))))
                .status()).isEqualTo(400);
        Api.Response scheduled = api.post("/api/visits", "{\"jobId\":\"%s\",%s}".formatted(s.jobId(), window(Duration.ofHours(1), Duration.ofHours(3))));
        assertThat(scheduled.status()).isEqualTo(201);
        String visit = scheduled.body().path("id").asString();
        // Another technician guessing the ids gets 404, as for ids that do not exist, and never the data.
        String stranger = UUID.randomUUID().toString();
        assertThat(asTechnician(api, stranger, "/api/visits/" + visit + "/status", "{\"status\":\"EN_ROUTE\"}").status())
                .isEqualTo(404);
        Api strangerApi = api.as(TestIdentity.technician(UUID.fromString(stranger)));
        for (String path : List.of("/api/visits/" + visit, "/api/visits/" + visit + "/reports",
                "/api/dispatch/jobs/" + s.jobId(), "/api/technicians/" + s.technicianId())) {
            Api.Response guessed = strangerApi.get(path);
            assertThat(guessed.status()).as(path).isEqualTo(404);
            // A plain not-found problem (it may echo the guessed id), nothing of what is behind it.
            assertThat(guessed.body().path("type").asString()).isEqualTo("urn:aftersales:problem:not-found");
            assertThat(guessed.body().has("windowStart") || guessed.body().has("visit")).isFalse();
        }
        assertThat(strangerApi.get("/api/dispatch/jobs?status=ASSIGNED").body().toString()).doesNotContain(s.jobId());
        Api own = api.as(TestIdentity.technician(UUID.fromString(s.technicianId())));
        // His scope applies before the limit: older jobs of other technicians do not take his one place.
        assertThat(own.get("/api/dispatch/jobs?status=ASSIGNED&limit=1").body().toString()).contains(s.jobId());
        assertThat(own.get("/api/visits/" + visit).status()).isEqualTo(200);
        String today = "from=%s&to=%s".formatted(Instant.now(), Instant.now().plus(Duration.ofHours(12)));
        JsonNode agenda = own.get("/api/visits?" + today).body();
        assertThat(agenda.get(0).path("visit").path("id").asString()).isEqualTo(visit);
        assertThat(agenda.get(0).path("faultDescription").asString()).isEqualTo("空调不制冷");
        assertThat(agenda.get(0).path("location").path("latitude").asDouble()).isEqualTo(31.2304);
        assertThat(strangerApi.get("/api/visits?" + today).body().size()).as("another technician's day").isZero();
        assertThat(strangerApi.get("/api/visits?technicianId=" + s.technicianId() + "&" + today).status()).isEqualTo(403);
        assertThat(own.get("/api/dispatch/jobs/" + s.jobId()).status()).isEqualTo(200);
        assertThat(asTechnician(api, s.technicianId(), "/api/visits/" + visit + "/status", "{\"status\":\"EN_ROUTE\"}").status()).isEqualTo(200);
        assertThat(asTechnician(api, s.technicianId(), "/api/visits/" + visit + "/status", "{\"status\":\"ON_SITE\"}").status()).isEqualTo(200);
        assertThat(api.get("/api/dispatch/jobs/" + s.jobId()).body().path("status").asString()).isEqualTo("IN_PROGRESS");

        Api.Response beforeQuote = api.post("/api/visits/" + visit + "/reports", report(part, 1, "电容老化"));
        assertThat(beforeQuote.status()).isEqualTo(409);
        assertThat(beforeQuote.body().path("rule").asString()).isEqualTo(VisitService.RULE_QUOTE_BEFORE_WORK);
        Api.Response quote = api.post("/api/visits/" + visit + "/quote",
                "{\"labourMinutes\":40,\"parts\":[{\"partNumber\":\"%s\",\"quantity\":1}]}".formatted(part));
        assertThat(quote.status()).isEqualTo(200);
        assertThat(quote.body().path("total").decimalValue()).isEqualByComparingTo("128.00");
        assertThat(api.post("/api/visits/" + visit + "/quote/acceptance", "{\"acceptedBy\":\"陈女士\"}").status()).isEqualTo(200);

        assertThat(api.post("/api/parts/checkouts", """
                {"technicianId":"%s","visitId":"%s","location":"%s","partNumber":"%s","quantity":2}"""
                .formatted(s.technicianId(), visit, van, part)).status()).isEqualTo(201);

        Api.Response v1 = api.post("/api/visits/" + visit + "/reports", report(part, 1, "电容老化"));
        assertThat(v1.status()).isEqualTo(201);
        String v1Id = v1.body().path("id").asString();
        assertThat(api.post("/api/visits/" + visit + "/reports", report(part, 1, "again")).status()).isEqualTo(409);
        assertThat(api.post("/api/visits/" + visit + "/completion", "{\"outcome\":\"COMPLETED\"}").body().path("rule").asString())
                .isEqualTo(VisitService.RULE_SIGNED_REPORT);
        assertThat(api.post("/api/service-reports/" + v1Id + "/signature", "{\"signerName\":\"陈女士\",\"signatureRef\":\"sig/1.png\"}")
                .status()).isEqualTo(200);
        Api.Response amendSigned = api.put("/api/service-reports/" + v1Id, report(part, 1, "changed"));
        assertThat(amendSigned.status()).isEqualTo(409);
        assertThat(amendSigned.body().path("rule").asString()).isEqualTo(VisitService.RULE_REPORT_IMMUTABLE);

        Api.Response v2 = api.post("/api/visits/" + visit + "/reports", report(part, 1, "电容老化（更正）"));
        assertThat(v2.body().path("version").asInt()).isEqualTo(2);
        api.post("/api/service-reports/" + v2.body().path("id").asString() + "/signature",
                "{\"signerName\":\"陈女士\",\"signatureRef\":\"sig/2.png\"}");
        assertThat(api.get("/api/service-reports/" + v1Id).body().path("cause").asString()).isEqualTo("电容老化");

        Api.Response completed = api.post("/api/visits/" + visit + "/completion", "{\"outcome\":\"COMPLETED\"}");
        assertThat(completed.status()).isEqualTo(200);
        assertThat(completed.body().path("firstTimeFix").asBoolean()).isTrue();
        assertThat(api.get("/api/dispatch/jobs/" + s.jobId()).body().path("status").asString()).isEqualTo("CLOSED");
        assertThat(api.get("/api/visits/" + visit).body().path("charge").path("charged").decimalValue()).isEqualByComparingTo("128.00");

        List<EventEnvelope<?>> events = kafka.events(Topics.DISPATCH, s.ticket().subject(), 6, WAIT);
        assertThat(events).extracting(e -> e.type().type()).containsExactly(DispatchEvents.DISPATCH_JOB_QUEUED.type(),
                DispatchEvents.TECHNICIAN_ASSIGNED.type(), DispatchEvents.VISIT_SCHEDULED.type(),
                DispatchEvents.VISIT_STARTED.type(), DispatchEvents.PARTS_CONSUMED.type(), DispatchEvents.VISIT_COMPLETED.type());
        VisitCompleted summary = events.get(5).dataAs(DispatchEvents.VISIT_COMPLETED);
        assertThat(summary.reportVersion()).isEqualTo(2);
        assertThat(summary.cause()).isEqualTo("电容老化（更正）");
        assertThat(summary.fixCode()).isEqualTo("REPLACE_CAPACITOR");
        assertThat(summary.firstTimeFix()).isTrue();
        assertThat(summary.charged()).isEqualByComparingTo("128.00");
        assertThat(summary.cost()).isEqualByComparingTo("45.83");
        assertThat(summary.batchNumber()).isEqualTo("B1");
        assertThat(summary.serialNumber()).isEqualTo(s.ticket().data().serialNumber());
        assertThat(summary.regionCode()).isEqualTo("SH");

        JsonNode checkouts = api.get("/api/parts/checkouts?technicianId=" + s.technicianId()).body();
        assertThat(checkouts.get(0).path("consumed").asInt()).isEqualTo(1);
        api.post("/api/parts/checkouts/" + checkouts.get(0).path("id").asString() + "/returns", "{\"quantity\":1}");
        assertThat(api.get("/api/parts/stock?location=" + van).body().get(0).path("quantity").asInt()).isEqualTo(2);
        JsonNode history = api.get("/api/technicians/" + s.technicianId()).body().path("fixRecords").path("COOLING");
        assertThat(history.path("firstTimeFixes").asInt()).isEqualTo(1);
    }

    @Test
    void takingAUnitToTheDepotNeedsTheCustomersWrittenAuthorisationAndTellsReturnsService() {
        Api api = new Api(port);
        Setup s = assignedJob(api, "IN_WARRANTY");
        String visit = api.post("/api/visits", "{\"jobId\":\"%s\",%s}".formatted(s.jobId(), window(Duration.ofMinutes(10), Duration.ofHours(2))))
                .body().path("id").asString();
        api.post("/api/visits/" + visit + "/status", "{\"status\":\"ON_SITE\"}");
        String report = api.post("/api/visits/" + visit + "/reports", """
                {"cause":"压缩机损坏","fix":"返厂维修","parts":[],"labourMinutes":20,"dataBackupDone":false,"causeExplained":true}""")
                .body().path("id").asString();
        api.post("/api/service-reports/" + report + "/signature", "{\"signerName\":\"刘先生\",\"signatureRef\":\"sig/3.png\"}");

        Api.Response unauthorised = api.post("/api/visits/" + visit + "/completion", "{\"outcome\":\"UNIT_TAKEN_TO_DEPOT\"}");
        assertThat(unauthorised.status()).isEqualTo(400);
        assertThat(unauthorised.body().path("errors").get(0).path("field").asString()).isEqualTo("depotAuthorisation");
        Api.Response taken = api.post("/api/visits/" + visit + "/completion", """
                {"outcome":"UNIT_TAKEN_TO_DEPOT","depotAuthorisation":{"reference":"auth/2026/77.png","authorisedBy":"刘先生",
                 "authorisedAt":"%s"}}""".formatted(Instant.now()));
        assertThat(taken.status()).isEqualTo(200);
        assertThat(taken.body().path("firstTimeFix").asBoolean()).isFalse();

        List<EventEnvelope<?>> events = kafka.events(Topics.DISPATCH, s.ticket().subject(), 6, WAIT);
        DepotRepairRequested depot = events.stream().filter(e -> e.type().equals(DispatchEvents.DEPOT_REPAIR_REQUESTED))
                .findFirst().orElseThrow().dataAs(DispatchEvents.DEPOT_REPAIR_REQUESTED);
        assertThat(depot.ticketId()).isEqualTo(s.ticket().data().ticketId());
        assertThat(depot.serialNumber()).isEqualTo(s.ticket().data().serialNumber());
        assertThat(depot.customerId()).isEqualTo(s.ticket().data().customerId());
        assertThat(depot.authorisationRef()).isEqualTo("auth/2026/77.png");
        VisitCompleted summary = events.stream().filter(e -> e.type().equals(DispatchEvents.VISIT_COMPLETED))
                .findFirst().orElseThrow().dataAs(DispatchEvents.VISIT_COMPLETED);
        assertThat(summary.charged()).isEqualByComparingTo("0");
        assertThat(summary.cost()).isEqualByComparingTo("16.67");
    }

    @Test
    void aNoShowOncePerStartedWindowAndPartsOnlyAgainstTheTechniciansOwnVisit() {
        Api api = new Api(port);
        Setup s = assignedJob(api, "IN_WARRANTY");
        Setup other = assignedJob(api, "IN_WARRANTY");
        String later = api.post("/api/visits", "{\"jobId\":\"%s\",%s}".formatted(other.jobId(),
                window(Duration.ofHours(1), Duration.ofHours(3)))).body().path("id").asString();
        Api.Response early = asTechnician(api, other.technicianId(), "/api/visits/" + later + "/no-show", "{\"reason\":\"没人\"}");
        assertThat(early.status()).isEqualTo(409);
        assertThat(early.body().path("rule").asString()).isEqualTo(Visit.RULE_NO_SHOW_AFTER_WINDOW_START);

        // The window started 30 minutes ago (more than the 15-minute wait): one no-show, not two.
        String started = api.post("/api/visits", "{\"jobId\":\"%s\",%s}".formatted(s.jobId(),
                window(Duration.ofMinutes(-30), Duration.ofHours(2)))).body().path("id").asString();
        assertThat(asTechnician(api, s.technicianId(), "/api/visits/" + started + "/no-show", "{\"reason\":\"敲门无人\"}")
                .status()).isEqualTo(200);
        Api.Response again = asTechnician(api, s.technicianId(), "/api/visits/" + started + "/no-show", "{\"reason\":\"再记一次\"}");
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.body().path("rule").asString()).isEqualTo(Visit.RULE_NO_SHOW_ONCE);
        assertThat(api.get("/api/visits/" + started).body().path("visit").path("noShows").asInt()).isEqualTo(1);
        // a new window is a new appointment; its no-show waits for it to start
        assertThat(api.post("/api/visits/" + started + "/reschedule", "{%s,\"reason\":\"客户改约\"}"
                .formatted(window(Duration.ofHours(20), Duration.ofHours(22)))).status()).isEqualTo(200);
        assertThat(api.post("/api/visits/" + started + "/no-show", "{\"reason\":\"x\"}").body().path("rule").asString())
                .isEqualTo(Visit.RULE_NO_SHOW_AFTER_WINDOW_START);

        String part = "FLT-" + UUID.randomUUID().toString().substring(0, 8);
        String van = "VAN-" + UUID.randomUUID().toString().substring(0, 8);
        api.put("/api/parts/catalogue/" + part, "{\"description\":\"滤网\",\"unitCost\":5,\"unitPrice\":20}");
        api.put("/api/parts/stock/" + van + "/" + part, "{\"quantity\":5}");
        String checkout = "{\"technicianId\":\"%s\",\"visitId\":\"%s\",\"location\":\"%s\",\"partNumber\":\"%s\",\"quantity\":1}";
        // Another technician, naming himself, against this technician's visit: as if the visit did not exist.
        Api.Response unknown = asTechnician(api, other.technicianId(), "/api/parts/checkouts",
                checkout.formatted(other.technicianId(), UUID.randomUUID(), van, part));
        Api.Response foreign = asTechnician(api, other.technicianId(), "/api/parts/checkouts",
                checkout.formatted(other.technicianId(), started, van, part));
        assertThat(foreign.status()).isEqualTo(404);
        assertThat(foreign.body().path("type").asString()).isEqualTo(unknown.body().path("type").asString());
        // A supervisor cannot book them to the wrong technician either.
        Api.Response mismatched = api.post("/api/parts/checkouts", checkout.formatted(other.technicianId(), started, van, part));
        assertThat(mismatched.status()).isEqualTo(409);
        assertThat(mismatched.body().path("rule").asString()).isEqualTo(PartsService.RULE_CHECKOUT_FOR_VISITS_TECHNICIAN);
        assertThat(api.get("/api/parts/stock?location=" + van).body().get(0).path("quantity").asInt())
                .as("nothing was taken").isEqualTo(5);
        assertThat(asTechnician(api, s.technicianId(), "/api/parts/checkouts",
                checkout.formatted(s.technicianId(), started, van, part)).status()).isEqualTo(201);
    }
}
