package com.aftersales.contracts;

import java.net.URI;
import java.time.OffsetDateTime;
import java.util.Objects;
import java.util.UUID;

/**
 * One event as the platform sees it: the CloudEvents 1.0 context attributes the platform uses,
 * plus the typed payload.
 *
 * @param id            unique per event; consumers deduplicate on it
 * @param source        the producing service, e.g. {@code /aftersales/ticket-service}
 * @param type          the {@link EventType}
 * @param time          when the fact happened
 * @param subject       the aggregate id (also the Kafka record key)
 * @param correlationId the request that caused it (CloudEvents extension {@code correlationid}); may be null
 * @param data          the payload
 */
public record EventEnvelope<T>(
        UUID id,
        URI source,
        EventType<T> type,
        OffsetDateTime time,
        String subject,
        String correlationId,
        T data) {

    public EventEnvelope {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(data, "data");
    }

    /** The payload as the given type, if this envelope carries that type. */
    @SuppressWarnings("unchecked")
    public <R> R dataAs(EventType<R> expected) {
        if (!type.equals(expected)) {
            throw new IllegalStateException("event " + id + " is " + type.type() + ", not " + expected.type());
        }
        return (R) data;
    }
}
