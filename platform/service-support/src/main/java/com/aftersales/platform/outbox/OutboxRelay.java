package com.aftersales.platform.outbox;

import com.aftersales.platform.metrics.CachedGauges;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;

/** Relays the platform outbox ({@code outbox_event}): every event to its type's topic, in order. */
public class OutboxRelay extends TableRelay {

    /** The lock key is arbitrary but fixed: it identifies the relay's advisory lock within the service's database. */
    static final RelayTable OUTBOX = new RelayTable("outbox_event", 0x0A17E5A1E5L, "Events",
            "aftersales.outbox.relayed.events", "aftersales.outbox.pending.events", "aftersales.outbox.oldest.pending.age");

    public OutboxRelay(JdbcClient jdbc, TransactionTemplate transactions, KafkaOperations<String, byte[]> kafka,
                       OutboxProperties properties, MeterRegistry meters, CachedGauges gauges, OutboxTracing tracing,
                       Clock clock) {
        super(OUTBOX, jdbc, transactions, kafka, properties, meters, gauges, tracing, clock);
    }
}
