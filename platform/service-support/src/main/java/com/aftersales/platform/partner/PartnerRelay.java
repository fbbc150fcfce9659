package com.aftersales.platform.partner;

import com.aftersales.platform.metrics.CachedGauges;
import com.aftersales.platform.outbox.OutboxTracing;
import com.aftersales.platform.outbox.RelayTable;
import com.aftersales.platform.outbox.TableRelay;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;
import java.util.Set;

/**
 * Relays {@code partner_delivery} to the partner topics in order, under its own advisory lock and thread, creating a
 * partner topic before its first delivery. A delivery sent but not marked (crash in between) is sent again; partners
 * deduplicate on the CloudEvent id.
 */
public class PartnerRelay extends TableRelay {

    /** Fixed, and different from the outbox relay's: identifies this relay's advisory lock in the database. */
    static final RelayTable PARTNER_DELIVERY = new RelayTable("partner_delivery", 0x0A17E5BA27E2L, "Partner deliveries",
            "aftersales.partner.deliveries.relayed", "aftersales.partner.deliveries.pending",
            "aftersales.partner.deliveries.oldest.pending.age");

    private final PartnerTopics topics;

    public PartnerRelay(JdbcClient jdbc, TransactionTemplate transactions, KafkaOperations<String, byte[]> kafka,
                        PartnerDeliveryProperties properties, MeterRegistry meters, CachedGauges gauges,
                        OutboxTracing tracing, Clock clock, PartnerTopics topics) {
        super(PARTNER_DELIVERY, jdbc, transactions, kafka, properties.relay(), meters, gauges, tracing, clock);
        this.topics = topics;
    }

    @Override
    protected void beforeSending(Set<String> batchTopics) {
        topics.ensure(batchTopics);
    }
}
