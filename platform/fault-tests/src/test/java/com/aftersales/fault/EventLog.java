package com.aftersales.fault;

import com.aftersales.contracts.Topics;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * Everything on the platform's topics and their dead-letter topics, read from the beginning and kept up to date
 * by {@link #catchUp()}: the ledger's view of which events were published, how often, and in which order.
 */
final class EventLog implements AutoCloseable {

    static final List<String> TOPICS = Stream.of(Topics.TICKETS, Topics.DISPATCH, Topics.RETURNS, Topics.FEEDBACK)
            .flatMap(topic -> Stream.of(topic, Topics.deadLetterOf(topic))).toList();
    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** One record: the CloudEvents attributes the ledger needs, or {@code type} "invalid" when it is not one. */
    record Event(String topic, int partition, long offset, String key, String id, String type, String subject, Instant time) {
    }

    private final KafkaConsumer<String, byte[]> consumer;
    private final Map<String, List<Event>> bySubject = new ConcurrentHashMap<>();
    private final List<Event> all = new ArrayList<>();

    EventLog(String bootstrapServers) {
        consumer = new KafkaConsumer<>(Map.of("bootstrap.servers", bootstrapServers, "enable.auto.commit", "false",
                "client.id", "fault-test-ledger", "max.poll.records", "2000"),
                new StringDeserializer(), new ByteArrayDeserializer());
        List<TopicPartition> partitions = new ArrayList<>();
        for (String topic : TOPICS) {
            consumer.partitionsFor(topic).forEach(p -> partitions.add(new TopicPartition(topic, p.partition())));
        }
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
    }

    /** Reads until every partition's end as of now; false when the broker did not answer in time. */
    synchronized boolean catchUp() {
        try {
            Map<TopicPartition, Long> ends = consumer.endOffsets(consumer.assignment(), Duration.ofSeconds(5));
            long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            while (ends.entrySet().stream().anyMatch(e -> consumer.position(e.getKey()) < e.getValue())) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    add(record);
                }
                if (System.nanoTime() > deadline) {
                    return false;
                }
            }
            return true;
        } catch (org.apache.kafka.common.errors.TimeoutException brokerAway) {
            return false;
        }
    }

    private void add(ConsumerRecord<String, byte[]> record) {
        String id = null;
        String type = "invalid";
        String subject = record.key();
        Instant time = null;
        try {
            JsonNode event = JSON.readTree(record.value());
            id = event.path("id").asString(null);
            type = event.path("type").asString("invalid");
            subject = event.path("subject").asString(record.key());
            String t = event.path("time").asString(null);
            time = t == null ? null : Instant.parse(t);
        } catch (RuntimeException notAnEvent) {
            // poison messages are part of the log too: they show up as type "invalid"
        }
        Event event = new Event(record.topic(), record.partition(), record.offset(), record.key(), id, type, subject, time);
        all.add(event);
        if (subject != null) {
            bySubject.computeIfAbsent(subject, s -> new ArrayList<>()).add(event);
        }
    }

    /** Events about one aggregate on one topic, in offset order. */
    synchronized List<Event> of(String topic, String subject) {
        return bySubject.getOrDefault(subject, List.of()).stream().filter(e -> e.topic().equals(topic))
                .sorted(java.util.Comparator.comparingLong(Event::offset)).toList();
    }

    /** Distinct event ids of one type about one aggregate: two ids for one fact is a duplicate in effect. */
    synchronized long distinct(String topic, String subject, String type) {
        return of(topic, subject).stream().filter(e -> type.equals(e.type())).map(Event::id).filter(Objects::nonNull)
                .distinct().count();
    }

    synchronized List<Event> records(String topic) {
        return all.stream().filter(e -> e.topic().equals(topic)).toList();
    }

    @Override
    public synchronized void close() {
        consumer.close(Duration.ofSeconds(2));
    }
}
