package com.example.depot;

import com.aftersales.contracts.EventCodec;
import com.aftersales.contracts.EventEnvelope;
import com.aftersales.contracts.Topics;
import com.aftersales.contracts.dispatch.DispatchEvents;
import com.aftersales.contracts.dispatch.TechnicianAssigned;
import com.aftersales.contracts.dispatch.TechnicianUnassigned;
import com.aftersales.contracts.returns.DepotRepairStatusChanged;
import com.aftersales.contracts.returns.ReturnsEvents;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a partner relies on: new work (repair orders, its technicians' jobs) is shown once, redeliveries and records it
 * cannot read do not stop it.
 */
class PartnerConsumerTest {

    private final EventCodec codec = new EventCodec();
    private final Set<UUID> seen = new HashSet<>();

    private ConsumerRecord<String, byte[]> record(long offset, byte[] value) {
        return new ConsumerRecord<>(Topics.partnerTopic("sh-partner-01"), 0, offset, "key", value);
    }

    private byte[] routed(UUID eventId, UUID repairId) {
        return codec.encode(new EventEnvelope<>(eventId, URI.create("/aftersales/returns-service"),
                ReturnsEvents.DEPOT_REPAIR_STATUS_CHANGED, OffsetDateTime.now(ZoneOffset.UTC), repairId.toString(), null,
                new DepotRepairStatusChanged(repairId, "sh-partner-01", null, UUID.randomUUID(), "SN-1", "KFR-35GW",
                        "AIR_CONDITIONER", "ROUTED", "压缩机不启动", LocalDate.of(2026, 12, 1), Instant.now())));
    }

    @Test
    void newWorkIsShownOnceEvenWhenRedelivered() {
        UUID repair = UUID.randomUUID();
        byte[] event = routed(UUID.randomUUID(), repair);

        assertThat(PartnerConsumer.handle(codec, seen, record(0, event)))
                .hasValueSatisfying(line -> assertThat(line).startsWith("NEW WORK").contains(repair.toString(), "KFR-35GW", "2026-12-01"));
        assertThat(PartnerConsumer.handle(codec, seen, record(1, event))).as("redelivered").isEmpty();
    }

    @Test
    void aRecordThatBreaksTheContractOrAnUnknownTypeIsSkippedAndTheNextOneStillHandled() {
        String unknownType = """
                {"specversion":"1.0","id":"%s","source":"/aftersales/returns-service","type":"aftersales.return.something-new.v1",
                 "time":"2026-11-24T10:00:00Z","subject":"x","datacontenttype":"application/json","data":{"x":1}}"""
                .formatted(UUID.randomUUID());

        assertThat(PartnerConsumer.handle(codec, seen, record(0, "not json".getBytes(StandardCharsets.UTF_8)))).isEmpty();
        assertThat(PartnerConsumer.handle(codec, seen, record(1, unknownType.getBytes(StandardCharsets.UTF_8)))).isEmpty();
        assertThat(PartnerConsumer.handle(codec, seen, record(2, routed(UUID.randomUUID(), UUID.randomUUID())))).isPresent();
    }

    @Test
    void aJobGivenToOrTakenFromOneOfTheDepotsTechniciansIsShown() {
        UUID job = UUID.randomUUID();
        UUID ticket = UUID.randomUUID();
        UUID technician = UUID.randomUUID();
        byte[] assigned = codec.encode(new EventEnvelope<>(UUID.randomUUID(), URI.create("/aftersales/dispatch-service"),
                DispatchEvents.TECHNICIAN_ASSIGNED, OffsetDateTime.now(ZoneOffset.UTC), ticket.toString(), null,
                new TechnicianAssigned(job, ticket, technician, "蒋师傅", "AUTO", "system:dispatch-service", 0.82,
                        "best-score", Instant.now())));
        byte[] released = codec.encode(new EventEnvelope<>(UUID.randomUUID(), URI.create("/aftersales/dispatch-service"),
                DispatchEvents.TECHNICIAN_UNASSIGNED, OffsetDateTime.now(ZoneOffset.UTC), ticket.toString(), null,
                new TechnicianUnassigned(job, ticket, technician, "DECLINED", "no parts on the van",
                        "technician:" + technician, Instant.now())));

        assertThat(PartnerConsumer.handle(codec, seen, record(0, assigned))).hasValueSatisfying(line ->
                assertThat(line).startsWith("ASSIGNED").contains(job.toString(), ticket.toString(), "蒋师傅"));
        assertThat(PartnerConsumer.handle(codec, seen, record(1, released))).hasValueSatisfying(line ->
                assertThat(line).startsWith("RELEASED").contains(job.toString(), "DECLINED", "no parts on the van"));
        assertThat(PartnerConsumer.handle(codec, seen, record(2, assigned))).as("redelivered").isEmpty();
    }
}
