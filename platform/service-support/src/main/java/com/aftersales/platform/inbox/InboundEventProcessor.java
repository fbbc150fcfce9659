package com.aftersales.platform.inbox;

import com.aftersales.contracts.EventCodec;
import com.aftersales.contracts.EventEnvelope;
import com.aftersales.platform.web.CorrelationId;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.support.KafkaUtils;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.Optional;
import java.util.function.Consumer;

/**
 * Turns a Kafka record into at-most-once handling of its event: decode and check the contract, then,
 * in one transaction, record {@code (consumer, event id)} in {@code processed_event} and run the
 * handler. A redelivered event hits the primary key and is skipped; a handler that fails rolls the
 * marker back so the retry (or the DLT replay) runs it again.
 */
public class InboundEventProcessor {

    private static final Logger log = LoggerFactory.getLogger(InboundEventProcessor.class);

    private final EventCodec codec;
    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final String defaultConsumer;
    private final MeterRegistry meters;

    public InboundEventProcessor(EventCodec codec, JdbcClient jdbc, TransactionTemplate transactions,
                                 String defaultConsumer, MeterRegistry meters) {
        this.codec = codec;
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.defaultConsumer = defaultConsumer;
        this.meters = meters;
    }

    /**
     * @return true if the event was handled now, false if it was a duplicate or of no interest
     * @throws com.aftersales.contracts.InvalidEventException for records that break the contract (not retried)
     */
    public boolean process(ConsumerRecord<String, byte[]> record, EventHandlers handlers) {
        // Only the types this consumer handles are read and checked; another consumer group of the same topic
        // judges (and dead-letters) the rest.
        Optional<EventEnvelope<?>> decoded = codec.decode(record.value(), handlers::handles);
        if (decoded.isEmpty()) {
            log.debug("Skipping event of a type this consumer does not handle at {}-{}@{}", record.topic(), record.partition(), record.offset());
            return false;
        }
        EventEnvelope<?> envelope = decoded.get();
        Optional<Consumer<EventEnvelope<?>>> handler = handlers.handlerFor(envelope.type());
        if (handler.isEmpty()) {
            return false;
        }
        String consumer = Optional.ofNullable(KafkaUtils.getConsumerGroupId()).orElse(defaultConsumer);
        try (CorrelationId.Scope ignored = CorrelationId.open(envelope.correlationId())) {
            Boolean handled = transactions.execute(status -> {
                int inserted = jdbc.sql("""
                                insert into processed_event (consumer, event_id, event_type) values (:consumer, :id, :type)
                                on conflict do nothing""")
                        .param("consumer", consumer)
                        .param("id", envelope.id())
                        .param("type", envelope.type().type())
                        .update();
                if (inserted == 0) {
                    return false;
                }
                handler.get().accept(envelope);
                return true;
            });
            boolean done = Boolean.TRUE.equals(handled);
            meters.counter("aftersales.events.consumed", "type", envelope.type().type(),
                    "outcome", done ? "handled" : "duplicate").increment();
            if (!done) {
                log.info("Event {} ({}) already processed by {}; skipped", envelope.id(), envelope.type().type(), consumer);
            }
            return done;
        }
    }
}
