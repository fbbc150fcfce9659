package com.aftersales.platform.outbox;

import com.aftersales.platform.metrics.CachedGauges;
import com.aftersales.platform.metrics.MetricsProperties;
import com.aftersales.platform.schema.PlatformSchemaMigration;
import com.aftersales.testsupport.DatabaseEndpoint;
import com.aftersales.testsupport.KafkaTestClient;
import com.aftersales.testsupport.TestInfrastructure;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The relay's transaction, which only marks rows sent, commits without waiting for its WAL flush; the setting is the
 * transaction's own (the connection goes back to the pool as durable as before). On one connection, so that what the
 * relay's transaction set would still be seen after it if it were not local.
 */
class RelayMarkIT {

    private static final String TOPIC = "relay-mark-it";

    private static SingleConnectionDataSource dataSource;
    private static JdbcClient jdbc;
    private static DefaultKafkaProducerFactory<String, byte[]> producers;
    private static KafkaTestClient kafka;

    @BeforeAll
    static void start() {
        DatabaseEndpoint endpoint = TestInfrastructure.database("platform_relay_mark");
        dataSource = new SingleConnectionDataSource(endpoint.jdbcUrl(), endpoint.username(), endpoint.password(), true);
        new PlatformSchemaMigration(dataSource).afterPropertiesSet();
        jdbc = JdbcClient.create(dataSource);
        producers = new DefaultKafkaProducerFactory<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfrastructure.kafkaBootstrapServers(),
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class,
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true));
        kafka = KafkaTestClient.onTestBroker();
    }

    @AfterAll
    static void stop() {
        producers.destroy();
        kafka.close();
        dataSource.destroy();
    }

    @Test
    void theMarkCommitsWithoutWaitingForItsFlushAndTheConnectionStaysDurable() {
        List<String> inRelayTransaction = new ArrayList<>();
        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        OutboxRelay relay = new OutboxRelay(jdbc, new TransactionTemplate(new DataSourceTransactionManager(dataSource)),
                new KafkaTemplate<>(producers), new OutboxProperties(Duration.ofMinutes(10), 200, Duration.ofSeconds(15),
                Duration.ofDays(7)), meters, new CachedGauges(meters, new MetricsProperties(Duration.ofSeconds(30))),
                new OutboxTracing(null, null), Clock.systemUTC()) {
            @Override
            protected void beforeSending(Set<String> topics) {
                inRelayTransaction.add(jdbc.sql("select current_setting('synchronous_commit')").query(String.class).single());
            }
        };
        // durable commits on this connection, as in every deployment (the test server's default is off)
        jdbc.sql("set synchronous_commit = on").update();
        String key = UUID.randomUUID().toString();
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                        insert into outbox_event (event_id, topic, message_key, event_type, payload)
                        values (:id, :topic, :key, 'aftersales.test.relayed.v1', '{}')""")
                .param("id", id).param("topic", TOPIC).param("key", key).update();

        assertThat(relay.relayPending()).isEqualTo(1);

        assertThat(inRelayTransaction).containsExactly("off");
        assertThat(jdbc.sql("select current_setting('synchronous_commit')").query(String.class).single()).isEqualTo("on");
        assertThat(jdbc.sql("select published_at is not null from outbox_event where event_id = :id").param("id", id)
                .query(Boolean.class).single()).isTrue();
        assertThat(kafka.records(TOPIC, key, 1, Duration.ofSeconds(10))).hasSize(1);
    }
}
