package com.aftersales.launcher;

import com.aftersales.contracts.Topics;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;

/**
 * Moves the records of a dead-letter topic back to the topic they failed on, once the cause is fixed.
 *
 * <p>Reads {@code <topic>.dlt} as consumer group {@value #GROUP_ID}, from the group's committed offsets
 * (the beginning when there are none) up to the end offsets seen when the replay starts, so records that
 * arrive during a replay wait for the next one. Each record goes to its original topic (header
 * {@value #ORIGINAL_TOPIC_HEADER}, else the name without {@code .dlt}) with the same key, value and
 * headers, minus Spring Kafka's {@code kafka_dlt-*} diagnostics, plus {@value #REPLAYED_FROM_HEADER}
 * = {@code <dlt>@<partition>/<offset>}. Offsets are committed only after the broker acknowledged the
 * re-published records, so a crash re-publishes at most one batch again.
 *
 * <p>That is safe because the platform's consumers are idempotent: they record each CloudEvent id in a
 * processed-events table in the handler's transaction and skip an id they have seen.
 */
public final class DeadLetterReplay {

    public static final String GROUP_ID = "aftersales-dlt-replay";
    public static final String DLT_HEADER_PREFIX = "kafka_dlt-";
    public static final String ORIGINAL_TOPIC_HEADER = "kafka_dlt-original-topic";
    public static final String REPLAYED_FROM_HEADER = "aftersales-replayed-from";

    private static final Duration POLL_TIMEOUT = Duration.ofMillis(500);
    private static final Duration METADATA_TIMEOUT = Duration.ofSeconds(15);

    private final String bootstrapServers;

    public DeadLetterReplay(String bootstrapServers) {
        this.bootstrapServers = bootstrapServers;
    }

    /**
     * Replays {@code topic}'s dead letters; {@code topic} may name the source topic or its {@code .dlt}.
     *
     * @return the number of records re-published
     */
    public int replay(String topic) {
        String deadLetterTopic = Topics.isDeadLetter(topic) ? topic : Topics.deadLetterOf(topic);
        String defaultTarget = Topics.sourceOfDeadLetter(deadLetterTopic);
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(consumerProperties());
             KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(producerProperties())) {
            List<PartitionInfo> partitionInfos = consumer.partitionsFor(deadLetterTopic, METADATA_TIMEOUT);
            if (partitionInfos == null || partitionInfos.isEmpty()) {
                throw new IllegalArgumentException("Topic " + deadLetterTopic + " does not exist on " + bootstrapServers);
            }
            List<TopicPartition> partitions = partitionInfos.stream()
                    .map(info -> new TopicPartition(info.topic(), info.partition()))
                    .toList();
            // assign(), not subscribe(): one replaying process, no rebalance to wait for; commits still go to the group.
            consumer.assign(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions, METADATA_TIMEOUT);
            Map<TopicPartition, OffsetAndMetadata> committed = consumer.committed(new HashSet<>(partitions), METADATA_TIMEOUT);
            for (TopicPartition partition : partitions) {
                OffsetAndMetadata offset = committed.get(partition);
                if (offset == null) {
                    consumer.seekToBeginning(List.of(partition));
                } else {
                    consumer.seek(partition, offset.offset());
                }
            }
            int replayed = 0;
            while (!reachedEnd(consumer, partitions, end)) {
                ConsumerRecords<byte[], byte[]> records = consumer.poll(POLL_TIMEOUT);
                List<Future<RecordMetadata>> sends = new ArrayList<>();
                Map<TopicPartition, OffsetAndMetadata> toCommit = new HashMap<>();
                for (ConsumerRecord<byte[], byte[]> record : records) {
                    TopicPartition partition = new TopicPartition(record.topic(), record.partition());
                    if (record.offset() >= end.get(partition)) {
                        continue;
                    }
                    sends.add(producer.send(republished(record, defaultTarget)));
                    toCommit.put(partition, new OffsetAndMetadata(record.offset() + 1));
                }
                producer.flush();
                for (Future<RecordMetadata> send : sends) {
                    send.get();
                }
                if (!toCommit.isEmpty()) {
                    consumer.commitSync(toCommit);
                }
                replayed += sends.size();
            }
            return replayed;
        } catch (ExecutionException e) {
            throw new IllegalStateException("Re-publishing from " + deadLetterTopic + " failed; committed offsets "
                    + "mark what was replayed, run again to continue", e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while replaying " + deadLetterTopic, e);
        }
    }

    /** The record to publish for a dead letter: original topic, same key and value, headers as documented. */
    static ProducerRecord<byte[], byte[]> republished(ConsumerRecord<byte[], byte[]> deadLetter, String defaultTarget) {
        Header original = deadLetter.headers().lastHeader(ORIGINAL_TOPIC_HEADER);
        String target = original == null ? defaultTarget : new String(original.value(), StandardCharsets.UTF_8);
        Headers headers = republishedHeaders(deadLetter.headers(), deadLetter.topic(), deadLetter.partition(), deadLetter.offset());
        return new ProducerRecord<>(target, null, deadLetter.key(), deadLetter.value(), headers);
    }

    /** The dead letter's headers without {@code kafka_dlt-*}, plus {@value #REPLAYED_FROM_HEADER}. */
    static Headers republishedHeaders(Headers deadLetterHeaders, String deadLetterTopic, int partition, long offset) {
        RecordHeaders headers = new RecordHeaders();
        for (Header header : deadLetterHeaders) {
            if (!header.key().startsWith(DLT_HEADER_PREFIX)) {
                headers.add(header.key(), header.value());
            }
        }
        headers.add(REPLAYED_FROM_HEADER, (deadLetterTopic + "@" + partition + "/" + offset).getBytes(StandardCharsets.UTF_8));
        return headers;
    }

    private static boolean reachedEnd(KafkaConsumer<?, ?> consumer, List<TopicPartition> partitions, Map<TopicPartition, Long> end) {
        for (TopicPartition partition : partitions) {
            if (consumer.position(partition, METADATA_TIMEOUT) < end.get(partition)) {
                return false;
            }
        }
        return true;
    }

    private Properties consumerProperties() {
        Properties properties = new Properties();
        properties.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        properties.put(ConsumerConfig.GROUP_ID_CONFIG, GROUP_ID);
        properties.put(ConsumerConfig.CLIENT_ID_CONFIG, GROUP_ID);
        properties.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        properties.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        // Dead letters of a transactional producer are only replayed once committed.
        properties.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        properties.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        properties.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        return properties;
    }

    private Properties producerProperties() {
        Properties properties = new Properties();
        properties.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        properties.put(ProducerConfig.CLIENT_ID_CONFIG, GROUP_ID);
        properties.put(ProducerConfig.ACKS_CONFIG, "all");
        properties.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        properties.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        properties.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        return properties;
    }
}
