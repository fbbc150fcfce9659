package com.aftersales.platform.partner;

import com.aftersales.contracts.EventType;
import com.aftersales.contracts.Topics;
import com.aftersales.platform.outbox.EventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import java.util.UUID;

/**
 * Publishes an event to its own topic (platform outbox) and, as the very same CloudEvent (same id, time, correlation
 * id and trace), to a partner depot's topic {@code aftersales.partner.<depot-code>.v1}, in the caller's transaction.
 * The copy goes through its own table ({@code partner_delivery}) and relay, so a partner topic that is slow or not
 * there yet never holds up the platform outbox.
 */
public class PartnerDeliveries {

    private final EventPublisher events;
    private final JdbcClient jdbc;

    public PartnerDeliveries(EventPublisher events, JdbcClient jdbc) {
        this.events = events;
        this.jdbc = jdbc;
    }

    /**
     * @param partnerDepotCode the partner depot the event concerns, or null when it is nobody's partner business
     * @return the event id
     */
    public <T> UUID publish(EventType<T> type, String key, T data, String partnerDepotCode) {
        UUID id = events.publish(type, key, data);
        if (partnerDepotCode != null) {
            deliver(id, partnerDepotCode);
        }
        return id;
    }

    /** Sends an event this transaction wrote to the outbox to a partner depot's topic too, byte for byte. */
    public void deliver(UUID eventId, String partnerDepotCode) {
        if (!TransactionSynchronizationManager.isActualTransactionActive()) {
            throw new IllegalStateException("partner deliveries are written in the transaction of the event they copy");
        }
        int copied = jdbc.sql("""
                        insert into partner_delivery (event_id, topic, message_key, payload, traceparent)
                        select event_id, :topic, message_key, payload, traceparent from outbox_event where event_id = :id""")
                .param("topic", Topics.partnerTopic(partnerDepotCode)).param("id", eventId).update();
        if (copied != 1) {
            throw new IllegalStateException("outbox row of event " + eventId + " not found in this transaction");
        }
    }
}
