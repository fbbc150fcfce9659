package com.aftersales.bench.platform;

import com.aftersales.contracts.EventCodec;
import com.aftersales.contracts.Topics;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * When each ticket was opened and when its technician was assigned, from the events' own {@code time}
 * ({@code aftersales.ticket.opened.v1}, {@code aftersales.dispatch.technician-assigned.v1}), read from the beginning
 * of the ticket and dispatch topics: the end-to-end event latency of the platform's main flow.
 */
public final class EventTimes implements AutoCloseable {

    public static final String OPENED = "aftersales.ticket.opened.v1";
    public static final String ASSIGNED = "aftersales.dispatch.technician-assigned.v1";
    public static final String QUEUED = "aftersales.dispatch.job-queued.v1";

    private final KafkaConsumer<String, byte[]> consumer;
    private final EventCodec codec = new EventCodec();
    private final Map<String, Instant> opened = new ConcurrentHashMap<>();
    private final Map<String, Instant> assigned = new ConcurrentHashMap<>();
    /** Per ticket: the opened event's id, when the relay handed it to the producer (the record's CreateTime). */
    private final Map<String, java.util.UUID> openedIds = new ConcurrentHashMap<>();
    private final Map<String, Instant> openedSent = new ConcurrentHashMap<>();
    /** Per ticket: the ticket's own opening time ({@code openedAt} in the event's data, the state change's clock). */
    private final Map<String, Instant> openedAt = new ConcurrentHashMap<>();
    /** Per ticket: the time of dispatch's job-queued event (dispatch's intake of the ticket, before the engine). */
    private final Map<String, Instant> queued = new ConcurrentHashMap<>();

    public EventTimes(String bootstrapServers) {
        consumer = new KafkaConsumer<>(Map.of("bootstrap.servers", bootstrapServers, "enable.auto.commit", "false",
                "max.poll.records", "2000"), new StringDeserializer(), new ByteArrayDeserializer());
        List<TopicPartition> partitions = new ArrayList<>();
        for (String topic : List.of(Topics.TICKETS, Topics.DISPATCH)) {
            consumer.partitionsFor(topic).forEach(p -> partitions.add(new TopicPartition(topic, p.partition())));
        }
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
    }

    /** Reads up to the end of every partition as of now. */
    public void catchUp() {
        Map<TopicPartition, Long> ends = consumer.endOffsets(consumer.assignment());
        while (ends.entrySet().stream().anyMatch(e -> consumer.position(e.getKey()) < e.getValue())) {
            for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                codec.decode(record.value()).ifPresent(event -> {
                    if (OPENED.equals(event.type().type())) {
                        opened.putIfAbsent(event.subject(), event.time().toInstant());
                        openedIds.putIfAbsent(event.subject(), event.id());
                        openedSent.putIfAbsent(event.subject(), Instant.ofEpochMilli(record.timestamp()));
                        if (event.data() instanceof com.aftersales.contracts.ticket.TicketOpened data && data.openedAt() != null) {
                            openedAt.putIfAbsent(event.subject(), data.openedAt());
                        }
                    } else if (QUEUED.equals(event.type().type())) {
                        queued.putIfAbsent(event.subject(), event.time().toInstant());
                    } else if (ASSIGNED.equals(event.type().type())) {
                        assigned.putIfAbsent(event.subject(), event.time().toInstant());
                    }
                });
            }
        }
    }

    public Map<String, Instant> opened() {
        return opened;
    }

    public Map<String, Instant> assigned() {
        return assigned;
    }

    public Map<String, java.util.UUID> openedIds() {
        return openedIds;
    }

    public Map<String, Instant> openedSent() {
        return openedSent;
    }

    public Map<String, Instant> openedAt() {
        return openedAt;
    }

    public Map<String, Instant> queued() {
        return queued;
    }

    /** Milliseconds between two moments of each of the tickets that has both. */
    public static double[] millisBetween(java.util.Collection<String> tickets, Map<String, Instant> from, Map<String, Instant> to) {
        return tickets.stream().filter(t -> from.containsKey(t) && to.containsKey(t))
                .mapToDouble(t -> Duration.between(from.get(t), to.get(t)).toNanos() / 1e6).toArray();
    }

    /** Milliseconds from opened to assigned of those tickets that have both. */
    public double[] latenciesMillis(java.util.Collection<String> tickets) {
        return tickets.stream().filter(t -> opened.containsKey(t) && assigned.containsKey(t))
                .mapToDouble(t -> Duration.between(opened.get(t), assigned.get(t)).toNanos() / 1e6).toArray();
    }

    /** Nearest-rank percentile. */
    public static double percentile(double[] values, int p) {
        if (values.length == 0) {
            return Double.NaN;
        }
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(index, sorted.length - 1))];
    }

    @Override
    public void close() {
        consumer.close();
    }
}
