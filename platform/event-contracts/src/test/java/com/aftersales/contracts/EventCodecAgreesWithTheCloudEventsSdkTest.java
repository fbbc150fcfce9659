package com.aftersales.contracts;

import com.aftersales.contracts.ticket.TicketEvents;
import com.aftersales.contracts.ticket.TicketOpened;
import io.cloudevents.CloudEvent;
import io.cloudevents.core.format.EventDeserializationException;
import io.cloudevents.jackson.JsonFormat;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * {@link EventCodec#decode} reads a record once; it used to let the CloudEvents SDK's JSON format read the whole event
 * (into a Jackson 2 tree), write its data back to bytes and parse those again. This holds the one-pass reader to the
 * SDK's judgement: for valid events and for each way of breaking one, both accept the same event or both refuse it.
 * The only differences are listed in {@link #stricterThanTheSdk}, where the one-pass reader refuses what the SDK lets
 * through.
 */
class EventCodecAgreesWithTheCloudEventsSdkTest {

    private static final EventCodec codec = new EventCodec();
    private static final JsonFormat sdk = new JsonFormat();
    private static final JsonNodeFactory nodes = JsonNodeFactory.instance;

    static Stream<Object[]> events() {
        List<Object[]> cases = new ArrayList<>();
        ObjectNode valid = validEvent();
        cases.add(new Object[] {"valid, as encoded", bytes(valid)});
        cases.add(new Object[] {"data first, type last", bytes(reordered(valid, "data", "type"))});
        cases.add(new Object[] {"no correlation id", bytes(without(valid, "correlationid"))});
        cases.add(new Object[] {"no datacontenttype", bytes(without(valid, "datacontenttype"))});
        cases.add(new Object[] {"no dataschema", bytes(without(valid, "dataschema"))});
        cases.add(new Object[] {"unknown attribute set to null", bytes(with(valid, e -> e.putNull("shard")))});
        cases.add(new Object[] {"time with an offset", bytes(with(valid, e -> e.put("time", "2026-11-24T09:15:30.123+01:00")))});
        cases.add(new Object[] {"json with charset", bytes(with(valid, e -> e.put("datacontenttype", "application/json; charset=utf-8")))});
        cases.add(new Object[] {"numeric extension", bytes(with(valid, e -> e.put("priority", 3)))});
        cases.add(new Object[] {"boolean extension", bytes(with(valid, e -> e.put("replayed", true)))});
        cases.add(new Object[] {"numeric correlation id", bytes(with(valid, e -> e.put("correlationid", 42)))});
        cases.add(new Object[] {"data as base64", bytes(with(valid, e -> {
            e.put("data_base64", Base64.getEncoder().encodeToString(e.get("data").toString().getBytes(StandardCharsets.UTF_8)));
            e.remove("data");
        }))});
        cases.add(new Object[] {"unknown type", bytes(with(valid, e -> e.put("type", "aftersales.ticket.teleported.v1")))});
        for (String attribute : List.of("specversion", "id", "source", "type", "time", "subject", "data")) {
            cases.add(new Object[] {"no " + attribute, bytes(without(valid, attribute))});
        }
        for (String attribute : List.of("id", "source", "type", "subject")) {
            cases.add(new Object[] {"empty " + attribute, bytes(with(valid, e -> e.put(attribute, "")))});
        }
        cases.add(new Object[] {"specversion 0.3", bytes(with(valid, e -> e.put("specversion", "0.3")))});
        cases.add(new Object[] {"specversion 2.0", bytes(with(valid, e -> e.put("specversion", "2.0")))});
        cases.add(new Object[] {"specversion as a number", bytes(with(valid, e -> e.put("specversion", 1.0)))});
        cases.add(new Object[] {"id not a uuid", bytes(with(valid, e -> e.put("id", "ticket-1")))});
        cases.add(new Object[] {"id as a number", bytes(with(valid, e -> e.put("id", 7)))});
        cases.add(new Object[] {"source not a uri", bytes(with(valid, e -> e.put("source", "::: not a uri")))});
        cases.add(new Object[] {"time not a time", bytes(with(valid, e -> e.put("time", "yesterday")))});
        cases.add(new Object[] {"time a date only", bytes(with(valid, e -> e.put("time", "2026-11-24")))});
        cases.add(new Object[] {"time as a number", bytes(with(valid, e -> e.put("time", 1764000000)))});
        cases.add(new Object[] {"dataschema not a uri", bytes(with(valid, e -> e.put("dataschema", "::: not a uri")))});
        cases.add(new Object[] {"extension name with capitals", bytes(with(valid, e -> e.put("Correlation-Id", "x")))});
        cases.add(new Object[] {"data null", bytes(with(valid, e -> e.putNull("data")))});
        cases.add(new Object[] {"data an array", bytes(with(valid, e -> e.set("data", nodes.arrayNode().add(e.get("data")))))});
        cases.add(new Object[] {"data as a json string", bytes(with(valid, e -> e.put("data", e.get("data").toString())))});
        cases.add(new Object[] {"data breaks the schema", bytes(with(valid, e -> ((ObjectNode) e.get("data")).put("ticketId", "x")))});
        cases.add(new Object[] {"data not json per its content type", bytes(with(valid, e -> e.put("datacontenttype", "text/plain")))});
        cases.add(new Object[] {"a vendor json type", bytes(with(valid, e -> e.put("datacontenttype", "application/vnd.aftersales+json")))});
        cases.add(new Object[] {"data_base64 not base64", bytes(with(valid, e -> {
            e.put("data_base64", "*** not base64 ***");
            e.remove("data");
        }))});
        cases.add(new Object[] {"data_base64 of something not json", bytes(with(valid, e -> {
            e.put("data_base64", Base64.getEncoder().encodeToString("not json".getBytes(StandardCharsets.UTF_8)));
            e.remove("data");
        }))});
        cases.add(new Object[] {"an array, not an object", "[1,2]".getBytes(StandardCharsets.UTF_8)});
        cases.add(new Object[] {"empty", new byte[0]});
        cases.add(new Object[] {"not json", "not json".getBytes(StandardCharsets.UTF_8)});
        String text = new String(bytes(valid), StandardCharsets.UTF_8);
        cases.add(new Object[] {"cut short", text.substring(0, text.length() / 2).getBytes(StandardCharsets.UTF_8)});
        cases.add(new Object[] {"cut short after the type", text.substring(0, text.indexOf("\"time\"")).getBytes(StandardCharsets.UTF_8)});
        return cases.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("events")
    void decodesAsTheSdkReadsIt(String name, byte[] event) {
        Outcome expected = Outcome.of(() -> referenceDecode(event));
        Outcome actual = Outcome.of(() -> codec.decode(event));
        assertEquals(expected, actual, name + ": " + new String(event, StandardCharsets.UTF_8));
    }

    static Stream<Object[]> stricterThanTheSdk() {
        ObjectNode valid = validEvent();
        String text = new String(bytes(valid), StandardCharsets.UTF_8);
        return Stream.of(
                // The SDK's Jackson tree keeps the last of two equal names; which one a consumer saw would depend on
                // the reader, so the codec refuses the event.
                new Object[] {"an attribute twice", text.replaceFirst("\\{", "{\"subject\":\"someone-else\",")
                        .getBytes(StandardCharsets.UTF_8)},
                // The SDK writes an object-valued extension as its JSON text; CloudEvents has no such attribute type.
                new Object[] {"an extension holding an object", bytes(with(valid, e -> e.set("routing", nodes.objectNode().put("a", 1))))},
                // The SDK stops at the event's end and ignores what follows.
                new Object[] {"content after the event", (text + " {}").getBytes(StandardCharsets.UTF_8)},
                // The SDK's JSON format reads the JSON literal null as no event at all; the decoder built on it then
                // failed with a NullPointerException, which the consumers retried as if it were a passing fault.
                new Object[] {"json null", "null".getBytes(StandardCharsets.UTF_8)},
                new Object[] {"data and data_base64", bytes(with(valid, e -> e.put("data_base64",
                        Base64.getEncoder().encodeToString(e.get("data").toString().getBytes(StandardCharsets.UTF_8)))))});
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("stricterThanTheSdk")
    void refusesWhatTheSdkLetsThrough(String name, byte[] event) {
        assertThatThrownBy(() -> codec.decode(event)).isInstanceOf(InvalidEventException.class);
    }

    /** The cases whose type is readable before any broken part (the rest of such an event is not read). */
    static Stream<Object[]> typeReadableFirst() {
        return events().filter(c -> {
            String text = new String((byte[]) c[1], StandardCharsets.UTF_8);
            int type = text.indexOf("\"type\":\"aftersales.ticket.opened.v1\"");
            int data = text.indexOf("\"data\"");
            return type >= 0 && (data < 0 || type < data) && text.startsWith("{\"specversion\":\"");
        });
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("typeReadableFirst")
    void anEventOfATypeNotWantedIsSkippedWithoutBeingJudged(String name, byte[] event) {
        assertThat(codec.decode(event, wanted -> !wanted.equals(TicketEvents.TICKET_OPENED))).isEmpty();
    }

    /** The decoder as it was: the SDK reads the event, its data is written back to bytes and read again. */
    private static Optional<EventEnvelope<?>> referenceDecode(byte[] bytes) {
        CloudEvent event;
        try {
            event = sdk.deserialize(bytes);
        } catch (EventDeserializationException | IllegalArgumentException | IllegalStateException e) {
            throw new InvalidEventException("not a CloudEvent", e);
        }
        Optional<EventType<?>> known = EventCatalog.byType(event.getType());
        if (known.isEmpty()) {
            return Optional.empty();
        }
        if (event.getData() == null) {
            throw new InvalidEventException("no data", List.of());
        }
        JsonNode data;
        try {
            data = codec.mapper().readTree(event.getData().toBytes());
        } catch (RuntimeException e) {
            throw new InvalidEventException("data is not JSON", e);
        }
        if (!codec.violations(known.get(), data).isEmpty()) {
            throw new InvalidEventException("breaks its schema", List.of());
        }
        if (event.getTime() == null || event.getSubject() == null) {
            throw new InvalidEventException("lacks time or subject", List.of());
        }
        UUID id;
        try {
            id = UUID.fromString(event.getId());
        } catch (IllegalArgumentException e) {
            throw new InvalidEventException("id", e);
        }
        Object correlation = event.getExtension(EventCodec.CORRELATION_ID_EXTENSION);
        return Optional.of(envelope(known.get(), event, id, correlation, data));
    }

    private static <T> EventEnvelope<T> envelope(EventType<T> type, CloudEvent event, UUID id, Object correlation, JsonNode data) {
        return new EventEnvelope<>(id, event.getSource(), type, event.getTime(), event.getSubject(),
                correlation == null ? null : correlation.toString(), codec.mapper().treeToValue(data, type.dataClass()));
    }

    /** What a decode came to: the envelope, empty, or refused (the message is not compared, only that it was refused). */
    private record Outcome(Optional<EventEnvelope<?>> decoded, boolean refused, String unexpected) {
        static Outcome of(java.util.function.Supplier<Optional<EventEnvelope<?>>> decode) {
            try {
                return new Outcome(decode.get(), false, null);
            } catch (InvalidEventException e) {
                return new Outcome(null, true, null);
            } catch (RuntimeException e) {
                return new Outcome(null, false, e.toString());
            }
        }
    }

    private static ObjectNode validEvent() {
        TicketOpened data = EventCodecTest.ticketOpened();
        EventEnvelope<TicketOpened> envelope = new EventEnvelope<>(UUID.randomUUID(), URI.create("/aftersales/ticket-service"),
                TicketEvents.TICKET_OPENED, OffsetDateTime.of(2026, 11, 24, 8, 15, 30, 0, ZoneOffset.UTC),
                data.ticketId().toString(), "req-42", data);
        return (ObjectNode) codec.mapper().readTree(codec.encode(envelope));
    }

    private static byte[] bytes(JsonNode event) {
        return codec.mapper().writeValueAsBytes(event);
    }

    private static ObjectNode with(ObjectNode event, Consumer<ObjectNode> change) {
        ObjectNode copy = event.deepCopy();
        change.accept(copy);
        return copy;
    }

    private static ObjectNode without(ObjectNode event, String attribute) {
        return with(event, e -> e.remove(attribute));
    }

    /** The same members with the given ones first, in that order. */
    private static ObjectNode reordered(ObjectNode event, String... first) {
        ObjectNode copy = nodes.objectNode();
        for (String name : first) {
            copy.set(name, event.get(name).deepCopy());
        }
        for (Iterator<Map.Entry<String, JsonNode>> members = event.properties().iterator(); members.hasNext(); ) {
            Map.Entry<String, JsonNode> member = members.next();
            if (!copy.has(member.getKey())) {
                copy.set(member.getKey(), member.getValue().deepCopy());
            }
        }
        return copy;
    }
}
