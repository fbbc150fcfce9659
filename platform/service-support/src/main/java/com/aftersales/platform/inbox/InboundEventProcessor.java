package com.aftersales.platform.inbox;

import com.aftersales.contracts.EventCodec;
import com.aftersales.contracts.EventEnvelope;
import com.aftersales.platform.web.CorrelationId;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.kafka.support.KafkaUtils;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
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
        Optional<Consumer<EventEnvelope<?>>> handler = handlers.handlerFor(envelope);
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

    /**
     * A poll's records in one transaction: the idempotency markers of all of them in one statement (the set of events
     * not seen before comes back), then each new event's handler in record order, so per-key order holds. One commit
     * per poll instead of one per event is what lets a projection catch up after an outage.
     * <p>
     * If the batch fails, nothing of it is kept and the records are run again one transaction each; the first that
     * fails alone is reported as a {@link BatchListenerFailedException}, so the error handler commits the ones
     * before it, retries or dead-letters that one only, and polls the rest again: a poison record never takes its
     * batch with it.
     *
     * @return how many events were handled now (duplicates and types of no interest are not counted)
     */
    public int processBatch(List<ConsumerRecord<String, byte[]>> records, EventHandlers handlers) {
        try {
            return handleAsOneTransaction(records, handlers);
        } catch (RuntimeException batchFailed) {
            log.info("Batch of {} records failed ({}); applying them one by one to isolate the record at fault",
                    records.size(), batchFailed.toString());
            int handled = 0;
            for (ConsumerRecord<String, byte[]> record : records) {
                try {
                    handled += process(record, handlers) ? 1 : 0;
                } catch (RuntimeException e) {
                    throw new BatchListenerFailedException("event at " + record.topic() + "-" + record.partition() + "@"
                            + record.offset() + " failed", e, record);
                }
            }
            return handled;
        }
    }

    private record Decoded(EventEnvelope<?> envelope, Consumer<EventEnvelope<?>> handler) {
    }

    private int handleAsOneTransaction(List<ConsumerRecord<String, byte[]>> records, EventHandlers handlers) {
        List<Decoded> events = new ArrayList<>(records.size());
        for (ConsumerRecord<String, byte[]> record : records) {
            codec.decode(record.value(), handlers::handles).ifPresent(envelope -> handlers.handlerFor(envelope)
                    .ifPresent(handler -> events.add(new Decoded(envelope, handler))));
        }
        if (events.isEmpty()) {
            return 0;
        }
        String consumer = Optional.ofNullable(KafkaUtils.getConsumerGroupId()).orElse(defaultConsumer);
        List<Boolean> outcomes = new ArrayList<>(events.size());
        transactions.executeWithoutResult(status -> {
            Set<UUID> fresh = new HashSet<>(jdbc.sql("""
                            insert into processed_event (consumer, event_id, event_type)
                            select :consumer, id, type from unnest(:ids, :types) as e(id, type)
                            on conflict do nothing
                            returning event_id""")
                    .param("consumer", consumer)
                    .param("ids", events.stream().map(e -> e.envelope().id()).toArray(UUID[]::new))
                    .param("types", events.stream().map(e -> e.envelope().type().type()).toArray(String[]::new))
                    .query(UUID.class).list());
            outcomes.clear();
            Set<UUID> unseen = new HashSet<>(fresh);
            handlers.beforeBatch(events.stream().map(Decoded::envelope).filter(e -> unseen.remove(e.id())).toList());
            for (Decoded event : events) {
                // remove(): an event twice in one poll (a producer retry) is handled once.
                boolean isNew = fresh.remove(event.envelope().id());
                if (isNew) {
                    try (CorrelationId.Scope ignored = CorrelationId.open(event.envelope().correlationId())) {
                        event.handler().accept(event.envelope());
                    }
                }
                outcomes.add(isNew);
            }
        });
        int handled = 0;
        for (int i = 0; i < events.size(); i++) {
            handled += outcomes.get(i) ? 1 : 0;
            meters.counter("aftersales.events.consumed", "type", events.get(i).envelope().type().type(),
                    "outcome", outcomes.get(i) ? "handled" : "duplicate").increment();
        }
        return handled;
    }
}
