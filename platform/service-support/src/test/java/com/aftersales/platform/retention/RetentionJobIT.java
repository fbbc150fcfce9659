package com.aftersales.platform.retention;

import com.aftersales.platform.schema.PlatformSchemaMigration;
import com.aftersales.testsupport.DatabaseEndpoint;
import com.aftersales.testsupport.TestInfrastructure;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Retention on real PostgreSQL (platform migrations included): expired rows go in batches, nothing else does. */
class RetentionJobIT {

    private static final Instant NOW = Instant.parse("2026-12-03T04:00:00Z");
    private static JdbcClient jdbc;

    @BeforeAll
    static void database() {
        DatabaseEndpoint endpoint = TestInfrastructure.database("platform_retention");
        DriverManagerDataSource dataSource = new DriverManagerDataSource(endpoint.jdbcUrl(), endpoint.username(),
                endpoint.password());
        new PlatformSchemaMigration(dataSource).afterPropertiesSet();
        jdbc = JdbcClient.create(dataSource);
    }

    private static void processed(String consumer, Instant at) {
        jdbc.sql("insert into processed_event (consumer, event_id, event_type, processed_at) values (:c, :id, 't', :at)")
                .param("c", consumer).param("id", UUID.randomUUID()).param("at", Timestamp.from(at)).update();
    }

    private static void outbox(String key, Instant created, Instant published) {
        jdbc.sql("""
                        insert into outbox_event (event_id, topic, message_key, event_type, payload, created_at, published_at)
                        values (:id, 't', :key, 't', '{}', :created, :published)""")
                .param("id", UUID.randomUUID()).param("key", key).param("created", Timestamp.from(created))
                .param("published", published == null ? null : Timestamp.from(published)).update();
    }

    private static void delivery(String key, Instant published) {
        jdbc.sql("""
                        insert into partner_delivery (event_id, topic, message_key, payload, created_at, published_at)
                        values (:id, 't', :key, '{}', :published, :published)""")
                .param("id", UUID.randomUUID()).param("key", key).param("published", Timestamp.from(published)).update();
    }

    private static long count(String table, String column, String value) {
        return jdbc.sql("select count(*) from " + table + " where " + column + " = :v").param("v", value)
                .query(Long.class).single();
    }

    @Test
    void expiredRowsAreDeletedInBatchesAndPendingOrRecentRowsStay() {
        String run = UUID.randomUUID().toString();
        for (int i = 0; i < 25; i++) {
            processed(run, NOW.minus(Duration.ofDays(31)).minusSeconds(i));
        }
        processed(run + "-recent", NOW.minus(Duration.ofDays(29)));
        for (int i = 0; i < 7; i++) {
            outbox(run, NOW.minus(Duration.ofDays(9)), NOW.minus(Duration.ofDays(8)));
        }
        outbox(run + "-recent", NOW.minus(Duration.ofDays(2)), NOW.minus(Duration.ofDays(1)));
        // Never published (the broker was away for a long time): kept whatever its age.
        outbox(run + "-pending", NOW.minus(Duration.ofDays(60)), null);
        delivery(run, NOW.minus(Duration.ofDays(8)));
        delivery(run + "-recent", NOW.minus(Duration.ofDays(6)));

        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        RetentionJob job = new RetentionJob(jdbc, new RetentionProperties(true, Duration.ofMinutes(10), 10, 2,
                Duration.ofDays(30)), List.of(new RetentionTarget("processed_event", "processed_at", Duration.ofDays(30)),
                new RetentionTarget("outbox_event", "published_at", Duration.ofDays(7)),
                new RetentionTarget("partner_delivery", "published_at", Duration.ofDays(7))),
                Clock.fixed(NOW, ZoneOffset.UTC), meters);

        // Other tests' rows share the tables: count this run's. Batches of 10, at most 2 per run and table.
        Map<String, Integer> first = job.runOnce();
        assertThat(first.get("processed_event")).isEqualTo(20);
        assertThat(count("processed_event", "consumer", run)).isEqualTo(5);
        Map<String, Integer> second = job.runOnce();
        assertThat(second.get("processed_event")).isGreaterThanOrEqualTo(5);
        assertThat(count("processed_event", "consumer", run)).isZero();
        assertThat(count("processed_event", "consumer", run + "-recent")).isEqualTo(1);

        assertThat(count("outbox_event", "message_key", run)).isZero();
        assertThat(count("outbox_event", "message_key", run + "-recent")).isEqualTo(1);
        assertThat(count("outbox_event", "message_key", run + "-pending")).isEqualTo(1);
        assertThat(count("partner_delivery", "message_key", run)).isZero();
        assertThat(count("partner_delivery", "message_key", run + "-recent")).isEqualTo(1);

        assertThat(meters.get(RetentionJob.DELETED_METRIC).tag("table", "processed_event").counter().count())
                .isEqualTo(first.get("processed_event") + second.get("processed_event"));
        assertThat(meters.get(RetentionJob.DELETED_METRIC).tag("table", "outbox_event").counter().count())
                .isGreaterThanOrEqualTo(7);
        assertThat(job.runOnce().values()).as("nothing left to delete").containsOnly(0);
    }

    @Test
    void periodsAndTablesAreCheckedWhenConfigured() {
        assertThatThrownBy(() -> new RetentionProperties(true, Duration.ofMinutes(10), 100, 10, Duration.ofHours(1)))
                .hasMessageContaining("processed-events");
        assertThatThrownBy(() -> new RetentionTarget("outbox_event; drop table x", "published_at", Duration.ofDays(1)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
