package com.aftersales.platform.outbox;

import com.aftersales.contracts.EventCodec;
import com.aftersales.contracts.Topics;
import com.aftersales.contracts.feedback.ComplaintResolved;
import com.aftersales.contracts.feedback.FeedbackEvents;
import com.aftersales.platform.metrics.CachedGauges;
import com.aftersales.platform.metrics.MetricsProperties;
import com.aftersales.platform.schema.PlatformSchemaMigration;
import com.aftersales.testsupport.DatabaseEndpoint;
import com.aftersales.testsupport.KafkaTestClient;
import com.aftersales.testsupport.TestInfrastructure;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The relay on real PostgreSQL and Kafka with its safety-net poll set to ten minutes, so that only wake-ups can
 * explain a prompt delivery: rows committed by "another instance" (plain SQL) arrive through the table's NOTIFY,
 * in order; a rolled-back write sends nothing; the listener comes back after its connection is killed; the
 * publisher wakes the relay once per committed transaction and never for a rolled-back one.
 */
class RelayWakeUpIT {

    private static final Duration SAFETY_NET = Duration.ofMinutes(10);
    /**
     * Far below the safety net, and generous: on a busy two-core machine the first send (a new topic on the broker,
     * the producer's metadata) took more than 10 s.
     */
    private static final Duration PROMPT = Duration.ofSeconds(60);
    private static final String TOPIC = "relay-wake-up-it";

    private static JdbcClient jdbc;
    private static TransactionTemplate transactions;
    private static OutboxRelay relay;
    private static RelayNotifications notifications;
    private static KafkaTestClient kafka;
    private static DefaultKafkaProducerFactory<String, byte[]> producers;

    @BeforeAll
    static void start() {
        DatabaseEndpoint endpoint = TestInfrastructure.database("platform_relay_wake_up");
        DriverManagerDataSource dataSource = new DriverManagerDataSource(endpoint.jdbcUrl(), endpoint.username(),
                endpoint.password());
        new PlatformSchemaMigration(dataSource).afterPropertiesSet();
        jdbc = JdbcClient.create(dataSource);
        transactions = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
        producers = new DefaultKafkaProducerFactory<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfrastructure.kafkaBootstrapServers(),
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class,
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true));
        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        relay = new OutboxRelay(jdbc, transactions, new KafkaTemplate<>(producers),
                new OutboxProperties(SAFETY_NET, 200, Duration.ofSeconds(15), Duration.ofDays(7)), meters,
                new CachedGauges(meters, new MetricsProperties(Duration.ofSeconds(30))), new OutboxTracing(null, null),
                Clock.systemUTC());
        notifications = new RelayNotifications(dataSource, Duration.ofMillis(500), Duration.ofMillis(200));
        notifications.onInsert(relay.table(), relay::wake);
        kafka = KafkaTestClient.onTestBroker();
        // The relay's first run (at start) finds nothing; from then on only a wake-up makes it look again.
        relay.start();
        notifications.start();
    }

    @AfterAll
    static void stop() {
        notifications.stop();
        relay.stop();
        producers.destroy();
        kafka.close();
    }

    private static void insertRows(String key, int count) {
        IntStream.range(0, count).forEach(i -> jdbc.sql("""
                        insert into outbox_event (event_id, topic, message_key, event_type, payload)
                        values (:id, :topic, :key, 'aftersales.test.relayed.v1', :payload)""")
                .param("id", UUID.randomUUID()).param("topic", TOPIC).param("key", key)
                .param("payload", "{\"n\":" + i + "}").update());
    }

    private static List<String> payloads(String key, int expected) {
        return kafka.records(TOPIC, key, expected, PROMPT).stream()
                .map(ConsumerRecord::value).map(v -> new String(v, StandardCharsets.UTF_8)).toList();
    }

    @Test
    void rowsCommittedByAnotherInstanceAreSentPromptlyAndInOrder() {
        String key = UUID.randomUUID().toString();
        long started = System.nanoTime();
        transactions.executeWithoutResult(status -> insertRows(key, 20));
        List<String> sent = payloads(key, 20);
        long millis = (System.nanoTime() - started) / 1_000_000;
        assertThat(sent).containsExactlyElementsOf(IntStream.range(0, 20).mapToObj(i -> "{\"n\":" + i + "}").toList());
        assertThat(Duration.ofMillis(millis)).as("woken by the commit's NOTIFY, not the 10-minute poll")
                .isLessThan(PROMPT);
    }

    @Test
    void aRolledBackWriteIsNeverSent() {
        String key = UUID.randomUUID().toString();
        transactions.executeWithoutResult(status -> {
            insertRows(key, 3);
            status.setRollbackOnly();
        });
        String after = UUID.randomUUID().toString();
        transactions.executeWithoutResult(status -> insertRows(after, 1));
        assertThat(payloads(after, 1)).hasSize(1);
        assertThat(kafka.records(TOPIC, key, 0, PROMPT)).isEmpty();
    }

    @Test
    void theListenerComesBackAfterItsConnectionIsKilled() {
        await().atMost(PROMPT).until(() -> jdbc.sql("select count(*) from pg_stat_activity where query like 'LISTEN%'")
                .query(Long.class).single() > 0);
        Long killed = jdbc.sql("select count(pg_terminate_backend(pid)) from pg_stat_activity where query like 'LISTEN%'")
                .query(Long.class).single();
        assertThat(killed).isPositive();
        String key = UUID.randomUUID().toString();
        // Written while the listener may still be reconnecting: the wake-up after reconnecting covers it.
        transactions.executeWithoutResult(status -> insertRows(key, 1));
        assertThat(payloads(key, 1)).hasSize(1);
        String later = UUID.randomUUID().toString();
        transactions.executeWithoutResult(status -> insertRows(later, 1));
        assertThat(payloads(later, 1)).hasSize(1);
    }

    @Test
    void thePublisherWakesItsRelayOncePerCommittedTransactionAndNeverForARollback() {
        AtomicInteger wakes = new AtomicInteger();
        OutboxEventPublisher publisher = new OutboxEventPublisher(jdbc, new EventCodec(), "relay-it", Clock.systemUTC(),
                new OutboxTracing(null, null), () -> {
                    wakes.incrementAndGet();
                    relay.wake();
                });
        UUID complaint = UUID.randomUUID();
        transactions.executeWithoutResult(status -> {
            publisher.publish(FeedbackEvents.COMPLAINT_RESOLVED, complaint.toString(), resolved(complaint));
            publisher.publish(FeedbackEvents.COMPLAINT_RESOLVED, complaint.toString(), resolved(complaint));
        });
        assertThat(wakes).hasValue(1);
        assertThat(kafka.records(Topics.FEEDBACK, complaint.toString(), 2, PROMPT)).hasSize(2);
        UUID rolledBack = UUID.randomUUID();
        transactions.executeWithoutResult(status -> {
            publisher.publish(FeedbackEvents.COMPLAINT_RESOLVED, rolledBack.toString(), resolved(rolledBack));
            status.setRollbackOnly();
        });
        assertThat(wakes).hasValue(1);
    }

    private static ComplaintResolved resolved(UUID complaint) {
        return new ComplaintResolved(complaint, UUID.randomUUID(), "TICKET", "T-1", "MINOR", "apologised",
                BigDecimal.ZERO, "CNY", "supervisor", Instant.now());
    }
}
