package com.aftersales.platform.partner;

import com.aftersales.contracts.Topics;
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
 * technician). Where operations manage topics and their ACLs, creation fails and is only logged: the send itself
 * then tells whether the topic is there.
 */
public class PartnerTopics {

    private static final Logger log = LoggerFactory.getLogger(PartnerTopics.class);

    private final KafkaAdmin admin;
    private final PartnerDeliveryProperties properties;
    private final Set<String> known = ConcurrentHashMap.newKeySet();

    public PartnerTopics(KafkaAdmin admin, PartnerDeliveryProperties properties) {
        this.admin = admin;
        this.properties = properties;
    }

    /** Makes sure the depot's partner topic exists. */
    public void ensureFor(String depotCode) {
        ensure(Set.of(Topics.partnerTopic(depotCode)));
    }

    void ensure(Collection<String> topics) {
        NewTopic[] missing = topics.stream().filter(topic -> !known.contains(topic))
                .map(topic -> new NewTopic(topic, properties.topicPartitions(), properties.topicReplicationFactor()))
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
