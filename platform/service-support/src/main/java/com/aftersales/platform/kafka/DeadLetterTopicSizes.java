package com.aftersales.platform.kafka;

import com.aftersales.contracts.Topics;
import io.micrometer.core.instrument.Tags;
import org.apache.kafka.clients.admin.AdminClient;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.TopicPartition;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.listener.MessageListenerContainer;

import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Records held in the dead-letter topics of the topics this service consumes (end offset minus start offset,
 * summed over partitions). Replaying a DLT does not delete its records, so the alert is on growth, not size.
 */
public class DeadLetterTopicSizes implements DisposableBean {

    private final AdminClient admin;
    private final KafkaListenerEndpointRegistry listeners;
    private final Duration timeout;

    public DeadLetterTopicSizes(Map<String, Object> adminConfig, KafkaListenerEndpointRegistry listeners, Duration timeout) {
        this.admin = AdminClient.create(adminConfig);
        this.listeners = listeners;
        this.timeout = timeout;
    }

    /** Tag set {@code topic=<dlt>} to its record count, for every DLT of a consumed topic. */
    public Map<Tags, Long> sizes() {
        Set<String> deadLetterTopics = new TreeSet<>();
        for (MessageListenerContainer container : listeners.getListenerContainers()) {
            String[] topics = container.getContainerProperties().getTopics();
            if (topics != null) {
                Arrays.stream(topics).filter(t -> !t.endsWith(Topics.DEAD_LETTER_SUFFIX)).map(Topics::deadLetterOf)
                        .forEach(deadLetterTopics::add);
            }
        }
        if (deadLetterTopics.isEmpty()) {
            return Map.of();
        }
        try {
            Map<String, TopicDescription> described = admin.describeTopics(deadLetterTopics).allTopicNames()
                    .get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            Map<TopicPartition, OffsetSpec> earliest = new HashMap<>();
            Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
            described.values().forEach(d -> d.partitions().forEach(p -> {
                TopicPartition partition = new TopicPartition(d.name(), p.partition());
                earliest.put(partition, OffsetSpec.earliest());
                latest.put(partition, OffsetSpec.latest());
            }));
            Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> start = admin.listOffsets(earliest).all()
                    .get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> end = admin.listOffsets(latest).all()
                    .get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            Map<Tags, Long> sizes = new HashMap<>();
            for (String topic : described.keySet()) {
                sizes.put(Tags.of("topic", topic), 0L);
            }
            end.forEach((partition, info) -> sizes.merge(Tags.of("topic", partition.topic()),
                    info.offset() - start.get(partition).offset(), Long::sum));
            return sizes;
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("DLT offsets unavailable", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    @Override
    public void destroy() {
        admin.close(Duration.ofSeconds(1));
    }
}
