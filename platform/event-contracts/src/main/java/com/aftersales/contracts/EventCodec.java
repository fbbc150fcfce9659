package com.aftersales.contracts;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import io.cloudevents.core.format.EventFormat;
import io.cloudevents.core.format.EventDeserializationException;
import io.cloudevents.jackson.JsonFormat;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.cfg.DateTimeFeature;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Writes and reads events as CloudEvents 1.0 structured-mode JSON
 * ({@code application/cloudevents+json}), checking the {@code data} member against the event
 * type's JSON Schema on both sides. Thread-safe; create one and share it.
 */
public final class EventCodec {

    public static final String CONTENT_TYPE = JsonFormat.CONTENT_TYPE;
    public static final String CORRELATION_ID_EXTENSION = "correlationid";

    private final EventFormat format = new JsonFormat();
    private final JsonMapper mapper;
    private final SchemaRegistry schemaRegistry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);
    private final Map<String, Schema> schemas = new ConcurrentHashMap<>();

    public EventCodec() {
        this.mapper = JsonMapper.builder()
                // Additive evolution: a consumer must accept fields added to a version after it was built.
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .disable(DateTimeFeature.WRITE_DATES_AS_TIMESTAMPS)
                .build();
    }

    /** Serialises an envelope; fails if the payload breaks its own schema (a producer bug, never sent). */
    public byte[] encode(EventEnvelope<?> envelope) {
        EventType<?> type = envelope.type();
        JsonNode data = mapper.valueToTree(envelope.data());
        requireValid(type, data);
        CloudEventBuilder builder = CloudEventBuilder.v1()
                .withId(envelope.id().toString())
                .withSource(envelope.source())
                .withType(type.type())
                .withTime(envelope.time())
                .withSubject(envelope.subject())
                .withDataSchema(URI.create(type.schemaUri()))
                .withDataContentType("application/json")
                .withData(mapper.writeValueAsBytes(data));
        if (envelope.correlationId() != null) {
            builder.withExtension(CORRELATION_ID_EXTENSION, envelope.correlationId());
        }
        return format.serialize(builder.build());
    }

    /**
     * Reads an event of a known type. Returns empty for a well-formed CloudEvent of a type this
     * build does not know (a newer producer; the consumer skips it). Throws
     * {@link InvalidEventException} for anything that breaks the contract.
     */
    public Optional<EventEnvelope<?>> decode(byte[] bytes) {
        return decode(bytes, type -> true);
    }

    /**
     * As {@link #decode(byte[])}, but an event of a known type the caller does not want is returned empty before its
     * data is read or checked: a consumer that handles a few types of a topic neither pays for nor dead-letters the
     * others (the consumers that do handle them judge them).
     */
    public Optional<EventEnvelope<?>> decode(byte[] bytes, java.util.function.Predicate<EventType<?>> wanted) {
        CloudEvent event;
        try {
            event = format.deserialize(bytes);
        } catch (EventDeserializationException | IllegalArgumentException | IllegalStateException e) {
            throw new InvalidEventException("not a CloudEvents 1.0 structured JSON event", e);
        }
        Optional<EventType<?>> known = EventCatalog.byType(event.getType());
        if (known.isEmpty() || !wanted.test(known.get())) {
            return Optional.empty();
        }
        return Optional.of(toEnvelope(event, known.get()));
    }

    private <T> EventEnvelope<T> toEnvelope(CloudEvent event, EventType<T> type) {
        if (event.getData() == null) {
            throw new InvalidEventException("event " + event.getId() + " of type " + type.type() + " has no data", List.of());
        }
        JsonNode data;
        try {
            data = mapper.readTree(event.getData().toBytes());
        } catch (JacksonException e) {
            throw new InvalidEventException("event " + event.getId() + " data is not JSON", e);
        }
        requireValid(type, data);
        if (event.getTime() == null || event.getSubject() == null) {
            throw new InvalidEventException("event " + event.getId() + " lacks time or subject", List.of());
        }
        UUID id;
        try {
            id = UUID.fromString(event.getId());
        } catch (IllegalArgumentException e) {
            throw new InvalidEventException("event id is not a UUID: " + event.getId(), e);
        }
        Object correlation = event.getExtension(CORRELATION_ID_EXTENSION);
        T payload;
        try {
            payload = mapper.treeToValue(data, type.dataClass());
        } catch (JacksonException e) {
            throw new InvalidEventException("event " + event.getId() + " data does not map to " + type.type(), e);
        }
        return new EventEnvelope<>(id, event.getSource(), type, event.getTime(), event.getSubject(),
                correlation == null ? null : correlation.toString(), payload);
    }

    /** Schema violations of a payload, empty when it is valid. Used by contract tests too. */
    public List<String> violations(EventType<?> type, JsonNode data) {
        List<Error> errors = schemaFor(type).validate(data);
        return errors.stream().map(Error::toString).toList();
    }

    private void requireValid(EventType<?> type, JsonNode data) {
        List<String> violations = violations(type, data);
        if (!violations.isEmpty()) {
            throw new InvalidEventException("data of " + type.type() + " breaks its schema", violations);
        }
    }

    private Schema schemaFor(EventType<?> type) {
        return schemas.computeIfAbsent(type.type(), t -> {
            try (InputStream in = EventCodec.class.getClassLoader().getResourceAsStream(type.schemaResource())) {
                if (in == null) {
                    throw new IllegalStateException("no schema on the classpath for " + type.type() + " at " + type.schemaResource());
                }
                return schemaRegistry.getSchema(in);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    /** The JSON mapper used for payloads, for callers that need the same settings (tests, tools). */
    public JsonMapper mapper() {
        return mapper;
    }
}
