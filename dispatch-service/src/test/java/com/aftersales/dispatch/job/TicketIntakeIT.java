package com.aftersales.dispatch.job;

import com.aftersales.contracts.dispatch.DispatchEvents;
import com.aftersales.contracts.ticket.TicketEvents;
import com.aftersales.contracts.EventCodec;
import com.aftersales.contracts.EventEnvelope;
import com.aftersales.contracts.Topics;
import com.aftersales.contracts.ticket.TicketOpened;
import com.aftersales.platform.kafka.KafkaPlatformProperties;
import com.aftersales.testsupport.KafkaTestClient;
import com.aftersales.testsupport.WithRealInfrastructure;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.utils.Utils;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

import javax.sql.DataSource;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Ticket events in, jobs and DispatchJobQueued out, on real PostgreSQL and Kafka; failures go to the DLT; the ticket
 * topic's partitions are consumed side by side.
 */
@SpringBootTest(properties = {
        "aftersales.kafka.retry.max-retries=2",
        "aftersales.kafka.retry.initial-interval=100ms"})
@WithRealInfrastructure
class TicketIntakeIT {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static KafkaTestClient kafka;
    private final EventCodec codec = new EventCodec();

    @Autowired
    JdbcClient jdbc;
    @Autowired
    DataSource dataSource;
    @Autowired
    KafkaPlatformProperties kafkaProperties;
    @Value("${spring.kafka.consumer.group-id}")
    String consumerGroup;

    @BeforeAll
    static void connect() {
        kafka = KafkaTestClient.onTestBroker();
    }

    @AfterAll
    static void close() {
        kafka.close();
    }

    private static EventEnvelope<TicketOpened> ticketOpened(String ticketType) {
        UUID ticketId = UUID.randomUUID();
        return new EventEnvelope<>(UUID.randomUUID(), URI.create("/aftersales/ticket-service"), TicketEvents.TICKET_OPENED,
                OffsetDateTime.now(ZoneOffset.UTC), ticketId.toString(), "corr-" + ticketId,
                new TicketOpened(ticketId, UUID.randomUUID(), "SN-" + ticketId, "XQG100-14", ticketType, "PHONE", "HIGH",
                        "LEAK", "洗衣机漏水", Instant.now()));
    }

    @Test
    void aRepairTicketQueuesOneJobEvenWhenTheEventIsDeliveredTwice() {
        EventEnvelope<TicketOpened> event = ticketOpened("REPAIR");
        kafka.publish(event);
        kafka.publish(event);

        UUID ticketId = event.data().ticketId();
        await().atMost(WAIT).until(() -> jobsFor(ticketId) == 1);
        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(5)).until(() -> jobsFor(ticketId) == 1);
        assertThat(jdbc.sql("select reason from dispatch_job where ticket_id = :t").param("t", ticketId)
                .query(String.class).single()).startsWith(VisitRequirement.RULE);

        List<EventEnvelope<?>> queued = kafka.events(Topics.DISPATCH, ticketId.toString(), 1, WAIT);
        assertThat(queued).hasSize(1);
        assertThat(queued.get(0).dataAs(DispatchEvents.DISPATCH_JOB_QUEUED).ticketId()).isEqualTo(ticketId);
        assertThat(queued.get(0).correlationId()).isEqualTo(event.correlationId());
    }

    @Test
    void theWarrantyCoverOfEveryPartIsRecordedOnceEvenWhenTheEventIsDeliveredTwice() {
        UUID ticketId = UUID.randomUUID();
        java.time.LocalDate bought = java.time.LocalDate.of(2025, 3, 15);
        List<TicketOpened.WarrantyCover> covers = List.of(
                new TicketOpened.WarrantyCover("UNIT", bought, bought.plusYears(1).minusDays(1), "sanbao-2026", false),
                new TicketOpened.WarrantyCover("COMPRESSOR", bought, bought.plusYears(6).minusDays(1), "sanbao-2026", true),
                new TicketOpened.WarrantyCover("MAINBOARD", bought, bought.plusYears(3).minusDays(1), "sanbao-2026", true));
        EventEnvelope<TicketOpened> event = new EventEnvelope<>(UUID.randomUUID(), URI.create("/aftersales/ticket-service"),
                TicketEvents.TICKET_OPENED, OffsetDateTime.now(ZoneOffset.UTC), ticketId.toString(), "corr-" + ticketId,
                new TicketOpened(ticketId, UUID.randomUUID(), "SN-" + ticketId, "KFR-35GW", "REPAIR", "PHONE", "HIGH",
                        "COOLING", "空调不制冷", Instant.now(), null, "AIR_CONDITIONER", "B2025", "A", "SH-HP", null, null,
                        "OUT_OF_WARRANTY", true, null, null, covers));
        kafka.publish(event);
        kafka.publish(event);

        await().atMost(WAIT).until(() -> jobsFor(ticketId) == 1);
        List<String> recorded = jdbc.sql("""
                        select part || ' ' || first_day || ' ' || last_day || ' ' || in_cover || ' ' || terms_version
                        from ticket_warranty_cover where ticket_id = :t order by part""")
                .param("t", ticketId).query(String.class).list();
        assertThat(recorded).containsExactly(
                "COMPRESSOR 2025-03-15 2031-03-14 true sanbao-2026",
                "MAINBOARD 2025-03-15 2028-03-14 true sanbao-2026",
                "UNIT 2025-03-15 2026-03-14 false sanbao-2026");
    }

    @Test
    void anAmendedTicketsJobPlansWithTheNewPriorityAndPromise() {
        EventEnvelope<TicketOpened> opened = ticketOpened("REPAIR");
        kafka.publish(opened);
        UUID ticketId = opened.data().ticketId();
        await().atMost(WAIT).until(() -> jobsFor(ticketId) == 1);

        Instant onSiteDue = Instant.now().plus(Duration.ofHours(4)).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        Instant onSiteTarget = Instant.now().plus(Duration.ofHours(2)).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        kafka.publish(new EventEnvelope<>(UUID.randomUUID(), URI.create("/aftersales/ticket-service"), TicketEvents.TICKET_AMENDED,
                OffsetDateTime.now(ZoneOffset.UTC), ticketId.toString(), "corr-" + ticketId,
                new com.aftersales.contracts.ticket.TicketAmended(ticketId, List.of("priority", "faultCode"), "URGENT", "LEAK", "E21",
                        "洗衣机漏水", new TicketOpened.SlaDueTimes(null, onSiteDue, onSiteTarget, null),
                        List.of("priority:URGENT"), "agent.wang", Instant.now())));

        await().atMost(WAIT).until(() -> "URGENT".equals(jdbc.sql("select ticket_priority from dispatch_job where ticket_id = :t")
                .param("t", ticketId).query(String.class).single()));
        var job = jdbc.sql("select fault_code, on_site_due_at, on_site_target_at from dispatch_job where ticket_id = :t")
                .param("t", ticketId).query().singleRow();
        assertThat(job.get("fault_code")).isEqualTo("E21");
        assertThat(((java.sql.Timestamp) job.get("on_site_due_at")).toInstant()).isEqualTo(onSiteDue);
        assertThat(((java.sql.Timestamp) job.get("on_site_target_at")).toInstant()).isEqualTo(onSiteTarget);
    }

    @Test
    void aConsultationSentToATechnicianLaterGetsAJobFromItsOpeningFacts() {
        EventEnvelope<TicketOpened> opened = ticketOpened("CONSULTATION");
        UUID ticketId = opened.data().ticketId();
        kafka.publish(opened);
        kafka.publish(new EventEnvelope<>(UUID.randomUUID(), URI.create("/aftersales/ticket-service"),
                TicketEvents.TICKET_STATUS_CHANGED, OffsetDateTime.now(ZoneOffset.UTC), ticketId.toString(), "corr-" + ticketId,
                new com.aftersales.contracts.ticket.TicketStatusChanged(ticketId, "TRIAGED", "AWAITING_TECHNICIAN",
                        "agent:test.agent", "电话里无法解决，需上门", Instant.now())));

        await().atMost(WAIT).until(() -> jobsFor(ticketId) == 1);
        var job = jdbc.sql("select reason, model, fault_description, status from dispatch_job where ticket_id = :t")
                .param("t", ticketId).query().singleRow();
        assertThat((String) job.get("reason")).startsWith(DispatchJobService.RULE_VISIT_REQUESTED)
                .contains("TRIAGED → AWAITING_TECHNICIAN", "agent:test.agent");
        assertThat(job.get("model")).isEqualTo("XQG100-14");
        assertThat(job.get("fault_description")).isEqualTo("洗衣机漏水");
        assertThat(kafka.events(Topics.DISPATCH, ticketId.toString(), 1, WAIT).get(0).type())
                .isEqualTo(DispatchEvents.DISPATCH_JOB_QUEUED);
    }

    @Test
    void statusChangesThatConcernNoJobTakeNoTransaction() {
        EventEnvelope<TicketOpened> opened = ticketOpened("CONSULTATION");
        UUID ticketId = opened.data().ticketId();
        EventEnvelope<com.aftersales.contracts.ticket.TicketStatusChanged> triaged = statusChanged(ticketId, "OPEN", "TRIAGED");
        EventEnvelope<com.aftersales.contracts.ticket.TicketStatusChanged> closed = statusChanged(ticketId, "TRIAGED", "CLOSED");
        kafka.publish(opened);
        kafka.publish(triaged);
        kafka.publish(closed);

        // The closing is behind the triage on the ticket's partition: once it is recorded, both were read.
        await().atMost(WAIT).until(() -> markers(closed.id()) == 1);
        assertThat(markers(triaged.id())).isZero();
    }

    @Test
    void aTicketFollowingItsQueuedJobTakesNoTransaction() {
        EventEnvelope<TicketOpened> opened = ticketOpened("REPAIR");
        UUID ticketId = opened.data().ticketId();
        // ticket-service reports the job this service queued: the ticket awaits a technician, under this service's actor
        EventEnvelope<com.aftersales.contracts.ticket.TicketStatusChanged> following = statusChanged(ticketId, "OPEN",
                "AWAITING_TECHNICIAN", DispatchJobService.SYSTEM);
        EventEnvelope<com.aftersales.contracts.ticket.TicketStatusChanged> closed = statusChanged(ticketId,
                "AWAITING_TECHNICIAN", "CLOSED");
        kafka.publish(opened);
        kafka.publish(following);
        kafka.publish(closed);

        await().atMost(WAIT).until(() -> markers(closed.id()) == 1);
        assertThat(markers(following.id())).isZero();
        assertThat(jdbc.sql("select status from dispatch_job where ticket_id = :t").param("t", ticketId)
                .query(String.class).single()).isEqualTo("CANCELLED");
    }

    private static EventEnvelope<com.aftersales.contracts.ticket.TicketStatusChanged> statusChanged(UUID ticketId, String from,
                                                                                                   String to) {
        return statusChanged(ticketId, from, to, "agent:test.agent");
    }

    private static EventEnvelope<com.aftersales.contracts.ticket.TicketStatusChanged> statusChanged(UUID ticketId, String from,
                                                                                                   String to, String actor) {
        return new EventEnvelope<>(UUID.randomUUID(), URI.create("/aftersales/ticket-service"),
                TicketEvents.TICKET_STATUS_CHANGED, OffsetDateTime.now(ZoneOffset.UTC), ticketId.toString(), "corr-" + ticketId,
                new com.aftersales.contracts.ticket.TicketStatusChanged(ticketId, from, to, actor, "test", Instant.now()));
    }

    private long markers(UUID eventId) {
        return jdbc.sql("select count(*) from processed_event where event_id = :id").param("id", eventId)
                .query(Long.class).single();
    }

    @Test
    void aConsultationNeedsNoJob() {
        EventEnvelope<TicketOpened> event = ticketOpened("CONSULTATION");
        kafka.publish(event);

        // the handler runs (and records the event as processed) but decides that no visit is needed
        await().atMost(WAIT).until(() -> jdbc.sql("select count(*) from processed_event where event_id = :id")
                .param("id", event.id()).query(Long.class).single() == 1);
        assertThat(jobsFor(event.data().ticketId())).isZero();
    }

    @Test
    void aSchemaInvalidEventGoesToTheDeadLetterTopicWithoutBlockingThePartition() {
        String key = UUID.randomUUID().toString();
        String poison = """
                {"specversion":"1.0","id":"%s","source":"/evil","type":"aftersales.ticket.opened.v1",
                 "time":"2026-11-24T08:00:00Z","subject":"%s","datacontenttype":"application/json","data":{"ticketId":42}}"""
                .formatted(UUID.randomUUID(), key);
        kafka.send(Topics.TICKETS, key, poison.getBytes(StandardCharsets.UTF_8));
        EventEnvelope<TicketOpened> after = ticketOpened("REPAIR");
        // same key, so same partition: the good event behind the poison one must still be processed
        kafka.send(Topics.TICKETS, key, codec.encode(after));

        List<ConsumerRecord<String, byte[]>> dead = kafka.records(Topics.deadLetterOf(Topics.TICKETS), key, 1, WAIT);
        assertThat(dead).hasSize(1);
        assertThat(new String(dead.get(0).value(), StandardCharsets.UTF_8)).isEqualTo(poison);
        assertThat(new String(dead.get(0).headers().lastHeader("kafka_dlt-original-topic").value(), StandardCharsets.UTF_8))
                .isEqualTo(Topics.TICKETS);
        await().atMost(WAIT).until(() -> jobsFor(after.data().ticketId()) == 1);
    }

    @Test
    void anEventWhoseProcessingKeepsFailingIsRetriedThenDeadLetteredAndNothingIsHalfWritten() {
        EventEnvelope<TicketOpened> event = ticketOpened("INSTALLATION");
        jdbc.sql("alter table dispatch_job rename to dispatch_job_away").update();
        try {
            kafka.publish(event);
            List<ConsumerRecord<String, byte[]>> dead = kafka.records(Topics.deadLetterOf(Topics.TICKETS), event.subject(), 1, WAIT);
            assertThat(codec.decode(dead.get(0).value()).orElseThrow().id()).isEqualTo(event.id());
        } finally {
            jdbc.sql("alter table dispatch_job_away rename to dispatch_job").update();
        }
        assertThat(jdbc.sql("select count(*) from processed_event where event_id = :id").param("id", event.id())
                .query(Long.class).single()).isZero();
        assertThat(jobsFor(event.data().ticketId())).isZero();
    }

    @Test
    void aTicketIsQueuedWhileAnEventOfAnotherPartitionIsStillBeingHandled() throws Exception {
        EventEnvelope<TicketOpened> waiting = ticketOpened("REPAIR");
        EventEnvelope<TicketOpened> other = ticketOpened("REPAIR");
        while (partitionOf(other.subject()) == partitionOf(waiting.subject())) {
            other = ticketOpened("REPAIR");
        }
        // Another transaction holds the idempotency marker of the first event: its handling waits on that row lock,
        // as it would on any slow handler, until the transaction ends.
        try (Connection holder = dataSource.getConnection()) {
            holder.setAutoCommit(false);
            try (PreparedStatement marker = holder.prepareStatement(
                    "insert into processed_event (consumer, event_id, event_type) values (?, ?, ?)")) {
                marker.setString(1, consumerGroup);
                marker.setObject(2, waiting.id());
                marker.setString(3, waiting.type().type());
                marker.executeUpdate();
            }
            kafka.publish(waiting);
            kafka.publish(other);
            UUID otherTicket = other.data().ticketId();
            await().atMost(Duration.ofSeconds(15)).until(() -> jobsFor(otherTicket) == 1);
            assertThat(jobsFor(waiting.data().ticketId())).isZero();
            holder.rollback();
        }
        UUID waitingTicket = waiting.data().ticketId();
        await().atMost(WAIT).until(() -> jobsFor(waitingTicket) == 1);
    }

    /** The partition the producer's default partitioner gives a key (murmur2 of the key over the topic's partitions). */
    private int partitionOf(String key) {
        return Utils.toPositive(Utils.murmur2(key.getBytes(StandardCharsets.UTF_8))) % kafkaProperties.topics().partitions();
    }

    private long jobsFor(UUID ticketId) {
        return jdbc.sql("select count(*) from dispatch_job where ticket_id = :t").param("t", ticketId).query(Long.class).single();
    }
}
