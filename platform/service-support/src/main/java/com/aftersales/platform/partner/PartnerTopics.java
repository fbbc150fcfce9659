package com.aftersales.platform.partner;

import com.aftersales.contracts.Topics;
import com.aftersales.platform.kafka.KafkaPlatformProperties;
import org.apache.kafka.clients.admin.NewTopic;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.core.KafkaAdmin;

import java.util.Collection;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Creates partner topics where this service may: when a partner depot is registered (so the partner can subscribe
 * before its first event) and before the relay first sends to one (partner depots named elsewhere, e.g. on a
 * technician), with the platform topics' replication factor. Where operations manage topics
 * ({@code aftersales.kafka.topics.create=false}) it does nothing; where creation fails (ACLs), it is only logged:
 * the send itself then tells whether the topic is there.
 */
public class PartnerTopics {

    private static final Logger log = LoggerFactory.getLogger(PartnerTopics.class);

    private final KafkaAdmin admin;
    private final boolean create;
    private final int partitions;
    private final short replicationFactor;
    private final Set<String> known = ConcurrentHashMap.newKeySet();

    public PartnerTopics(KafkaAdmin admin, PartnerDeliveryProperties properties, KafkaPlatformProperties platform) {
        this.admin = admin;
        this.create = platform.topics().create();
        this.partitions = properties.topicPartitions();
        this.replicationFactor = platform.topics().replicationFactor();
    }

    /** Makes sure the depot's partner topic exists. */
    public void ensureFor(String depotCode) {
        ensure(Set.of(Topics.partnerTopic(depotCode)));
    }

    void ensure(Collection<String> topics) {
        if (!create) {
            return; // topics are operations' business here (aftersales.kafka.topics.create=false)
        }
        NewTopic[] missing = topics.stream().filter(topic -> !known.contains(topic))
                .map(topic -> new NewTopic(topic, partitions, replicationFactor))
                .toArray(NewTopic[]::new);
        if (missing.length == 0) {
            return;
        }
        try {
            admin.createOrModifyTopics(missing);
            for (NewTopic topic : missing) {
                known.add(topic.name());
            }
        } catch (RuntimeException e) {
            log.warn("Could not create partner topics {}: {}", Set.of(missing).stream().map(NewTopic::name).toList(),
                    e.toString());
        }
    }
}
