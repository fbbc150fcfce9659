package com.aftersales.dispatch.assignment;

import com.aftersales.contracts.EventEnvelope;
import com.aftersales.contracts.Topics;
import com.aftersales.contracts.dispatch.DispatchEvents;
import com.aftersales.contracts.dispatch.TechnicianAssigned;
import com.aftersales.contracts.dispatch.TechnicianUnassigned;
import com.aftersales.contracts.ticket.TicketChargeBasisCommunicated;
import com.aftersales.contracts.ticket.TicketEvents;
import com.aftersales.contracts.ticket.TicketOpened;
import com.aftersales.dispatch.Api;
import com.aftersales.testsupport.KafkaTestClient;
import com.aftersales.testsupport.TestIdentity;
import com.aftersales.testsupport.WithRealInfrastructure;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The job lifecycle driven by ticket events on real PostgreSQL and Kafka: auto-assignment with an
 * explained score, held out-of-warranty jobs, jobs without a location, decline and override, and the copies of a
 * partner technician's work on his depot's partner topic.
 * Each test uses its own product category so that technicians of other tests never qualify.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "aftersales.dispatch.planning.time-limit=2s", "aftersales.dispatch.planning.unimproved-limit=300ms",
        "aftersales.dispatch.planning.auto-replan-after=1s", "aftersales.dispatch.assignment.sweep-interval=1s",
        "aftersales.dispatch.assignment.sweep-batch=2"})
@WithRealInfrastructure
class JobLifecycleIT {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static KafkaTestClient kafka;

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;

    @BeforeAll
    static void connect() {
        kafka = KafkaTestClient.onTestBroker();
    }

    @AfterAll
    static void close() {
        kafka.close();
    }

    private Api api() {
        return new Api(port);
    }

    private String technician(String name, double lat, double lon, String category) {
        return technician(name, lat, lon, category, null);
    }

    /** An available technician; {@code partnerDepot} null for in-house staff. */
    private String technician(String name, double lat, double lon, String category, String partnerDepot) {
        String body = Api.technician(name, lat, lon, category, "COOLING", 5);
        Api.Response created = api().post("/api/technicians", partnerDepot == null ? body
                : body.replaceFirst("}$", ",\"partnerDepot\":\"" + partnerDepot + "\"}"));
        assertThat(created.status()).as(created.body().toString()).isEqualTo(201);
        String id = created.body().path("id").asString();
        assertThat(api().post("/api/technicians/" + id + "/status", "{\"status\":\"AVAILABLE\"}").status()).isEqualTo(200);
        return id;
    }

    static EventEnvelope<TicketOpened> ticket(String category, Double lat, Double lon, String entitlement, Boolean told) {
        UUID ticketId = UUID.randomUUID();
        Instant now = Instant.now();
        return new EventEnvelope<>(UUID.randomUUID(), URI.create("/aftersales/ticket-service"), TicketEvents.TICKET_OPENED,
                OffsetDateTime.now(ZoneOffset.UTC), ticketId.toString(), "corr-" + ticketId,
                new TicketOpened(ticketId, UUID.randomUUID(), "SN-" + ticketId, "KFR-35GW", "REPAIR", "PHONE", "HIGH",
                        "COOLING", "空调不制冷", now, null, category, "B2026", "A", "SH-HP", lat, lon, entitlement, told,
                        "E4", new TicketOpened.SlaDueTimes(now.plusSeconds(3600), now.plusSeconds(86400),
                        now.plusSeconds(6 * 3600), now.plusSeconds(3 * 86400))));
    }

    private JsonNode awaitJob(UUID ticketId, String status) {
        return await().atMost(WAIT).until(() -> {
            Api.Response r = api().get("/api/dispatch/jobs?ticketId=" + ticketId);
            return r.status() == 200 ? r.body() : null;
        }, job -> job != null && job.path("status").asString().equals(status));
    }

    /** Publishes a located in-warranty ticket of {@code category}; returns the event and its auto-assigned job's id. */
    private Map.Entry<EventEnvelope<TicketOpened>, String> autoAssigned(String category) {
        EventEnvelope<TicketOpened> event = ticket(category, 31.2304, 121.4737, "IN_WARRANTY", null);
        kafka.publish(event);
        return Map.entry(event, awaitJob(event.data().ticketId(), "ASSIGNED").path("id").asString());
    }

    private Api.Response decline(String jobId, String technicianId, String reason) {
        return api().post("/api/dispatch/jobs/" + jobId + "/decline",
                "{\"technicianId\":\"%s\",\"reason\":\"%s\"}".formatted(technicianId, reason));
    }

    @Test
    void aLocatedTicketIsAutoAssignedToTheNearestQualifiedTechnicianWithAnExplainedScore() {
        String category = "CAT-" + UUID.randomUUID();
        String near = technician("王师傅", 31.2304, 121.49, category);
        technician("李师傅", 31.2304, 121.70, category);

        EventEnvelope<TicketOpened> event = ticket(category, 31.2304, 121.4737, "IN_WARRANTY", null);
        kafka.publish(event);
        JsonNode job = awaitJob(event.data().ticketId(), "ASSIGNED");

        assertThat(job.path("technicianId").asString()).isEqualTo(near);
        assertThat(job.path("assignmentExplanation").asString()).startsWith("best-score: score").contains("road km");
        List<EventEnvelope<?>> events = kafka.events(Topics.DISPATCH, event.subject(), 2, WAIT);
        assertThat(events).extracting(e -> e.type().type()).containsExactly(
                DispatchEvents.DISPATCH_JOB_QUEUED.type(), DispatchEvents.TECHNICIAN_ASSIGNED.type());
        TechnicianAssigned assigned = events.get(1).dataAs(DispatchEvents.TECHNICIAN_ASSIGNED);
        assertThat(assigned.mode()).isEqualTo("AUTO");
        assertThat(assigned.technicianName()).isEqualTo("王师傅");
        assertThat(assigned.score()).isBetween(0.0, 1.0);
        assertThat(events.get(1).correlationId()).isEqualTo(event.correlationId());
    }

    @Test
    void aJobNobodyCouldTakeIsAssignedOnceSomeoneCanWithoutASupervisor() {
        // Older waiting jobs the engine can never take (no location: a supervisor must), more than one sweep's batch (2):
        // the sweep must go on past them.
        for (int i = 0; i < 3; i++) {
            EventEnvelope<TicketOpened> unlocated = ticket("CAT-" + UUID.randomUUID(), null, null, null, null);
            kafka.publish(unlocated);
            awaitJob(unlocated.data().ticketId(), "AWAITING_ASSIGNMENT");
        }
        // Queued when no technician could take it (here: nobody has the skill; at night: every shift is over).
        String category = "CAT-" + UUID.randomUUID();
        EventEnvelope<TicketOpened> event = ticket(category, 31.2304, 121.4737, "IN_WARRANTY", null);
        kafka.publish(event);
        JsonNode waiting = awaitJob(event.data().ticketId(), "AWAITING_ASSIGNMENT");
        assertThat(waiting.path("technicianId").isNull()).isTrue();

        // A technician who can comes on duty: the sweep offers the waiting job again (rule retry-waiting-jobs).
        String tech = technician("吴师傅", 31.2304, 121.48, category);
        JsonNode assigned = awaitJob(event.data().ticketId(), "ASSIGNED");
        assertThat(assigned.path("technicianId").asString()).isEqualTo(tech);
        assertThat(assigned.path("assignmentExplanation").asString()).contains(AssignmentService.RULE_RETRY_WAITING);
        List<EventEnvelope<?>> events = kafka.events(Topics.DISPATCH, event.subject(), 2, WAIT);
        assertThat(events).extracting(e -> e.type().type()).containsExactly(
                DispatchEvents.DISPATCH_JOB_QUEUED.type(), DispatchEvents.TECHNICIAN_ASSIGNED.type());
    }

    @Test
    void outOfWarrantyWorkIsHeldUntilTheChargeBasisIsCommunicated() {
        String category = "CAT-" + UUID.randomUUID();
        String tech = technician("赵师傅", 31.2304, 121.48, category);
        EventEnvelope<TicketOpened> event = ticket(category, 31.2304, 121.4737, "OUT_OF_WARRANTY", false);
        kafka.publish(event);

        JsonNode held = awaitJob(event.data().ticketId(), "HELD");
        assertThat(held.path("holdReason").asString()).startsWith("charge-basis-before-dispatch");
        assertThat(api().put("/api/dispatch/jobs/" + held.path("id").asString() + "/assignment",
                "{\"technicianId\":\"%s\",\"reason\":\"try\"}".formatted(tech)).status()).isEqualTo(409);

        kafka.publish(new EventEnvelope<>(UUID.randomUUID(), URI.create("/aftersales/ticket-service"),
                TicketEvents.TICKET_CHARGE_BASIS_COMMUNICATED, OffsetDateTime.now(ZoneOffset.UTC), event.subject(), "corr-cb",
                new TicketChargeBasisCommunicated(event.data().ticketId(), "agent:1", Instant.now())));
        JsonNode assigned = awaitJob(event.data().ticketId(), "ASSIGNED");
        assertThat(assigned.path("technicianId").asString()).isEqualTo(tech);
        assertThat(assigned.path("holdReason").isNull()).isTrue();
    }

    @Test
    void aTicketWithoutLocationWaitsForASupervisorAndTheJobSaysWhy() {
        String category = "CAT-" + UUID.randomUUID();
        String tech = technician("钱师傅", 31.2304, 121.48, category);
        EventEnvelope<TicketOpened> event = ticket(category, null, null, null, null);
        kafka.publish(event);

        JsonNode job = awaitJob(event.data().ticketId(), "AWAITING_ASSIGNMENT");
        assertThat(job.path("autoAssignBlocked").asString()).startsWith("no-location-no-auto-assign");
        JsonNode proposal = api().get("/api/dispatch/jobs/" + job.path("id").asString() + "/proposal").body();
        assertThat(proposal.path("autoAssignable").asBoolean()).isFalse();
        assertThat(proposal.path("ranked").get(0).path("technicianId").asString()).isEqualTo(tech);

        Api.Response assigned = api().put("/api/dispatch/jobs/" + job.path("id").asString() + "/assignment",
                "{\"technicianId\":\"%s\",\"reason\":\"customer gave the address by phone\"}".formatted(tech));
        assertThat(assigned.status()).isEqualTo(200);
        assertThat(assigned.body().path("status").asString()).isEqualTo("ASSIGNED");
        assertThat(assigned.body().path("assignmentExplanation").asString()).contains("customer gave the address by phone");
    }

    @Test
    void aDeclineReassignsToTheNextTechnicianAndAnOffDutyTechnicianNeedsAnExplicitOverride() {
        String category = "CAT-" + UUID.randomUUID();
        String first = technician("孙师傅", 31.2304, 121.48, category);
        String second = technician("周师傅", 31.2304, 121.55, category);
        Map.Entry<EventEnvelope<TicketOpened>, String> assigned = autoAssigned(category);
        EventEnvelope<TicketOpened> event = assigned.getKey();
        String jobId = assigned.getValue();

        assertThat(decline(jobId, second, "not mine").status()).isEqualTo(409);
        Api.Response declined = decline(jobId, first, "van broke down");
        assertThat(declined.status()).isEqualTo(200);
        assertThat(declined.body().path("technicianId").asString()).isEqualTo(second);

        List<EventEnvelope<?>> events = kafka.events(Topics.DISPATCH, event.subject(), 4, WAIT);
        TechnicianUnassigned unassigned = events.get(2).dataAs(DispatchEvents.TECHNICIAN_UNASSIGNED);
        assertThat(unassigned.cause()).isEqualTo("DECLINED");
        assertThat(unassigned.reason()).isEqualTo("van broke down");

        assertThat(api().post("/api/technicians/" + first + "/status", "{\"status\":\"OFF_DUTY\"}").status()).isEqualTo(200);
        Api.Response refused = api().put("/api/dispatch/jobs/" + jobId + "/assignment",
                "{\"technicianId\":\"%s\",\"reason\":\"customer asked for him\"}".formatted(first));
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.body().path("rule").asString()).isEqualTo(AssignmentEngine.RULE_ON_DUTY);
        Api.Response overridden = api().put("/api/dispatch/jobs/" + jobId + "/assignment",
                "{\"technicianId\":\"%s\",\"reason\":\"customer asked for him\",\"overrideRules\":true}".formatted(first));
        assertThat(overridden.status()).isEqualTo(200);
        assertThat(overridden.body().path("assignmentExplanation").asString()).startsWith("override of rule technician-on-duty");
        assertThat(api().get("/api/dispatch/jobs/" + jobId + "/assignments").body().size()).isEqualTo(5);
    }

    @Test
    void aTechnicianDeclinesForHimselfAndTheDeclineNamesTheCallerNotTheBody() {
        String category = "CAT-" + UUID.randomUUID();
        String first = technician("钱师傅", 31.2304, 121.48, category);
        String second = technician("冯师傅", 31.2304, 121.55, category);
        Map.Entry<EventEnvelope<TicketOpened>, String> assigned = autoAssigned(category);
        String jobId = assigned.getValue();
        com.aftersales.devidentity.DevUser him = TestIdentity.technician(UUID.fromString(first));

        // He cannot decline in someone else's name, and the other technician cannot decline his job.
        assertThat(api().as(him).post("/api/dispatch/jobs/" + jobId + "/decline",
                "{\"technicianId\":\"%s\",\"reason\":\"x\"}".formatted(second)).status()).isEqualTo(403);
        assertThat(api().as(TestIdentity.technician(UUID.fromString(second))).post("/api/dispatch/jobs/" + jobId + "/decline",
                "{\"reason\":\"x\"}").status()).isEqualTo(404);
        Api.Response declined = api().as(him).post("/api/dispatch/jobs/" + jobId + "/decline", "{\"reason\":\"van broke down\"}");
        assertThat(declined.status()).as(declined.body().toString()).isEqualTo(200);
        assertThat(declined.body().path("technicianId").asString()).isEqualTo(second);
        TechnicianUnassigned unassigned = kafka.events(Topics.DISPATCH, assigned.getKey().subject(), 4, WAIT).get(2)
                .dataAs(DispatchEvents.TECHNICIAN_UNASSIGNED);
        assertThat(unassigned.technicianId()).hasToString(first);
        assertThat(unassigned.unassignedBy()).isEqualTo("technician:" + him.subject());
    }

    @Test
    void aPartnerTechniciansAssignmentAndUnassignmentReachHisDepotsTopicAndAnInHouseTechniciansDoNot() {
        String category = "CAT-" + UUID.randomUUID();
        String depot = "it-partner-" + UUID.randomUUID().toString().substring(0, 8);
        String partnerTech = technician("蒋师傅（服务商）", 31.2304, 121.48, category, depot);
        String inHouse = technician("沈师傅", 31.2304, 121.55, category);

        Map.Entry<EventEnvelope<TicketOpened>, String> assigned = autoAssigned(category);
        EventEnvelope<TicketOpened> event = assigned.getKey();
        // The partner's technician declines; the job goes to the in-house technician.
        Api.Response declined = decline(assigned.getValue(), partnerTech, "no parts on the van");
        assertThat(declined.body().path("technicianId").asString()).isEqualTo(inHouse);

        List<EventEnvelope<?>> internal = kafka.events(Topics.DISPATCH, event.subject(), 4, WAIT);
        assertThat(internal).extracting(e -> e.type().type()).containsExactly(DispatchEvents.DISPATCH_JOB_QUEUED.type(),
                DispatchEvents.TECHNICIAN_ASSIGNED.type(), DispatchEvents.TECHNICIAN_UNASSIGNED.type(),
                DispatchEvents.TECHNICIAN_ASSIGNED.type());
        List<EventEnvelope<?>> partner = kafka.events(Topics.partnerTopic(depot), event.subject(), 2, WAIT);
        // The very same CloudEvents (ids), of the partner's technician only: not the queueing, not the in-house assignment.
        assertThat(partner).extracting(EventEnvelope::id).containsExactly(internal.get(1).id(), internal.get(2).id());
        assertThat(partner.get(0).dataAs(DispatchEvents.TECHNICIAN_ASSIGNED).technicianId()).hasToString(partnerTech);
        assertThat(partner.get(1).dataAs(DispatchEvents.TECHNICIAN_UNASSIGNED).cause()).isEqualTo("DECLINED");
        assertThat(internal.get(3).dataAs(DispatchEvents.TECHNICIAN_ASSIGNED).technicianId()).hasToString(inHouse);
        assertThat(jdbc.sql("select count(*) from partner_delivery where event_id = :id")
                .param("id", internal.get(3).id()).query(Long.class).single()).isZero();
    }

    @Test
    void goingOffDutyReleasesOpenJobsToSomeoneElse() {
        String category = "CAT-" + UUID.randomUUID();
        String first = technician("吴师傅", 31.2304, 121.48, category);
        String second = technician("郑师傅", 31.2304, 121.55, category);
        EventEnvelope<TicketOpened> event = ticket(category, 31.2304, 121.4737, "IN_WARRANTY", null);
        kafka.publish(event);
        assertThat(awaitJob(event.data().ticketId(), "ASSIGNED").path("technicianId").asString()).isEqualTo(first);

        assertThat(api().post("/api/technicians/" + first + "/status", "{\"status\":\"OFF_DUTY\"}").status()).isEqualTo(200);
        assertThat(awaitJob(event.data().ticketId(), "ASSIGNED").path("technicianId").asString()).isEqualTo(second);
    }

    /** A closed job of {@code technician} queued at {@code queuedAt}: nothing in the service moves it any more. */
    private UUID closedJob(String technician, Instant queuedAt) {
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                        insert into dispatch_job (id, ticket_id, model, ticket_priority, status, reason, queued_at,
                            technician_id, version)
                        values (:id, :ticket, 'M', 'NORMAL', 'CLOSED', 'paging test', :queued, :tech, 0)""")
                .param("id", id).param("ticket", UUID.randomUUID())
                .param("queued", java.sql.Timestamp.from(queuedAt)).param("tech", UUID.fromString(technician)).update();
        return id;
    }

    /** Every page of a job list from {@code path}, following the Link rel="next" headers. */
    private List<List<String>> pages(Api api, String path) {
        List<List<String>> pages = new java.util.ArrayList<>();
        String next = path;
        while (next != null) {
            Api.Response page = api.get(next);
            assertThat(page.status()).as(page.body().toString()).isEqualTo(200);
            pages.add(page.body().valueStream().map(job -> job.path("id").asString()).toList());
            next = page.next().orElse(null);
        }
        return pages;
    }

    @Test
    void jobListsArePagedByTheLinkHeaderWithoutRepeatsOrGapsAndAScopedTechnicianGetsFullPages() {
        String category = "CAT-" + UUID.randomUUID();
        String other = technician("甲师傅", 31.2304, 121.48, category);
        String him = technician("乙师傅", 31.2304, 121.55, category);
        // Older than any job the other tests close: the first page of every caller starts with these.
        Instant start = Instant.parse("2001-01-01T00:00:00Z").plusSeconds(UUID.randomUUID().hashCode() & 0xffffff);
        List<UUID> othersJobs = List.of(closedJob(other, start), closedJob(other, start.plusSeconds(1)),
                closedJob(other, start.plusSeconds(2)));
        UUID tied = closedJob(him, start.plusSeconds(3));
        UUID tiedToo = closedJob(him, start.plusSeconds(3));
        UUID last = closedJob(him, start.plusSeconds(4));
        List<String> his = java.util.stream.Stream.concat(
                        java.util.stream.Stream.of(tied, tiedToo).map(UUID::toString).sorted(), java.util.stream.Stream.of(last.toString()))
                .toList();

        // A supervisor walks every closed job two at a time (pageSize, and the deprecated limit alike).
        List<List<String>> pages = pages(api(), "/api/dispatch/jobs?status=CLOSED&pageSize=2");
        List<String> all = pages.stream().flatMap(List::stream).toList();
        assertThat(pages).allSatisfy(page -> assertThat(page).hasSizeLessThanOrEqualTo(2));
        assertThat(pages.subList(0, pages.size() - 1)).allSatisfy(page -> assertThat(page).hasSize(2));
        assertThat(all).doesNotHaveDuplicates().containsExactlyElementsOf(jdbc.sql(
                "select id::text from dispatch_job where status = 'CLOSED' order by queued_at, id").query(String.class).list());
        List<String> mine = java.util.stream.Stream.concat(othersJobs.stream().map(UUID::toString), his.stream()).toList();
        assertThat(all.stream().filter(mine::contains).toList()).containsExactlyElementsOf(mine);
        assertThat(pages(api(), "/api/dispatch/jobs?status=CLOSED&limit=2").get(0)).isEqualTo(pages.get(0));

        // The technician's scope is in the query: his first page is full of his own jobs, the second has the rest.
        List<List<String>> hisPages = pages(api().as(TestIdentity.technician(UUID.fromString(him))),
                "/api/dispatch/jobs?status=CLOSED&pageSize=2");
        assertThat(hisPages).containsExactly(his.subList(0, 2), his.subList(2, 3));

        Api.Response malformed = api().get("/api/dispatch/jobs?status=CLOSED&pageToken=not-a-token");
        assertThat(malformed.status()).isEqualTo(400);
        assertThat(malformed.body().path("type").asString()).isEqualTo("urn:aftersales:problem:validation-failed");
        assertThat(malformed.body().path("errors").get(0).path("field").asString()).isEqualTo("pageToken");
    }

    @Test
    void badTechnicianInputIsA400WithTheFieldNamed() {
        Api.Response response = api().post("/api/technicians", Api.technician("x", 95, 121, "AC", "COOLING", 5));
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.body().path("errors").get(0).path("field").asString()).isEqualTo("homeLatitude");
        Api.Response unknown = api().post("/api/technicians/" + UUID.randomUUID() + "/status", "{\"status\":\"AVAILABLE\"}");
        assertThat(unknown.status()).isEqualTo(404);
        Api.Response badStatus = api().post("/api/technicians/" + UUID.randomUUID() + "/status", "{\"status\":\"SLEEPING\"}");
        assertThat(badStatus.status()).isEqualTo(400);
        assertThat(api().get("/api/dispatch/jobs?status=SLEEPING").status()).isEqualTo(400);
        assertThat(api().get("/api/dispatch/jobs?status=HELD&limit=0").status()).isEqualTo(400);
        assertThat(api().get("/api/dispatch/jobs/" + UUID.randomUUID() + "/proposal").status()).isEqualTo(404);
        assertThat(api().post("/api/visits", "{\"jobId\":\"%s\",\"windowStart\":\"%s\",\"windowEnd\":\"%s\"}".formatted(
                UUID.randomUUID(), Instant.now().plusSeconds(3600), Instant.now().plusSeconds(7200))).status()).isEqualTo(404);
        assertThat(api().post("/api/visits", "{not json").status()).isEqualTo(400);
        Api.Response noReason = api().put("/api/dispatch/jobs/" + UUID.randomUUID() + "/assignment",
                "{\"technicianId\":\"%s\"}".formatted(UUID.randomUUID()));
        assertThat(noReason.status()).isEqualTo(400);
        assertThat(noReason.body().path("errors").get(0).path("field").asString()).isEqualTo("reason");
    }

    @Test
    void theDayPlanRoutesOpenJobsWithoutBreakingAHardConstraintAndReplansIncrementally() {
        String category = "CAT-" + UUID.randomUUID();
        String tech = technician("冯师傅", 31.2304, 121.48, category);
        EventEnvelope<TicketOpened> event = ticket(category, 31.2304, 121.4737, "IN_WARRANTY", null);
        kafka.publish(event);
        String jobId = awaitJob(event.data().ticketId(), "ASSIGNED").path("id").asString();

        Api.Response first = api().post("/api/dispatch/day-plan", "");
        assertThat(first.status()).isEqualTo(200);
        assertThat(first.body().path("feasible").asBoolean()).isTrue();
        JsonNode route = null;
        for (JsonNode r : first.body().path("routes")) {
            if (r.path("technicianId").asString().equals(tech)) {
                route = r;
            }
        }
        assertThat(route).isNotNull();
        assertThat(route.path("stops").get(0).path("visitId").asString()).isEqualTo(jobId);

        // applying the plan accounts for every planned job; this one already sits with its planned technician
        Api.Response applied = api().post("/api/dispatch/day-plan/application", "");
        assertThat(applied.status()).as(applied.body().toString()).isEqualTo(200);
        java.util.Set<String> accounted = new java.util.HashSet<>();
        for (String list : List.of("assigned", "reassigned", "unchanged", "skipped")) {
            applied.body().path(list).forEach(id -> accounted.add(id.asString()));
        }
        // the plan applied (re-planned first had it gone stale meanwhile)
        JsonNode appliedPlan = api().get("/api/dispatch/day-plan").body();
        assertThat(appliedPlan.path("solvedAt").asString()).isEqualTo(applied.body().path("planSolvedAt").asString());
        java.util.Set<String> planned = new java.util.HashSet<>();
        appliedPlan.path("routes").forEach(r -> r.path("stops").forEach(stop -> planned.add(stop.path("visitId").asString())));
        assertThat(accounted).isEqualTo(planned);
        assertThat(applied.body().path("unchanged").toString()).contains(jobId);
        for (JsonNode r : appliedPlan.path("routes")) {
            for (JsonNode stop : r.path("stops")) {
                String planned1 = stop.path("visitId").asString();
                if (applied.body().path("assigned").toString().contains(planned1)
                        || applied.body().path("reassigned").toString().contains(planned1)) {
                    assertThat(api().get("/api/dispatch/jobs/" + planned1).body().path("technicianId").asString())
                            .as("a moved job sits with its planned technician").isEqualTo(r.path("technicianId").asString());
                }
            }
        }

        // a new job makes the plan stale; the automatic re-plan repairs it from the previous one
        String firstSolvedAt = first.body().path("solvedAt").asString();
        kafka.publish(ticket(category, 31.24, 121.47, "IN_WARRANTY", null));
        JsonNode second = await().atMost(WAIT).until(() -> api().get("/api/dispatch/day-plan").body(),
                plan -> !plan.path("solvedAt").asString().equals(firstSolvedAt) && !plan.path("stale").asBoolean());
        assertThat(second.path("incremental").asBoolean()).isTrue();
        assertThat(second.path("feasible").asBoolean()).isTrue();
    }

    @Test
    void aTicketClosedBeforeTheVisitCancelsTheJobAndReleasesTheTechnician() {
        String category = "CAT-" + UUID.randomUUID();
        String tech = technician("褚师傅", 31.2304, 121.48, category);
        EventEnvelope<TicketOpened> event = ticket(category, 31.2304, 121.4737, "IN_WARRANTY", null);
        kafka.publish(event);
        awaitJob(event.data().ticketId(), "ASSIGNED");

        kafka.publish(new EventEnvelope<>(UUID.randomUUID(), URI.create("/aftersales/ticket-service"),
                TicketEvents.TICKET_STATUS_CHANGED, OffsetDateTime.now(ZoneOffset.UTC), event.subject(), "corr-close",
                new com.aftersales.contracts.ticket.TicketStatusChanged(event.data().ticketId(), "TECHNICIAN_ASSIGNED",
                        "CLOSED", "agent:1", "customer fixed it", Instant.now())));
        awaitJob(event.data().ticketId(), "CANCELLED");
        List<EventEnvelope<?>> events = kafka.events(Topics.DISPATCH, event.subject(), 3, WAIT);
        TechnicianUnassigned released = events.get(2).dataAs(DispatchEvents.TECHNICIAN_UNASSIGNED);
        assertThat(released.cause()).isEqualTo("CANCELLED");
        assertThat(released.technicianId()).hasToString(tech);
    }

    @Test
    void theOpenApiDocumentDescribesEveryFeature() {
        JsonNode paths = api().get("/v3/api-docs").body().path("paths");
        assertThat(paths.has("/api/technicians/{id}/status")).isTrue();
        assertThat(paths.has("/api/dispatch/jobs/{id}/assignment")).isTrue();
        assertThat(paths.has("/api/dispatch/jobs/{id}/proposal")).isTrue();
        assertThat(paths.has("/api/dispatch/day-plan")).isTrue();
        assertThat(paths.has("/api/visits/{id}/completion")).isTrue();
        assertThat(paths.has("/api/service-reports/{id}/signature")).isTrue();
        assertThat(paths.has("/api/parts/checkouts")).isTrue();
    }

    @org.junit.jupiter.api.Test
    void errorsAskedForInChineseAreInChinese() {
        com.aftersales.testsupport.ChineseProblems.Answer missing = com.aftersales.testsupport.ChineseProblems.request(port,
                "/api/technicians/" + java.util.UUID.randomUUID(), null);
        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.notChinese()).as(missing.body().toString()).isEmpty();
        com.aftersales.testsupport.ChineseProblems.Answer invalid = com.aftersales.testsupport.ChineseProblems.request(port,
                "/api/technicians", "{\"name\":\" \",\"partnerDepot\":\"Not A Code\",\"maxVisitsPerDay\":-1}");
        assertThat(invalid.status()).isEqualTo(400);
        assertThat(invalid.body().path("errors").size()).isGreaterThan(1);
        assertThat(invalid.notChinese()).as(invalid.body().toString()).isEmpty();
    }
}
