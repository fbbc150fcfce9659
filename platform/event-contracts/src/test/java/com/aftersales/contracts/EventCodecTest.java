package com.aftersales.contracts;

import com.aftersales.contracts.ticket.TicketEvents;
import com.aftersales.contracts.product.ProductFacts;
import com.aftersales.contracts.product.ProductRegistered;
import com.aftersales.contracts.ticket.TicketOpened;
import io.cloudevents.core.builder.CloudEventBuilder;
import io.cloudevents.jackson.JsonFormat;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EventCodecTest {

    private final EventCodec codec = new EventCodec();

    static TicketOpened ticketOpened() {
        return new TicketOpened(UUID.randomUUID(), UUID.randomUUID(), "SN-2026-0001", "KFR-35GW", "REPAIR", "PHONE",
                "NORMAL", null, "空调不制冷 / no cooling", Instant.parse("2026-11-24T08:15:30Z"));
    }

    @Test
    void roundTripsAsStructuredCloudEventWithCorrelationId() {
        TicketOpened data = ticketOpened();
        EventEnvelope<TicketOpened> envelope = new EventEnvelope<>(UUID.randomUUID(), URI.create("/aftersales/ticket-service"),
                TicketEvents.TICKET_OPENED, OffsetDateTime.of(2026, 11, 24, 8, 15, 30, 0, ZoneOffset.UTC),
                data.ticketId().toString(), "req-42", data);

        byte[] bytes = codec.encode(envelope);
        String json = new String(bytes, StandardCharsets.UTF_8);
        assertThat(json).contains("\"specversion\":\"1.0\"", "\"type\":\"aftersales.ticket.opened.v1\"",
                "\"correlationid\":\"req-42\"", "\"dataschema\":\"urn:aftersales:schema:aftersales.ticket.opened.v1\"",
                "空调不制冷");

        EventEnvelope<?> decoded = codec.decode(bytes).orElseThrow();
        assertThat(decoded.id()).isEqualTo(envelope.id());
        assertThat(decoded.type()).isEqualTo(TicketEvents.TICKET_OPENED);
        assertThat(decoded.subject()).isEqualTo(data.ticketId().toString());
        assertThat(decoded.correlationId()).isEqualTo("req-42");
        assertThat(decoded.dataAs(TicketEvents.TICKET_OPENED)).isEqualTo(data);
    }

    @Test
    void theSameRecordReadByAnotherConsumerGroupIsAnsweredWithTheEnvelopeDecodedBefore() {
        byte[] bytes = codec.encode(opened("req-1"));

        EventEnvelope<?> first = codec.decode(bytes).orElseThrow();
        // another consumer's copy of the same record: the same bytes in another array
        assertThat(codec.decode(bytes.clone(), type -> true)).containsSame(first);
        // a consumer that does not handle the type still skips it
        assertThat(codec.decode(bytes.clone(), type -> false)).isEmpty();
    }

    @Test
    void aRecordDifferingByOneByteIsDecodedAfresh() {
        EventEnvelope<TicketOpened> envelope = opened("req-1");
        byte[] bytes = codec.encode(envelope);
        EventEnvelope<?> first = codec.decode(bytes).orElseThrow();

        byte[] other = new String(bytes, StandardCharsets.UTF_8).replace("req-1", "req-2").getBytes(StandardCharsets.UTF_8);
        EventEnvelope<?> second = codec.decode(other).orElseThrow();

        assertThat(second).isNotSameAs(first);
        assertThat(second.correlationId()).isEqualTo("req-2");
        assertThat(second.id()).isEqualTo(envelope.id());
    }

    @Test
    void anArrayTheCallerChangesAfterItsDecodeIsNotAnsweredFromWhatItHeldBefore() {
        byte[] bytes = codec.encode(opened("req-1"));
        codec.decode(bytes).orElseThrow();

        // the caller reuses its array for another record of the same length
        byte[] changed = new String(bytes, StandardCharsets.UTF_8).replace("req-1", "req-9").getBytes(StandardCharsets.UTF_8);
        System.arraycopy(changed, 0, bytes, 0, bytes.length);

        assertThat(codec.decode(bytes).orElseThrow().correlationId()).isEqualTo("req-9");
    }

    @Test
    void aRefusedRecordIsRefusedEveryTime() {
        byte[] bytes = poison();

        for (int consumer = 0; consumer < 3; consumer++) {
            assertThatThrownBy(() -> codec.decode(bytes.clone())).isInstanceOf(InvalidEventException.class);
        }
    }

    /** A ticket-opened record whose data breaks the schema. */
    private static byte[] poison() {
        return """
                {"specversion":"1.0","id":"%s","source":"/evil","type":"aftersales.ticket.opened.v1",
                 "time":"2026-11-24T08:00:00Z","subject":"x","datacontenttype":"application/json",
                 "data":{"ticketId":"not-a-uuid"}}""".formatted(UUID.randomUUID()).getBytes(StandardCharsets.UTF_8);
    }

    private static EventEnvelope<TicketOpened> opened(String correlationId) {
        TicketOpened data = ticketOpened();
        return new EventEnvelope<>(UUID.randomUUID(), URI.create("/aftersales/ticket-service"), TicketEvents.TICKET_OPENED,
                OffsetDateTime.of(2026, 11, 24, 8, 15, 30, 0, ZoneOffset.UTC), data.ticketId().toString(), correlationId,
                data);
    }

    @Test
    void refusesToProduceDataThatBreaksTheSchema() {
        TicketOpened broken = new TicketOpened(UUID.randomUUID(), UUID.randomUUID(), "", "KFR-35GW", "REPAIR", "PHONE",
                "NORMAL", null, "x", Instant.now());
        EventEnvelope<TicketOpened> envelope = new EventEnvelope<>(UUID.randomUUID(), URI.create("/t"),
                TicketEvents.TICKET_OPENED, OffsetDateTime.now(), broken.ticketId().toString(), null, broken);

        assertThatThrownBy(() -> codec.encode(envelope))
                .isInstanceOf(InvalidEventException.class)
                .hasMessageContaining("serialNumber");
    }

    @Test
    void rejectsConsumedDataThatBreaksTheSchema() {
        assertThatThrownBy(() -> codec.decode(poison()))
                .isInstanceOf(InvalidEventException.class)
                .satisfies(e -> assertThat(((InvalidEventException) e).violations()).isNotEmpty());
    }

    @Test
    void rejectsBytesThatAreNotACloudEvent() {
        assertThatThrownBy(() -> codec.decode("{\"hello\":1}".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(InvalidEventException.class);
        assertThatThrownBy(() -> codec.decode("not json".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(InvalidEventException.class);
    }

    @Test
    void skipsWellFormedEventsOfTypesThisBuildDoesNotKnow() {
        String newer = """
                {"specversion":"1.0","id":"%s","source":"/ticket-service","type":"aftersales.ticket.teleported.v1",
                 "time":"2026-11-24T08:00:00Z","subject":"x","datacontenttype":"application/json","data":{"a":1}}"""
                .formatted(UUID.randomUUID());

        assertThat(codec.decode(newer.getBytes(StandardCharsets.UTF_8))).isEmpty();
    }

    @Test
    void acceptsFieldsAddedLaterToTheSameVersion() {
        TicketOpened data = ticketOpened();
        String withExtraField = """
                {"specversion":"1.0","id":"%s","source":"/ticket-service","type":"aftersales.ticket.opened.v1",
                 "time":"2026-11-24T08:00:00Z","subject":"%s","datacontenttype":"application/json",
                 "data":{"ticketId":"%s","customerId":"%s","serialNumber":"SN1","model":"M1","ticketType":"REPAIR",
                         "channel":"WEB","priority":"HIGH","faultDescription":"noise","openedAt":"2026-11-24T08:00:00Z",
                         "addedInALaterMinorRelease":{"x":1}}}"""
                .formatted(UUID.randomUUID(), data.ticketId(), data.ticketId(), data.customerId());

        TicketOpened decoded = codec.decode(withExtraField.getBytes(StandardCharsets.UTF_8)).orElseThrow()
                .dataAs(TicketEvents.TICKET_OPENED);
        assertThat(decoded.serialNumber()).isEqualTo("SN1");
        assertThat(decoded.priority()).isEqualTo("HIGH");
    }

    @Test
    void productFactsTravelWithCalendarDatesAndOptionalLocation() {
        ProductFacts facts = new ProductFacts(UUID.randomUUID(), UUID.randomUUID(), "SN-AC-1", "KFR-35GW/BpR3",
                "AIR_CONDITIONER", "B2026-07", LocalDate.of(2024, 2, 29), "SH-XUHUI-01", "R-889", "SPECIAL_PRICE",
                false, true, true, "310104", 31.1880, 121.4365);
        ProductRegistered data = new ProductRegistered(facts, Instant.parse("2026-11-24T08:00:00Z"));
        EventEnvelope<ProductRegistered> envelope = new EventEnvelope<>(UUID.randomUUID(), URI.create("/aftersales/ticket-service"),
                TicketEvents.PRODUCT_REGISTERED, OffsetDateTime.now(ZoneOffset.UTC), facts.productId().toString(), null, data);

        byte[] bytes = codec.encode(envelope);

        assertThat(new String(bytes, StandardCharsets.UTF_8)).contains("\"purchaseDate\":\"2024-02-29\"");
        assertThat(codec.decode(bytes).orElseThrow().dataAs(TicketEvents.PRODUCT_REGISTERED)).isEqualTo(data);
    }

    @Test
    void ticketOpenedOfTheFirstReleaseStillDecodesWithTheLaterFieldsNull() {
        TicketOpened original = ticketOpened();
        EventEnvelope<TicketOpened> envelope = new EventEnvelope<>(UUID.randomUUID(), URI.create("/t"),
                TicketEvents.TICKET_OPENED, OffsetDateTime.now(ZoneOffset.UTC), original.ticketId().toString(), null, original);

        TicketOpened decoded = codec.decode(codec.encode(envelope)).orElseThrow().dataAs(TicketEvents.TICKET_OPENED);

        assertThat(decoded.sla()).isNull();
        assertThat(decoded.entitlement()).isNull();
        assertThat(decoded).isEqualTo(original);
    }

    @Test
    void writesTheBytesTheCloudEventsSdkWrites() {
        TicketOpened tricky = new TicketOpened(UUID.randomUUID(), UUID.randomUUID(), "SN \"quoted\" \\ back\tslash", "KFR/35GW",
                "REPAIR", "WEB", "HIGH", null, "漏水 💧 line\nbreak \u0001 control", Instant.parse("2026-11-24T08:15:30.123456789Z"));
        List<EventEnvelope<?>> envelopes = List.of(
                new EventEnvelope<>(UUID.randomUUID(), URI.create("/aftersales/ticket-service"), TicketEvents.TICKET_OPENED,
                        OffsetDateTime.of(2026, 11, 24, 8, 15, 30, 0, ZoneOffset.UTC), "t-1", "req-42", ticketOpened()),
                new EventEnvelope<>(UUID.randomUUID(), URI.create("/t"), TicketEvents.TICKET_OPENED,
                        OffsetDateTime.of(2026, 11, 24, 16, 15, 30, 123_456_789, ZoneOffset.ofHours(8)), "t-2", null, tricky),
                new EventEnvelope<>(UUID.randomUUID(), URI.create("urn:aftersales:ticket-service"), TicketEvents.TICKET_OPENED,
                        OffsetDateTime.of(2026, 3, 1, 0, 0, 0, 1_000_000, ZoneOffset.ofHoursMinutes(-3, -30)), "主题",
                        "corr \"x\"", tricky));

        for (EventEnvelope<?> envelope : envelopes) {
            assertThat(new String(codec.encode(envelope), StandardCharsets.UTF_8))
                    .isEqualTo(new String(sdkEncode(envelope), StandardCharsets.UTF_8));
        }
    }

    /** How events were written before: the SDK's builder and JSON format, the data handed over as JSON bytes. */
    private byte[] sdkEncode(EventEnvelope<?> envelope) {
        CloudEventBuilder builder = CloudEventBuilder.v1()
                .withId(envelope.id().toString())
                .withSource(envelope.source())
                .withType(envelope.type().type())
                .withTime(envelope.time())
                .withSubject(envelope.subject())
                .withDataSchema(URI.create(envelope.type().schemaUri()))
                .withDataContentType("application/json")
                .withData(codec.mapper().writeValueAsBytes(codec.mapper().valueToTree(envelope.data())));
        if (envelope.correlationId() != null) {
            builder.withExtension(EventCodec.CORRELATION_ID_EXTENSION, envelope.correlationId());
        }
        return new JsonFormat().serialize(builder.build());
    }
}
