package com.aftersales.returns.partner;

import com.aftersales.returns.shared.ReturnsMetrics;
import com.aftersales.contracts.EventCodec;
import com.aftersales.platform.metrics.CachedGauges;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.support.SendResult;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Sends committed partner deliveries in insertion order and marks them sent, one relay at a time (advisory
 * lock), like the platform's outbox relay. A delivery sent but not marked (crash in between) is sent again;
 * partners deduplicate on the CloudEvent id.
 */
@Component
public class PartnerRelay {

    private static final Logger log = LoggerFactory.getLogger(PartnerRelay.class);
    /** Fixed, and different from the platform relay's: identifies this relay's advisory lock in the database. */
    static final long LOCK_KEY = 0x0A17E5BA27E2L;

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final KafkaTemplate<String, byte[]> kafka;
    private final PartnerRelayProperties properties;
    private volatile java.time.Instant lastCleanup = java.time.Instant.EPOCH;

    @SuppressWarnings("unchecked")
    PartnerRelay(JdbcClient jdbc, TransactionTemplate transactions, KafkaTemplate<?, ?> kafka,
                 PartnerRelayProperties properties, CachedGauges gauges) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        // The platform's producer is configured for String keys and byte[] values.
        this.kafka = (KafkaTemplate<String, byte[]>) kafka;
        this.properties = properties;
        gauges.register(ReturnsMetrics.PARTNER_DELIVERIES_PENDING, "Depot-bound events not yet acknowledged on partner topics",
                null, this::pending);
    }

    @Scheduled(fixedDelayString = "${aftersales.returns.partner-relay.interval:200ms}")
    void scheduled() {
        try {
            relayPending();
        } catch (RuntimeException e) {
            log.warn("Partner relay could not send pending deliveries, will retry: {}", e.toString());
        }
    }

    public int relayPending() {
        java.time.Instant now = java.time.Instant.now();
        if (java.time.Duration.between(lastCleanup, now).compareTo(properties.cleanupInterval()) >= 0) {
            lastCleanup = now;
            deleteSentBefore(now.minus(properties.retention()));
        }
        int total = 0;
        int sent;
        do {
            sent = batch();
            total += sent;
        } while (sent == properties.batchSize());
        return total;
    }

    private int batch() {
        Integer sent = transactions.execute(status -> {
            Boolean locked = jdbc.sql("select pg_try_advisory_xact_lock(:key)").param("key", LOCK_KEY).query(Boolean.class).single();
            if (!Boolean.TRUE.equals(locked)) {
                return 0;
            }
            List<Delivery> batch = jdbc.sql("""
                            select sequence_number, topic, message_key, payload from partner_delivery
                            where published_at is null order by sequence_number limit :limit""")
                    .param("limit", properties.batchSize())
                    .query((rs, n) -> new Delivery(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4))).list();
            if (batch.isEmpty()) {
                return 0;
            }
            List<CompletableFuture<SendResult<String, byte[]>>> acks = new ArrayList<>();
            for (Delivery d : batch) {
                ProducerRecord<String, byte[]> record = new ProducerRecord<>(d.topic(), d.key(), d.payload().getBytes(StandardCharsets.UTF_8));
                record.headers().add("content-type", EventCodec.CONTENT_TYPE.getBytes(StandardCharsets.UTF_8));
                acks.add(kafka.send(record));
            }
            CompletableFuture.allOf(acks.toArray(CompletableFuture[]::new))
                    .orTimeout(properties.sendTimeout().toMillis(), TimeUnit.MILLISECONDS).join();
            jdbc.sql("update partner_delivery set published_at = now() where sequence_number = any(:ids)")
                    .param("ids", batch.stream().map(Delivery::sequence).toArray(Long[]::new)).update();
            return batch.size();
        });
        return sent == null ? 0 : sent;
    }

    private void deleteSentBefore(java.time.Instant cutoff) {
        jdbc.sql("delete from partner_delivery where published_at < :cutoff")
                .param("cutoff", java.sql.Timestamp.from(cutoff)).update();
    }

    private long pending() {
        return jdbc.sql("select count(*) from partner_delivery where published_at is null").query(Long.class).single();
    }

    private record Delivery(long sequence, String topic, String key, String payload) {
    }
}
