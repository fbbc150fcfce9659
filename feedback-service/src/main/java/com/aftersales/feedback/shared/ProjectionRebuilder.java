package com.aftersales.feedback.shared;

import com.aftersales.contracts.InvalidEventException;
import com.aftersales.platform.inbox.EventHandlers;
import com.aftersales.platform.inbox.InboundEventProcessor;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.listener.MessageListenerContainer;
import org.springframework.kafka.support.KafkaUtils;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;

/**
 * Rebuilds a projection from offset zero: stop its listener, empty its tables and its consumer group's
 * processed-event records in one transaction, replay every partition of its topics from the beginning to
 * the end offsets taken at the start through the same handlers and the same idempotent intake, and start
 * the listener again (it skips, as duplicates, the events the rebuild already applied). Projections whose
 * steps are order-independent end with the same tables as the live listener built.
 * <p>
 * One rebuild of a projection at a time across all instances: a PostgreSQL session advisory lock per projection,
 * held on its own connection for the whole rebuild. Another instance's listener may keep consuming meanwhile; the
 * intake's processed-event records (same group, same database) make each event count once, whoever applies it.
 */
@Component
public class ProjectionRebuilder {

    private static final Logger log = LoggerFactory.getLogger(ProjectionRebuilder.class);
    /** High bits of the advisory lock keys, apart from the outbox and partner relays' fixed keys. */
    private static final long LOCK_NAMESPACE = 0x5EB_0000_0000L;

    private final KafkaListenerEndpointRegistry registry;
    private final ConsumerFactory<?, ?> consumers;
    private final InboundEventProcessor inbound;
    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final Duration pollTimeout;
    private final DataSource dataSource;

    ProjectionRebuilder(KafkaListenerEndpointRegistry registry, ConsumerFactory<?, ?> consumers, InboundEventProcessor inbound,
                        JdbcClient jdbc, TransactionTemplate transactions, DataSource dataSource,
                        @Value("${aftersales.feedback.rebuild-poll-timeout}") Duration pollTimeout) {
        this.registry = registry;
        this.consumers = consumers;
        this.inbound = inbound;
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.pollTimeout = pollTimeout;
        this.dataSource = dataSource;
    }

    /** What a projection is made of. */
    public record Projection(String name, String listenerId, String group, List<String> topics, List<String> tables,
                             EventHandlers handlers) {
    }

    /** What a rebuild read and applied. */
    /**
     * @param recordsSkipped records that break the event contract: the live listener sent them to the dead-letter
     *                       topic, where they are replayed once mended; the rebuild passes over them the same way
     */
    public record Result(String projection, long recordsRead, long eventsApplied, long recordsSkipped,
                         Map<String, Long> endOffsets) {
    }

    public Result rebuild(Projection projection) {
        try (Connection lockHolder = dataSource.getConnection()) {
            long key = LOCK_NAMESPACE ^ projection.name().hashCode();
            if (!advisoryLock(lockHolder, "select pg_try_advisory_lock(?)", key)) {
                throw new StateConflictException("rebuild-running", 409, "A rebuild is already running",
                        "The " + projection.name() + " projection is being rebuilt; try again when it has finished", Map.of(),
                        "detail.rebuild-running", projection.name());
            }
            try {
                return rebuildHoldingLock(projection);
            } finally {
                advisoryLock(lockHolder, "select pg_advisory_unlock(?)", key);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not take the rebuild lock of " + projection.name(), e);
        }
    }

    private static boolean advisoryLock(Connection connection, String sql, long key) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setLong(1, key);
            try (ResultSet result = statement.executeQuery()) {
                return result.next() && result.getBoolean(1);
            }
        }
    }

    private Result rebuildHoldingLock(Projection projection) {
        MessageListenerContainer container = registry.getListenerContainer(projection.listenerId());
        try {
            if (container != null) {
                container.stop();
            }
            transactions.executeWithoutResult(status -> {
                jdbc.sql("truncate " + String.join(", ", projection.tables())).update();
                jdbc.sql("delete from processed_event where consumer = :group").param("group", projection.group()).update();
            });
            return replay(projection);
        } finally {
            if (container != null) {
                container.start();
            }
        }
    }

    @SuppressWarnings("unchecked")
    private Result replay(Projection projection) {
        Properties overrides = new Properties();
        overrides.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        long read = 0;
        long applied = 0;
        long skipped = 0;
        // The idempotent intake records processed events under the consumer group it runs for.
        KafkaUtils.setConsumerGroupId(projection.group());
        try (Consumer<String, byte[]> consumer = (Consumer<String, byte[]>) consumers.createConsumer(
                projection.group() + ".rebuild", projection.name() + "-rebuild", null, overrides)) {
            List<TopicPartition> partitions = new ArrayList<>();
            for (String topic : projection.topics()) {
                List<PartitionInfo> infos = consumer.partitionsFor(topic);
                for (PartitionInfo p : infos == null ? List.<PartitionInfo>of() : infos) {
                    partitions.add(new TopicPartition(p.topic(), p.partition()));
                }
            }
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            while (partitions.stream().anyMatch(tp -> consumer.position(tp) < end.get(tp))) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(pollTimeout)) {
                    if (record.offset() >= end.get(new TopicPartition(record.topic(), record.partition()))) {
                        continue;
                    }
                    read++;
                    try {
                        if (inbound.process(record, projection.handlers())) {
                            applied++;
                        }
                    } catch (InvalidEventException e) {
                        skipped++;
                        log.warn("Rebuild of {} skips the record at {}-{}@{}, which breaks the event contract: {}",
                                projection.name(), record.topic(), record.partition(), record.offset(), e.getMessage());
                    }
                }
            }
            Map<String, Long> offsets = new TreeMap<>();
            end.forEach((tp, offset) -> offsets.put(tp.toString(), offset));
            log.info("Projection {} rebuilt from offset zero: {} records read, {} events applied, {} skipped",
                    projection.name(), read, applied, skipped);
            return new Result(projection.name(), read, applied, skipped, offsets);
        } finally {
            KafkaUtils.clearConsumerGroupId();
        }
    }
}
