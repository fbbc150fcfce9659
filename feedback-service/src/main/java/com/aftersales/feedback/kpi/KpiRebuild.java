package com.aftersales.feedback.kpi;

import com.aftersales.contracts.Topics;
import com.aftersales.feedback.shared.StateConflictException;
import com.aftersales.platform.inbox.InboundEventProcessor;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.listener.MessageListenerContainer;
import org.springframework.kafka.support.KafkaUtils;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Rebuilds the KPI projection from offset zero: stop the KPI listener, empty the KPI tables and the
 * group's processed-event records in one transaction, replay every partition of the measured topics from
 * the beginning to the end offsets taken at the start through the same handlers and the same idempotent
 * intake, and start the listener again. Events it consumes after that which the rebuild already applied are
 * skipped as duplicates. Because every projection step is order-independent, the tables equal those the
 * live listener built.
 */
@Component
class KpiRebuild {

    private static final Logger log = LoggerFactory.getLogger(KpiRebuild.class);
    static final List<String> TOPICS = List.of(Topics.TICKETS, Topics.DISPATCH, Topics.RETURNS, Topics.FEEDBACK);

    private final KafkaListenerEndpointRegistry registry;
    private final ConsumerFactory<?, ?> consumers;
    private final InboundEventProcessor inbound;
    private final KpiProjection projection;
    private final KpiStore store;
    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final KpiProperties properties;
    private final AtomicBoolean running = new AtomicBoolean();

    KpiRebuild(KafkaListenerEndpointRegistry registry, ConsumerFactory<?, ?> consumers, InboundEventProcessor inbound,
               KpiProjection projection, KpiStore store, JdbcClient jdbc, TransactionTemplate transactions,
               KpiProperties properties) {
        this.registry = registry;
        this.consumers = consumers;
        this.inbound = inbound;
        this.projection = projection;
        this.store = store;
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.properties = properties;
    }

    /** What a rebuild read and applied. */
    record Result(long recordsRead, long eventsApplied, Map<String, Long> endOffsets) {
    }

    Result rebuild() {
        if (!running.compareAndSet(false, true)) {
            throw new StateConflictException("rebuild-running", 409, "A rebuild is already running",
                    "The KPI projection is being rebuilt; try again when it has finished", Map.of());
        }
        MessageListenerContainer container = registry.getListenerContainer(KpiEventsListener.LISTENER_ID);
        try {
            if (container != null) {
                container.stop();
            }
            transactions.executeWithoutResult(status -> {
                store.truncate();
                jdbc.sql("delete from processed_event where consumer = :group").param("group", KpiEventsListener.GROUP).update();
            });
            return replay();
        } finally {
            if (container != null) {
                container.start();
            }
            running.set(false);
        }
    }

    @SuppressWarnings("unchecked")
    private Result replay() {
        Properties overrides = new Properties();
        overrides.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        long read = 0;
        long applied = 0;
        KafkaUtils.setConsumerGroupId(KpiEventsListener.GROUP);
        try (Consumer<String, byte[]> consumer = (Consumer<String, byte[]>) consumers.createConsumer(
                KpiEventsListener.GROUP + ".rebuild", "kpi-rebuild", null, overrides)) {
            List<TopicPartition> partitions = new ArrayList<>();
            for (String topic : TOPICS) {
                List<PartitionInfo> infos = consumer.partitionsFor(topic);
                for (PartitionInfo p : infos == null ? List.<PartitionInfo>of() : infos) {
                    partitions.add(new TopicPartition(p.topic(), p.partition()));
                }
            }
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            while (partitions.stream().anyMatch(tp -> consumer.position(tp) < end.get(tp))) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(properties.rebuildPollTimeout())) {
                    if (record.offset() >= end.get(new TopicPartition(record.topic(), record.partition()))) {
                        continue;
                    }
                    read++;
                    if (inbound.process(record, projection.handlers())) {
                        applied++;
                    }
                }
            }
            Map<String, Long> offsets = new TreeMap<>();
            end.forEach((tp, offset) -> offsets.put(tp.toString(), offset));
            log.info("KPI projection rebuilt from offset zero: {} records read, {} events applied", read, applied);
            return new Result(read, applied, offsets);
        } finally {
            KafkaUtils.clearConsumerGroupId();
        }
    }
}
