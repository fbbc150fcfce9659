package com.aftersales.feedback.kpi;

import com.aftersales.contracts.EventCodec;
import com.aftersales.contracts.EventEnvelope;
import com.aftersales.contracts.Topics;
import com.aftersales.contracts.dispatch.DispatchEvents;
import com.aftersales.contracts.dispatch.TechnicianAssigned;
import com.aftersales.contracts.dispatch.VisitCompleted;
import com.aftersales.contracts.dispatch.VisitStarted;
import com.aftersales.contracts.feedback.ComplaintOpened;
import com.aftersales.contracts.feedback.FeedbackEvents;
import com.aftersales.contracts.feedback.SurveyAnswered;
import com.aftersales.contracts.product.ProductFacts;
import com.aftersales.contracts.product.ProductRegistered;
import com.aftersales.contracts.returns.ReturnDecided;
import com.aftersales.contracts.returns.ReturnRequested;
import com.aftersales.contracts.returns.ReturnStatusChanged;
import com.aftersales.contracts.returns.ReturnsEvents;
import com.aftersales.contracts.ticket.TicketEvents;
import com.aftersales.contracts.ticket.TicketOpened;
import com.aftersales.contracts.ticket.TicketSlaBreached;
import com.aftersales.contracts.ticket.TicketStatusChanged;
import com.aftersales.feedback.support.Http;
import com.aftersales.platform.inbox.InboundEventProcessor;
import com.aftersales.testsupport.KafkaTestClient;
import com.aftersales.testsupport.TestIdentity;
import com.aftersales.testsupport.WithRealInfrastructure;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.listener.MessageListenerContainer;
import org.springframework.kafka.support.KafkaUtils;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static com.aftersales.feedback.support.Events.event;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** From events in to KPIs out, and a rebuild from offset zero that gives identical tables. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@WithRealInfrastructure
class KpiIT {

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    InboundEventProcessor inbound;
    @Autowired
    KpiProjection projection;
    @Autowired
    KpiQuery query;
    @Autowired
    JsonMapper json;
    @Autowired
    KpiProperties properties;
    @Autowired
    KafkaListenerEndpointRegistry listeners;

    static final Instant T0 = Instant.parse("2026-10-12T01:00:00Z");

    @Test
    void kpisFromEventsAndAnIdenticalRebuild() {
        String model = "KPI-" + System.nanoTime();
        String store = "ST-" + System.nanoTime();
        UUID techA = UUID.randomUUID();
        UUID techB = UUID.randomUUID();
        UUID product = UUID.randomUUID();
        UUID first = UUID.randomUUID();
        UUID repeat = UUID.randomUUID();
        UUID other = UUID.randomUUID();
        List<EventEnvelope<?>> events = new ArrayList<>();
        events.add(event("ticket-service", TicketEvents.PRODUCT_REGISTERED, product, new ProductRegistered(new ProductFacts(
                product, UUID.randomUUID(), "SN-K-1", model, "AIR_CONDITIONER", "B1", LocalDate.parse("2026-09-01"), store,
                null, "REGULAR", false, true, true, "310104", null, null), T0.minusSeconds(86400 * 40))));
        events.add(opened(first, model, product, T0, new TicketOpened.SlaDueTimes(null, T0.plusSeconds(24 * 3600),
                T0.plusSeconds(6 * 3600), T0.plusSeconds(72 * 3600))));
        events.add(status(first, "OPEN", "AWAITING_TECHNICIAN", "system:dispatch-service", T0.plusSeconds(5)));
        events.add(status(first, "AWAITING_TECHNICIAN", "CONTACTED", "agent-7", T0.plusSeconds(900)));
        events.add(event("dispatch-service", DispatchEvents.TECHNICIAN_ASSIGNED, first, new TechnicianAssigned(UUID.randomUUID(),
                first, techA, "李师傅", "AUTO", "system", 0.9, "nearest", T0.plusSeconds(1800))));
        events.add(event("dispatch-service", DispatchEvents.VISIT_STARTED, first, new VisitStarted(UUID.randomUUID(),
                UUID.randomUUID(), first, techA, T0.plusSeconds(4 * 3600))));
        events.add(visit(first, techA, true, "150.00", T0.plusSeconds(5 * 3600)));
        events.add(status(first, "IN_PROGRESS", "RESOLVED", "tech", T0.plusSeconds(5 * 3600)));
        events.add(event("feedback-service", FeedbackEvents.SURVEY_ANSWERED, UUID.randomUUID(), new SurveyAnswered(
                UUID.randomUUID(), first, UUID.randomUUID(), 4, 9, "SMS_LINK", false, T0.plusSeconds(86400 * 2))));
        // The same unit back 10 days later: the first ticket becomes a repeat repair.
        Instant back = T0.plusSeconds(86400 * 10);
        events.add(opened(repeat, model, product, back, null));
        events.add(event("dispatch-service", DispatchEvents.TECHNICIAN_ASSIGNED, repeat, new TechnicianAssigned(UUID.randomUUID(),
                repeat, techB, "王师傅", "AUTO", "system", 0.8, "skills", back.plusSeconds(3600))));
        events.add(visit(repeat, techB, false, "50.00", back.plusSeconds(7200)));
        events.add(event("feedback-service", FeedbackEvents.COMPLAINT_OPENED, UUID.randomUUID(), new ComplaintOpened(
                UUID.randomUUID(), UUID.randomUUID(), repeat, "PHONE", "TICKET", repeat.toString(), "MEDIUM", "CUSTOMER",
                null, back.plusSeconds(9000))));
        events.add(opened(other, model, null, T0.plusSeconds(86400 * 15), null));
        events.add(event("returns-service", ReturnsEvents.RETURN_REQUESTED, UUID.randomUUID(), new ReturnRequested(
                UUID.randomUUID(), "SN-K-1", product, UUID.randomUUID(), "AIR_CONDITIONER", "CONSUMER", store, null, true,
                "noisy", LocalDate.parse("2026-10-20"), T0)));
        // returns-service's rule decides what counts: rejected, a factory batch fault found at inspection and a dealer's
        // return do not (one definition of the rate for its stats and these KPIs)
        UUID rejected = UUID.randomUUID();
        UUID batchFault = UUID.randomUUID();
        UUID dealer = UUID.randomUUID();
        for (UUID r : List.of(rejected, batchFault, dealer)) {
            events.add(event("returns-service", ReturnsEvents.RETURN_REQUESTED, r, new ReturnRequested(r, "SN-K-" + r, product,
                    UUID.randomUUID(), "AIR_CONDITIONER", r == dealer ? "DEALER" : "CONSUMER", store, null, true, "noisy",
                    LocalDate.parse("2026-10-21"), T0)));
        }
        events.add(event("returns-service", ReturnsEvents.RETURN_DECIDED, rejected, new ReturnDecided(rejected, "REJECTED",
                "NO_QUALITY_FAULT_AFTER_SEVEN_DAYS", "2026.1", "REJECTED", List.of(), "CUSTOMER", "FREIGHT_CUSTOMER_OTHERWISE",
                null, false, null, "rejected", T0, null, null, false)));
        events.add(event("returns-service", ReturnsEvents.RETURN_DECIDED, batchFault, new ReturnDecided(batchFault, "REFUND",
                "QUALITY_FAULT_REFUND_15_DAYS", "2026.1", "AUTHORIZED", List.of(), "COMPANY", "FREIGHT_QUALITY_FAULT",
                null, false, null, "refund", T0, null, null, true)));
        events.add(event("returns-service", ReturnsEvents.RETURN_STATUS_CHANGED, batchFault, new ReturnStatusChanged(batchFault,
                "RECEIVED", "INSPECTED", "REFUND", T0.plusSeconds(60), null, null, false)));
        try (KafkaTestClient kafka = KafkaTestClient.onTestBroker()) {
            events.forEach(kafka::publish);
        }
        await().atMost(Duration.ofSeconds(60)).until(() -> jdbc.sql("""
                select count(*) from processed_event where consumer = 'feedback-service.kpi' and event_id in (:ids)""")
                .param("ids", events.stream().map(EventEnvelope::id).toList()).query(Long.class).single() == events.size());

        Http http = new Http(port);
        Http.Response byModel = http.get("/api/kpis?groupBy=model&from=2026-10-01&to=2026-10-31&granularity=month");
        assertThat(byModel.status()).isEqualTo(200);
        JsonNode row = row(byModel.body(), model);
        assertThat(row.path("period").asString()).isEqualTo("2026-10-01");
        assertThat(row.path("counts").path("tickets").asLong()).isEqualTo(3);
        JsonNode k = row.path("kpis");
        assertThat(k.path("firstResponseMinutes").asDouble()).isEqualTo(15.0);
        assertThat(k.path("timeToAssignMinutes").asDouble()).isEqualTo(45.0); // (30 + 60) / 2
        assertThat(k.path("timeToOnSiteHours").asDouble()).isEqualTo(4.0);
        assertThat(k.path("timeToResolveHours").asDouble()).isEqualTo(5.0);
        assertThat(k.path("firstTimeFixRate").asDouble()).isEqualTo(0.5);
        assertThat(k.path("repeatRepairRate").asDouble()).isEqualTo(1.0);
        assertThat(k.path("slaOnSiteMetRate").asDouble()).isEqualTo(1.0);
        assertThat(k.path("beatThePromiseRate").asDouble()).isEqualTo(1.0);
        assertThat(k.path("csat").asDouble()).isEqualTo(4.0);
        assertThat(k.path("nps").asDouble()).isEqualTo(100.0);
        assertThat(k.path("complaintRate").asDouble()).isEqualTo(1.0 / 3);
        assertThat(k.path("serviceCostPerTicket").asDouble()).isEqualTo(100.0);
        assertThat(k.path("labourHoursPerVisit").asDouble()).isEqualTo(0.5);
        assertThat(k.path("serviceCostToRevenue").isNull()).as("in warranty nothing is charged: no ratio, not zero").isTrue();

        JsonNode byTechnician = http.get("/api/kpis?groupBy=technician&from=2026-10-01&to=2026-10-31&granularity=week").body();
        assertThat(row(byTechnician, techA.toString()).path("counts").path("tickets").asLong()).isEqualTo(1);
        assertThat(row(byTechnician, techB.toString()).path("kpis").path("firstTimeFixRate").asDouble()).isEqualTo(0.0);
        JsonNode byStore = http.get("/api/kpis?groupBy=store&from=2026-09-01&to=2026-10-31&granularity=month").body();
        assertThat(byStore.path("rows").valueStream().filter(r -> r.path("group").asString().equals(store))
                .mapToLong(r -> r.path("counts").path("units_sold").asLong()).sum()).isEqualTo(1);
        assertThat(byStore.path("rows").valueStream().filter(r -> r.path("group").asString().equals(store))
                .mapToLong(r -> r.path("counts").path("returns").asLong()).sum()).isEqualTo(1);

        List<Map<String, Object>> daily = snapshot("kpi_daily", "dimension, dim_value, day");
        assertThat(daily).isNotEmpty();
        List<Map<String, Object>> monthly = snapshot("kpi_monthly", "dimension, dim_value, day");
        List<Map<String, Object>> tickets = snapshot("kpi_ticket", "ticket_id");
        Http.Response rebuilt = http.as(TestIdentity.ADMIN).post("/api/kpis/rebuilds", "");
        assertThat(rebuilt.status()).isEqualTo(200);
        assertThat(rebuilt.body().path("eventsApplied").asLong()).isGreaterThanOrEqualTo(events.size());
        assertThat(snapshot("kpi_daily", "dimension, dim_value, day")).isEqualTo(daily);
        assertThat(snapshot("kpi_monthly", "dimension, dim_value, day")).isEqualTo(monthly);
        assertThat(snapshot("kpi_ticket", "ticket_id")).isEqualTo(tickets);
        assertThat(http.get("/api/kpis?groupBy=model&from=2026-10-01&to=2026-10-31&granularity=month").body())
                .isEqualTo(byModel.body());
    }

    /** The same facts published in order and in reverse give the same KPIs: every projection step is order-independent. */
    @Test
    void theSameFactsInReverseOrderGiveTheSameKpis() {
        String inOrder = "ORD-" + System.nanoTime();
        String reversed = "REV-" + System.nanoTime();
        List<EventEnvelope<?>> forward = scenario(inOrder);
        List<EventEnvelope<?>> backward = new ArrayList<>(scenario(reversed));
        java.util.Collections.reverse(backward);
        try (KafkaTestClient kafka = KafkaTestClient.onTestBroker()) {
            forward.forEach(kafka::publish);
            backward.forEach(kafka::publish);
        }
        List<UUID> ids = new ArrayList<>();
        forward.forEach(e -> ids.add(e.id()));
        backward.forEach(e -> ids.add(e.id()));
        await().atMost(Duration.ofSeconds(60)).until(() -> jdbc.sql("""
                select count(*) from processed_event where consumer = 'feedback-service.kpi' and event_id in (:ids)""")
                .param("ids", ids).query(Long.class).single() == ids.size());
        JsonNode byModel = new Http(port).get("/api/kpis?groupBy=model&from=2026-07-01&to=2026-07-31&granularity=month").body();
        JsonNode a = row(byModel, inOrder);
        JsonNode b = row(byModel, reversed);
        assertThat(b.path("counts")).isEqualTo(a.path("counts"));
        assertThat(b.path("kpis")).isEqualTo(a.path("kpis"));
        assertThat(a.path("counts").path("repeat_yes").asLong()).isEqualTo(1);
        assertThat(a.path("counts").path("tickets").asLong()).isEqualTo(2);
        assertThat(a.path("counts").path("sla_on_site_n").asLong()).isEqualTo(2);
        assertThat(a.path("kpis").path("slaOnSiteMetRate").asDouble()).isEqualTo(0.5);
    }

    /**
     * A poll applied as one batch (its tickets' facts, units and visits loaded with a statement each, written with a
     * statement each) ends with the KPIs of the same events applied one transaction each, which load and write per
     * ticket: a repeat repair, a unit registered after its tickets were opened, a visit's report replaced by a later
     * version and the older version arriving again after it.
     */
    @Test
    void aPollAppliedAsOneBatchGivesTheKpisOfTheSameEventsAppliedOneByOne() {
        String batched = "BAT-" + System.nanoTime();
        String oneByOne = "ONE-" + System.nanoTime();
        EventCodec codec = new EventCodec();
        List<EventEnvelope<?>> batch = poll(batched);
        List<EventEnvelope<?>> single = poll(oneByOne);
        KafkaUtils.setConsumerGroupId(KpiEventsListener.GROUP);
        try {
            assertThat(inbound.processBatch(records(batch, codec), projection.handlers())).isEqualTo(batch.size());
            for (ConsumerRecord<String, byte[]> record : records(single, codec)) {
                assertThat(inbound.process(record, projection.handlers())).isTrue();
            }
        } finally {
            KafkaUtils.clearConsumerGroupId();
        }
        // Published once applied, as every event of the tables is: the live listener skips them as duplicates and a
        // rebuild from offset zero (another test of this class) replays them.
        try (KafkaTestClient kafka = KafkaTestClient.onTestBroker()) {
            batch.forEach(kafka::publish);
            single.forEach(kafka::publish);
        }
        Http http = new Http(port);
        JsonNode byModel = http.get("/api/kpis?groupBy=model&from=2026-07-01&to=2026-07-31&granularity=month").body();
        JsonNode a = row(byModel, batched);
        JsonNode b = row(byModel, oneByOne);
        assertThat(a.path("counts")).isEqualTo(b.path("counts"));
        assertThat(a.path("kpis")).isEqualTo(b.path("kpis"));
        assertThat(a.path("counts").path("repeat_yes").asLong()).isEqualTo(1);
        // 60 + 40 + the visit's second report (30), not its first (80) come back late
        assertThat(a.path("counts").path("cost_minor").asLong()).isEqualTo(13_000);
        JsonNode byStore = http.get("/api/kpis?groupBy=store&from=2026-07-01&to=2026-07-31&granularity=month").body();
        assertThat(row(byStore, "S-" + batched).path("counts")).isEqualTo(row(byStore, "S-" + oneByOne).path("counts"));
        assertThat(row(byStore, "S-" + batched).path("counts").path("tickets").asLong()).isEqualTo(2);

        // The answer is written row by row from the sums; its bytes are those of KpiQuery.Result as Jackson writes it.
        LocalDate july = LocalDate.parse("2026-07-01");
        assertThat(http.get("/api/kpis?groupBy=model&from=2026-07-01&to=2026-07-31&granularity=month").raw())
                .isEqualTo(json.writeValueAsString(query.query("model", july, july.withDayOfMonth(31), "month")));
        assertThat(http.get("/api/kpis?from=2026-07-01&to=2026-07-31").raw())
                .isEqualTo(json.writeValueAsString(query.query(null, july, july.withDayOfMonth(31), null)))
                .contains("null").contains(".");
    }

    /**
     * The repeat rule looks only within its window (30 days here): of three repairs of one unit, the first, resolved 45
     * days before the second was opened, is no repeat; the second, resolved exactly 30 days before the third was
     * opened, is one (the window's end counts). The same whichever order the events arrive in, applied one by one or as
     * one poll.
     */
    @Test
    void aRepairComingBackCountsAsARepeatOnlyWithinTheWindow() {
        for (boolean batched : List.of(false, true)) {
            for (boolean reversed : List.of(false, true)) {
                UUID product = UUID.randomUUID();
                UUID first = UUID.randomUUID();
                UUID second = UUID.randomUUID();
                UUID third = UUID.randomUUID();
                String model = "WIN-" + System.nanoTime();
                Instant firstResolved = T0.plusSeconds(3600);
                Instant secondOpened = firstResolved.plus(Duration.ofDays(45));
                Instant secondResolved = secondOpened.plusSeconds(3600);
                List<EventEnvelope<?>> events = new ArrayList<>(List.of(
                        opened(first, model, product, T0, null),
                        status(first, "IN_PROGRESS", "RESOLVED", "tech", firstResolved),
                        opened(second, model, product, secondOpened, null),
                        status(second, "IN_PROGRESS", "RESOLVED", "tech", secondResolved),
                        opened(third, model, product, secondResolved.plus(Duration.ofDays(30)), null)));
                if (reversed) {
                    java.util.Collections.reverse(events);
                }
                KafkaUtils.setConsumerGroupId(KpiEventsListener.GROUP);
                try {
                    EventCodec codec = new EventCodec();
                    if (batched) {
                        assertThat(inbound.processBatch(records(events, codec), projection.handlers())).isEqualTo(events.size());
                    } else {
                        for (ConsumerRecord<String, byte[]> record : records(events, codec)) {
                            assertThat(inbound.process(record, projection.handlers())).isTrue();
                        }
                    }
                } finally {
                    KafkaUtils.clearConsumerGroupId();
                }
                // Published once applied, as every event of the tables is (the rebuild test replays the topics).
                try (KafkaTestClient kafka = KafkaTestClient.onTestBroker()) {
                    events.forEach(kafka::publish);
                }
                String order = (batched ? "one poll" : "one by one") + (reversed ? ", reversed" : ", in order");
                assertThat(repeated(first)).as("first, " + order).isFalse();
                assertThat(repeated(second)).as("second, " + order).isTrue();
                assertThat(repeated(third)).as("third, " + order).isFalse();
            }
        }
    }

    private boolean repeated(UUID ticket) {
        return jdbc.sql("select coalesce(repeated_within_window, false) from kpi_ticket where ticket_id = :id").param("id", ticket)
                .query(Boolean.class).single();
    }

    /**
     * A poll of the live listener's size whose tickets were opened on 2,000 different days: their day and month rows
     * (the whole platform's, the model's, the region's, the store's of each day) are upserted in one statement per table
     * within the poll's one transaction. A statement with a parameter per measure and row needed more than the
     * protocol's 65,535 for more than 1,872 rows, so such a poll failed and was applied again one record at a time.
     */
    @Test
    void aLargePollOfManyDaysIsAppliedInOneTransaction() {
        String model = "BIG-" + System.nanoTime();
        int tickets = properties.listener().maxPollRecords();
        Instant first = Instant.parse("2015-01-01T01:00:00Z");
        List<EventEnvelope<?>> events = new ArrayList<>();
        for (int i = 0; i < tickets; i++) {
            events.add(opened(UUID.randomUUID(), model, null, first.plus(Duration.ofDays(i)), null));
        }
        KafkaUtils.setConsumerGroupId(KpiEventsListener.GROUP);
        try {
            assertThat(inbound.processBatch(records(events, new EventCodec()), projection.handlers())).isEqualTo(events.size());
        } finally {
            KafkaUtils.clearConsumerGroupId();
        }
        // Published once applied, as every event of the tables is (the rebuild test replays the topics).
        try (KafkaTestClient kafka = KafkaTestClient.onTestBroker()) {
            events.forEach(kafka::publish);
        }
        // One transaction: every marker has its start time.
        assertThat(jdbc.sql("select count(distinct processed_at) from processed_event where consumer = :consumer and event_id in (:ids)")
                .param("consumer", KpiEventsListener.GROUP).param("ids", events.stream().map(EventEnvelope::id).toList())
                .query(Long.class).single()).isEqualTo(1);
        assertThat(jdbc.sql("select count(*), sum(tickets) from kpi_daily where dimension = 'model' and dim_value = :model")
                .param("model", model).query((rs, n) -> List.of(rs.getLong(1), rs.getLong(2))).single())
                .containsExactly((long) tickets, (long) tickets);
        assertThat(jdbc.sql("select sum(tickets) from kpi_monthly where dimension = 'model' and dim_value = :model")
                .param("model", model).query(Long.class).single()).isEqualTo(tickets);
    }

    /** The live listener's consumer polls as many records as configured, more than Kafka's default of 500. */
    @Test
    void theLiveListenerPollsTheConfiguredNumberOfRecords() {
        MessageListenerContainer container = listeners.getListenerContainer(KpiEventsListener.LISTENER_ID);
        assertThat(container).isNotNull();
        assertThat(container.getContainerProperties().getKafkaConsumerProperties().getProperty(ConsumerConfig.MAX_POLL_RECORDS_CONFIG))
                .isEqualTo(String.valueOf(properties.listener().maxPollRecords()));
        assertThat(properties.listener().maxPollRecords()).isGreaterThan(ConsumerConfig.DEFAULT_MAX_POLL_RECORDS);
    }

    /** The scenario, a visit whose report is replaced and then replayed old, and its unit registered last. */
    private static List<EventEnvelope<?>> poll(String model) {
        UUID product = UUID.randomUUID();
        List<EventEnvelope<?>> events = new ArrayList<>(scenario(model, product));
        UUID ticket = events.get(0).data() instanceof TicketOpened t ? t.ticketId() : null;
        UUID tech = UUID.randomUUID();
        UUID visit = UUID.randomUUID();
        Instant t = Instant.parse("2026-07-08T01:00:00Z");
        events.add(visit(ticket, tech, visit, 1, "80.00", t));
        events.add(visit(ticket, tech, visit, 2, "30.00", t.plusSeconds(60)));
        events.add(visit(ticket, tech, visit, 1, "80.00", t));
        events.add(event("ticket-service", TicketEvents.PRODUCT_REGISTERED, product, new ProductRegistered(new ProductFacts(
                product, UUID.randomUUID(), "SN-B-" + model, model, "AIR_CONDITIONER", "B1", LocalDate.parse("2026-06-01"),
                "S-" + model, null, "REGULAR", false, true, true, "310104", null, null), t)));
        return events;
    }

    private static List<ConsumerRecord<String, byte[]>> records(List<EventEnvelope<?>> events, EventCodec codec) {
        List<ConsumerRecord<String, byte[]>> records = new ArrayList<>();
        for (EventEnvelope<?> event : events) {
            records.add(new ConsumerRecord<>(event.type().topic(), 0, records.size(), event.subject(), codec.encode(event)));
        }
        return records;
    }

    private static List<EventEnvelope<?>> scenario(String model) {
        return scenario(model, UUID.randomUUID());
    }

    /** Two repairs of one unit (the second a repeat), reassigned, two visits, a survey answer. */
    private static List<EventEnvelope<?>> scenario(String model, UUID product) {
        Instant t = Instant.parse("2026-07-06T01:00:00Z");
        UUID first = UUID.randomUUID();
        UUID second = UUID.randomUUID();
        UUID tech1 = UUID.randomUUID();
        UUID tech2 = UUID.randomUUID();
        List<EventEnvelope<?>> events = new ArrayList<>();
        events.add(opened(first, model, product, t, new TicketOpened.SlaDueTimes(null, t.plusSeconds(86400),
                t.plusSeconds(21600), t.plusSeconds(3 * 86400))));
        events.add(status(first, "OPEN", "CONTACTED", "agent-1", t.plusSeconds(300)));
        events.add(status(first, "CONTACTED", "CONTACTED", "agent-2", t.plusSeconds(600)));
        events.add(event("dispatch-service", DispatchEvents.TECHNICIAN_ASSIGNED, first, new TechnicianAssigned(UUID.randomUUID(),
                first, tech1, "A", "AUTO", "system", 0.5, "x", t.plusSeconds(900))));
        events.add(event("dispatch-service", DispatchEvents.TECHNICIAN_ASSIGNED, first, new TechnicianAssigned(UUID.randomUUID(),
                first, tech2, "B", "MANUAL", "dispatcher", 0.7, "y", t.plusSeconds(1200))));
        events.add(event("dispatch-service", DispatchEvents.VISIT_STARTED, first, new VisitStarted(UUID.randomUUID(),
                UUID.randomUUID(), first, tech2, t.plusSeconds(7200))));
        events.add(visit(first, tech2, false, "60.00", t.plusSeconds(9000)));
        events.add(visit(first, tech2, false, "40.00", t.plusSeconds(90000)));
        events.add(status(first, "IN_PROGRESS", "RESOLVED", "tech", t.plusSeconds(90000)));
        events.add(event("feedback-service", FeedbackEvents.SURVEY_ANSWERED, UUID.randomUUID(), new SurveyAnswered(
                UUID.randomUUID(), first, UUID.randomUUID(), 3, 6, "WEB", true, t.plusSeconds(200000))));
        events.add(opened(second, model, product, t.plusSeconds(5 * 86400), null));
        events.add(status(second, "OPEN", "RESOLVED_REMOTELY", "agent-3", t.plusSeconds(5 * 86400 + 3600)));
        events.add(event("ticket-service", TicketEvents.TICKET_SLA_BREACHED, second, new TicketSlaBreached(second, "ON_SITE",
                86400, "SLA-ON-SITE", t.plusSeconds(6 * 86400), t.plusSeconds(6 * 86400))));
        return events;
    }

    @Test
    void aPoisonRecordInABatchGoesToTheDeadLetterTopicAloneAndTheRestIsApplied() {
        String key = UUID.randomUUID().toString();
        EventEnvelope<?> before = event("feedback-service", FeedbackEvents.SURVEY_ANSWERED, key,
                new SurveyAnswered(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), 5, 10, "SMS_LINK", false, T0));
        EventEnvelope<?> after = event("feedback-service", FeedbackEvents.SURVEY_ANSWERED, key,
                new SurveyAnswered(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), 3, 6, "SMS_LINK", false, T0));
        try (KafkaTestClient kafka = KafkaTestClient.onTestBroker()) {
            // One key, so one partition and most likely one poll: the poison record sits between two good ones.
            kafka.publish(before);
            kafka.send(Topics.FEEDBACK, key, "{\"not\": \"a cloud event\"}".getBytes(StandardCharsets.UTF_8));
            kafka.publish(after);
            await().atMost(Duration.ofSeconds(60)).until(() -> jdbc.sql("""
                    select count(*) from processed_event where consumer = 'feedback-service.kpi' and event_id in (:ids)""")
                    .param("ids", List.of(before.id(), after.id())).query(Long.class).single() == 2);
            assertThat(kafka.records(Topics.deadLetterOf(Topics.FEEDBACK), key, 1, Duration.ofSeconds(60))).hasSize(1);
        }
        // A rebuild from offset zero passes over it as the live listener did.
        Http.Response rebuilt = new Http(port).as(TestIdentity.ADMIN).post("/api/kpis/rebuilds", "");
        assertThat(rebuilt.status()).isEqualTo(200);
        assertThat(rebuilt.body().path("recordsSkipped").asLong()).isPositive();
    }

    @Test
    void badQueriesAreProblems() {
        Http http = new Http(port);
        Http.Response reversed = http.get("/api/kpis?from=2026-10-31&to=2026-10-01");
        assertThat(reversed.status()).isEqualTo(400);
        assertThat(reversed.body().path("errors").get(0).path("field").asString()).isEqualTo("from");
        Http.Response unknown = http.get("/api/kpis?groupBy=planet&from=2026-10-01&to=2026-10-31");
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.body().path("errors").get(0).path("message").asString()).contains("technician");
        assertThat(http.get("/api/kpis?from=2026-10-01&to=2026-10-31&granularity=hour").status()).isEqualTo(400);
        assertThat(http.get("/api/kpis?from=2020-01-01&to=2026-10-31").status()).isEqualTo(400);
        assertThat(http.get("/api/kpis?from=yesterday&to=2026-10-31").status()).isEqualTo(400);
        assertThat(http.get("/api/kpis?from=2026-12-01&to=").status()).isEqualTo(200);
    }

    @Test
    void absentDatesMeanThisMonthSoFarInTheKpiZone() {
        Http http = new Http(port);
        JsonNode thisMonth = http.get("/api/kpis?granularity=month").body();
        java.time.LocalDate today = java.time.LocalDate.now(java.time.ZoneId.of("Asia/Shanghai"));
        assertThat(thisMonth.path("to").asString()).isEqualTo(today.toString());
        assertThat(thisMonth.path("from").asString()).isEqualTo(today.withDayOfMonth(1).toString());
        assertThat(thisMonth.path("zone").asString()).isEqualTo("Asia/Shanghai");
        JsonNode october = http.get("/api/kpis?to=2026-10-31").body();
        assertThat(october.path("from").asString()).isEqualTo("2026-10-01");
    }

    private List<Map<String, Object>> snapshot(String table, String order) {
        return jdbc.sql("select * from " + table + " order by " + order).query().listOfRows();
    }

    private static JsonNode row(JsonNode result, String group) {
        return result.path("rows").valueStream().filter(r -> r.path("group").asString().equals(group)).findFirst()
                .orElseThrow(() -> new AssertionError("no row for " + group + " in " + result));
    }

    private static EventEnvelope<TicketOpened> opened(UUID id, String model, UUID product, Instant at, TicketOpened.SlaDueTimes sla) {
        return event("ticket-service", TicketEvents.TICKET_OPENED, id, new TicketOpened(id, UUID.randomUUID(), "SN-K-1", model,
                "REPAIR", "PHONE", "NORMAL", "COOLING", "不制冷", at, product, "AIR_CONDITIONER", "B1", "B", "310104", null, null,
                "IN_WARRANTY", null, "E1", sla));
    }

    private static EventEnvelope<TicketStatusChanged> status(UUID id, String from, String to, String actor, Instant at) {
        return event("ticket-service", TicketEvents.TICKET_STATUS_CHANGED, id, new TicketStatusChanged(id, from, to, actor, "step", at));
    }

    private static EventEnvelope<VisitCompleted> visit(UUID ticket, UUID tech, boolean ftf, String cost, Instant at) {
        return event("dispatch-service", DispatchEvents.VISIT_COMPLETED, ticket, new VisitCompleted(UUID.randomUUID(),
                UUID.randomUUID(), ticket, tech, "COMPLETED", UUID.randomUUID(), 1, "c", "f", "COOLING", "E1", "F1", ftf, 30,
                List.of(), "IN_WARRANTY", new BigDecimal(cost), BigDecimal.ZERO, "CNY", at));
    }

    private static EventEnvelope<VisitCompleted> visit(UUID ticket, UUID tech, UUID visit, int version, String cost, Instant at) {
        return event("dispatch-service", DispatchEvents.VISIT_COMPLETED, ticket, new VisitCompleted(visit, UUID.randomUUID(),
                ticket, tech, "COMPLETED", UUID.randomUUID(), version, "c", "f", "COOLING", "E1", "F1", false, 30, List.of(),
                "IN_WARRANTY", new BigDecimal(cost), BigDecimal.ZERO, "CNY", at));
    }
}
