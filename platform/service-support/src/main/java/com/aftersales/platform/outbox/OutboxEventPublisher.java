package com.aftersales.platform.outbox;

import com.aftersales.contracts.EventCodec;
import com.aftersales.contracts.EventEnvelope;
import com.aftersales.contracts.EventType;
import com.aftersales.platform.web.CorrelationId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

/** Writes events into the {@code outbox_event} table inside the caller's transaction. */
public class OutboxEventPublisher implements EventPublisher {

    private final JdbcClient jdbc;
    private final EventCodec codec;
    private final URI source;
    private final Clock clock;
    private final OutboxTracing tracing;
    private final TransactionSynchronization wakeRelayAfterCommit;

    /** @param afterCommit run once after a transaction that published events commits: wakes this instance's relay */
    public OutboxEventPublisher(JdbcClient jdbc, EventCodec codec, String serviceName, Clock clock, OutboxTracing tracing,
                                Runnable afterCommit) {
        this.jdbc = jdbc;
        this.codec = codec;
        this.source = URI.create("/aftersales/" + serviceName);
        this.clock = clock;
        this.tracing = tracing;
        this.wakeRelayAfterCommit = new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                afterCommit.run();
            }
        };
    }

    @Override
    public <T> UUID publish(EventType<T> type, String aggregateId, T data) {
        if (!TransactionSynchronizationManager.isActualTransactionActive()) {
            throw new IllegalStateException("events are published inside the transaction of the state change they report");
        }
        UUID id = UUID.randomUUID();
        String correlationId = CorrelationId.current().orElse(null);
        EventEnvelope<T> envelope = new EventEnvelope<>(id, source, type,
                OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC), aggregateId, correlationId, data);
        String payload = new String(codec.encode(envelope), StandardCharsets.UTF_8);
        jdbc.sql("""
                        insert into outbox_event (event_id, topic, message_key, event_type, payload, correlation_id, traceparent)
                        values (:id, :topic, :key, :type, :payload, :correlationId, :traceparent)""")
                .param("id", id)
                .param("topic", type.topic())
                .param("key", aggregateId)
                .param("type", type.type())
                .param("payload", payload)
                .param("correlationId", correlationId)
                .param("traceparent", tracing.currentTraceparent())
                .update();
        if (!TransactionSynchronizationManager.getSynchronizations().contains(wakeRelayAfterCommit)) {
            TransactionSynchronizationManager.registerSynchronization(wakeRelayAfterCommit);
        }
        return id;
    }
}
