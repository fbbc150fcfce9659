package com.aftersales.contracts;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import io.cloudevents.CloudEvent;
import io.cloudevents.SpecVersion;
import io.cloudevents.core.builder.CloudEventBuilder;
import io.cloudevents.core.v1.CloudEventV1;
import io.cloudevents.jackson.JsonFormat;
import io.cloudevents.rw.CloudEventRWException;
import io.cloudevents.types.Time;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectReader;
import tools.jackson.databind.cfg.DateTimeFeature;
import tools.jackson.databind.json.JsonMapper;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.DateTimeException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.function.Predicate;

/**
 * Writes and reads events as CloudEvents 1.0 structured-mode JSON
 * ({@code application/cloudevents+json}), checking the {@code data} member against the event
 * type's JSON Schema on both sides. Thread-safe; create one and share it.
 */
public final class EventCodec {

    public static final String CONTENT_TYPE = JsonFormat.CONTENT_TYPE;
    public static final String CORRELATION_ID_EXTENSION = "correlationid";
    private static final String DATA = "data";
    private static final String DATA_CONTENT_TYPE = "application/json";
    /** Most events are 1-2 KB; the buffer grows for larger ones. */
    private static final int ENCODED_SIZE_HINT = 2048;
    private static final String DATA_BASE64 = "data_base64";
    /**
     * Slots of the recently decoded records (a power of two). A service's consumer groups each read the same record of
     * a topic they share (feedback-service: six groups read every {@code ticket.opened}), usually within moments of
     * each other; the first decodes it, the others find it here. 1,024 records of ~1.5 KB: ~2 MB of a service's heap.
     */
    private static final int RECENT_SLOTS = 1024;

    private final JsonMapper mapper;
    private final SchemaRegistry schemaRegistry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);
    private final Map<String, Schema> schemas = new ConcurrentHashMap<>();
    private final Map<String, ObjectReader> readers = new ConcurrentHashMap<>();
    /** Reads one member of the event as a tree; the event's own end is checked by {@link #decode}. */
    private final ObjectReader memberReader;
    /** Direct-mapped by the record's hash; a slot holds the last record decoded into it, compared byte for byte. */
    private final AtomicReferenceArray<Decoded> recent = new AtomicReferenceArray<>(RECENT_SLOTS);

    /** A record as received and the envelope it decoded to. */
    private record Decoded(byte[] bytes, int hash, EventEnvelope<?> envelope) {
    }

    public EventCodec() {
        this.mapper = JsonMapper.builder()
                // Additive evolution: a consumer must accept fields added to a version after it was built.
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .disable(DateTimeFeature.WRITE_DATES_AS_TIMESTAMPS)
                .addModule(new IsoDateTimeModule())
                .build();
        this.memberReader = mapper.reader().without(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    }

    /**
     * Serialises an envelope; fails if the payload breaks its own schema (a producer bug, never sent).
     * <p>
     * The structured event is written in one pass from the payload's tree, member by member as the CloudEvents SDK's
     * JSON format writes it (the SDK's own time format included): the bytes are the SDK's, which
     * {@code EventCodecTest} checks, without the SDK parsing the data back into a Jackson 2 tree to write it.
     */
    public byte[] encode(EventEnvelope<?> envelope) {
        EventType<?> type = envelope.type();
        JsonNode data = mapper.valueToTree(envelope.data());
        requireValid(type, data);
        ByteArrayOutputStream out = new ByteArrayOutputStream(ENCODED_SIZE_HINT);
        try (JsonGenerator json = mapper.createGenerator(out)) {
            json.writeStartObject();
            json.writeStringProperty(CloudEventV1.SPECVERSION, SpecVersion.V1.toString());
            json.writeStringProperty(CloudEventV1.ID, envelope.id().toString());
            json.writeStringProperty(CloudEventV1.SOURCE, envelope.source().toString());
            json.writeStringProperty(CloudEventV1.TYPE, type.type());
            json.writeStringProperty(CloudEventV1.DATACONTENTTYPE, DATA_CONTENT_TYPE);
            json.writeStringProperty(CloudEventV1.DATASCHEMA, type.schemaUri());
            json.writeStringProperty(CloudEventV1.SUBJECT, envelope.subject());
            json.writeStringProperty(CloudEventV1.TIME, Time.writeTime(envelope.time()));
            if (envelope.correlationId() != null) {
                json.writeStringProperty(CORRELATION_ID_EXTENSION, envelope.correlationId());
            }
            json.writeName(DATA);
            json.writeTree(data);
            json.writeEndObject();
        }
        return out.toByteArray();
    }

    /**
     * Reads an event of a known type. Returns empty for an event of a type this build does not know (a newer
     * producer; the consumer skips it). Throws {@link InvalidEventException} for anything that breaks the contract.
     */
    public Optional<EventEnvelope<?>> decode(byte[] bytes) {
        return decode(bytes, type -> true);
    }

    /**
     * As {@link #decode(byte[])}, but an event the caller does not want (or of a type this build does not know) is
     * returned empty as soon as its {@code type} is read, before anything else of it is read or checked: a consumer
     * that handles a few types of a topic neither pays for nor dead-letters the others (the consumers that do handle
     * them judge them).
     * <p>
     * The record is read once, as a stream: the context attributes as text, {@code data} into a tree, which is
     * checked against the type's JSON Schema and mapped. The CloudEvents SDK's builder still judges the context
     * attributes (spec version, required attributes, time, URIs, extension names) exactly as its own JSON format
     * does; only its data handling (a Jackson 2 tree, written back to bytes, parsed again) is left out.
     * <p>
     * A record whose exact bytes this codec decoded moments ago (another consumer group of the same service reading
     * the same record) is answered with the envelope decoded then: the same instance, so callers treat envelopes and
     * their payloads as read-only.
     */
    public Optional<EventEnvelope<?>> decode(byte[] bytes, Predicate<EventType<?>> wanted) {
        Map<String, Object> attributes = new LinkedHashMap<>();
        EventType<?> type = null;
        JsonNode data = null;
        boolean hasData = false;
        int hash = 0;
        try (JsonParser parser = mapper.createParser(bytes)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                throw new InvalidEventException("not a CloudEvents 1.0 structured JSON event: not a JSON object", List.of());
            }
            for (String name = parser.nextName(); name != null; name = parser.nextName()) {
                JsonToken value = parser.nextToken();
                if (DATA.equals(name) || DATA_BASE64.equals(name)) {
                    if (hasData) {
                        throw new InvalidEventException("event has both data and data_base64, or either twice", List.of());
                    }
                    hasData = true;
                    data = readData(parser, name, value);
                    continue;
                }
                if (value == JsonToken.VALUE_NULL) {
                    continue; // the JSON format reads an attribute set to null as absent
                }
                if (attributes.put(name, attributeValue(parser, name, value)) != null) {
                    throw new InvalidEventException("attribute " + name + " appears twice", List.of());
                }
                if (CloudEventV1.TYPE.equals(name)) {
                    Optional<EventType<?>> known = EventCatalog.byType(attributes.get(name).toString());
                    if (known.isEmpty() || !wanted.test(known.get())) {
                        return Optional.empty();
                    }
                    type = known.get();
                    hash = Arrays.hashCode(bytes);
                    Decoded seen = recent.get(hash & (RECENT_SLOTS - 1));
                    if (seen != null && seen.hash() == hash && Arrays.equals(seen.bytes(), bytes)) {
                        // The same bytes decoded before: every check below passed on them, and would again.
                        return Optional.of(seen.envelope());
                    }
                }
            }
            if (parser.nextToken() != null) {
                throw new InvalidEventException("not a CloudEvents 1.0 structured JSON event: content after the object", List.of());
            }
        } catch (JacksonException e) {
            throw new InvalidEventException("not a CloudEvents 1.0 structured JSON event", e);
        }
        if (type == null) {
            throw new InvalidEventException("not a CloudEvents 1.0 structured JSON event: no type", List.of());
        }
        EventEnvelope<?> envelope = toEnvelope(context(attributes), type, data);
        // A copy: the caller's array is its own to reuse.
        recent.set(hash & (RECENT_SLOTS - 1), new Decoded(bytes.clone(), hash, envelope));
        return Optional.of(envelope);
    }

    private JsonNode readData(JsonParser parser, String name, JsonToken value) {
        if (DATA_BASE64.equals(name)) {
            if (value != JsonToken.VALUE_STRING) {
                throw new InvalidEventException("data_base64 is not a string", List.of());
            }
            return mapper.readTree(parser.getBinaryValue());
        }
        return memberReader.readTree(parser);
    }

    /** An attribute's value as the CloudEvents JSON format allows it: a string, or a number or boolean for an extension. */
    private static Object attributeValue(JsonParser parser, String name, JsonToken value) {
        return switch (value) {
            case VALUE_STRING -> parser.getString();
            case VALUE_NUMBER_INT -> parser.getNumberValue();
            case VALUE_TRUE, VALUE_FALSE -> parser.getBooleanValue();
            default -> throw new InvalidEventException("attribute " + name + " is not a string, number or boolean", List.of());
        };
    }

    /** The SDK's own builder judges the context attributes, as its JSON format does when it reads an event. */
    private static CloudEvent context(Map<String, Object> attributes) {
        try {
            Object specVersion = attributes.remove(CloudEventV1.SPECVERSION);
            if (!(specVersion instanceof String version)) {
                throw new InvalidEventException("not a CloudEvents 1.0 structured JSON event: no specversion", List.of());
            }
            CloudEventBuilder builder = CloudEventBuilder.fromSpecVersion(SpecVersion.parse(version));
            attributes.forEach((name, value) -> {
                if (value instanceof Boolean flag) {
                    builder.withContextAttribute(name, flag);
                } else if (value instanceof Number number) {
                    builder.withContextAttribute(name, number);
                } else {
                    builder.withContextAttribute(name, (String) value);
                }
            });
            return builder.build();
        } catch (CloudEventRWException | IllegalArgumentException | IllegalStateException | DateTimeException e) {
            throw new InvalidEventException("not a CloudEvents 1.0 structured JSON event: " + e.getMessage(), e);
        }
    }

    private <T> EventEnvelope<T> toEnvelope(CloudEvent event, EventType<T> type, JsonNode data) {
        if (data == null || data.isNull()) {
            throw new InvalidEventException("event " + event.getId() + " of type " + type.type() + " has no data", List.of());
        }
        String contentType = event.getDataContentType();
        if (contentType != null && !isJson(contentType)) {
            throw new InvalidEventException("event " + event.getId() + " data is not JSON: " + contentType, List.of());
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
            payload = readerFor(type).readValue(data);
        } catch (JacksonException e) {
            throw new InvalidEventException("event " + event.getId() + " data does not map to " + type.type(), e);
        }
        return new EventEnvelope<>(id, event.getSource(), type, event.getTime(), event.getSubject(),
                correlation == null ? null : correlation.toString(), payload);
    }

    /** The content types the SDK's JSON format reads {@code data} as JSON for (it refuses JSON data under others). */
    private static boolean isJson(String contentType) {
        return contentType.startsWith("application/json") || contentType.startsWith("text/json");
    }

    private ObjectReader readerFor(EventType<?> type) {
        return readers.computeIfAbsent(type.type(), t -> mapper.readerFor(type.dataClass()));
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
