package com.aftersales.contracts;

import java.util.Objects;

/**
 * A versioned event type on the wire. The logical {@code type} (for example
 * {@code aftersales.ticket.opened.v1}) is the contract; the Java class is only a convenience for
 * JVM producers and consumers and never appears on the wire.
 *
 * @param type      CloudEvents {@code type} attribute; ends with the major version
 * @param topic     the topic the event is published to
 * @param dataClass the record the {@code data} member maps to
 * @param <T>       payload type
 */
public record EventType<T>(String type, String topic, Class<T> dataClass) {

    public EventType {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(topic, "topic");
        Objects.requireNonNull(dataClass, "dataClass");
        if (!type.matches("aftersales\\.[a-z-]+\\.[a-z-]+\\.v\\d+")) {
            throw new IllegalArgumentException("event type must look like aftersales.<aggregate>.<what-happened>.v<n>: " + type);
        }
    }

    /** Classpath location of the JSON Schema of the {@code data} member. */
    public String schemaResource() {
        return "schemas/" + type + ".json";
    }

    /** The {@code dataschema} attribute carried by every event of this type. */
    public String schemaUri() {
        return "urn:aftersales:schema:" + type;
    }
}
