package com.aftersales.platform.outbox;

import com.aftersales.contracts.EventType;

import java.util.UUID;

/**
 * Publishes a domain event as part of the caller's transaction. The event is only sent to Kafka
 * after that transaction commits (transactional outbox), so a state change and its event are
 * never separated.
 */
public interface EventPublisher {

    /**
     * @param type        the event type (decides topic and schema)
     * @param aggregateId the aggregate the event belongs to; the Kafka record key and CloudEvents subject
     * @param data        the payload, built explicitly by the caller (never an entity)
     * @return the event id
     * @throws IllegalStateException when called outside a transaction
     */
    <T> UUID publish(EventType<T> type, String aggregateId, T data);
}
