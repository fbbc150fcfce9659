package com.aftersales.returns.partner;

import com.aftersales.contracts.EventType;
import com.aftersales.contracts.Topics;
import com.aftersales.platform.outbox.EventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import java.util.UUID;

/**
 * Publishes an event to its own topic (platform outbox) and, as the very same CloudEvent (same id, time and
 * correlation id), to a partner depot's topic, in the caller's transaction.
 */
@Component
public class PartnerOutbox {

    private final EventPublisher events;
    private final JdbcClient jdbc;

    PartnerOutbox(EventPublisher events, JdbcClient jdbc) {
        this.events = events;
        this.jdbc = jdbc;
    }

    /**
     * @param partnerDepotCode the partner depot the event concerns, or null when it is not a partner's business
     * @return the event id
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public <T> UUID publish(EventType<T> type, String key, T data, String partnerDepotCode) {
        UUID id = events.publish(type, key, data);
        if (partnerDepotCode != null) {
            // Copies the row the platform outbox just wrote, so that both topics carry byte-identical events.
            int copied = jdbc.sql("""
                            insert into partner_delivery (event_id, topic, message_key, payload)
                            select event_id, :topic, message_key, payload from outbox_event where event_id = :id""")
                    .param("topic", Topics.partnerTopic(partnerDepotCode)).param("id", id).update();
            if (copied != 1) {
                throw new IllegalStateException("outbox row of event " + id + " not found in this transaction");
            }
        }
        return id;
    }
}
