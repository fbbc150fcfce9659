package com.aftersales.contracts.dispatch;

import com.aftersales.contracts.EventCodec;
import com.aftersales.contracts.EventEnvelope;
import com.aftersales.contracts.InvalidEventException;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.net.URI;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The dispatch events partners and returns-service build against survive the codec, and their schemas bite. */
class DispatchEventsTest {

    private final EventCodec codec = new EventCodec();
    private final UUID ticketId = UUID.randomUUID();

    private <T> EventEnvelope<T> envelope(com.aftersales.contracts.EventType<T> type, T data) {
        return new EventEnvelope<>(UUID.randomUUID(), URI.create("/aftersales/dispatch-service"), type,
                OffsetDateTime.now(ZoneOffset.UTC), ticketId.toString(), "corr-1", data);
    }

    @Test
    void depotRepairRequestedRoundTripsWithEveryFieldReturnsServiceNeeds() {
        DepotRepairRequested request = new DepotRepairRequested(UUID.randomUUID(), ticketId, UUID.randomUUID(),
                UUID.randomUUID(), null, "SN2026001", "KFR-35GW", "AIR_CONDITIONER", "COOLING", "E4",
                "不制冷", "auth/2026/0001.png", "张三", Instant.parse("2026-11-24T09:00:00Z"), UUID.randomUUID(),
                null, Instant.parse("2026-11-24T09:05:00Z"));
        EventEnvelope<?> decoded = codec.decode(codec.encode(envelope(DispatchEvents.DEPOT_REPAIR_REQUESTED, request))).orElseThrow();
        assertThat(decoded.dataAs(DispatchEvents.DEPOT_REPAIR_REQUESTED)).isEqualTo(request);
    }

    @Test
    void visitCompletedCarriesTheReportSummaryAndMoney() {
        VisitCompleted completed = new VisitCompleted(UUID.randomUUID(), UUID.randomUUID(), ticketId, UUID.randomUUID(),
                "COMPLETED", UUID.randomUUID(), 2, "capacitor failed", "replaced capacitor", "COOLING", "E4", "REPLACE_PART",
                true, 45, List.of(new VisitCompleted.PartLine("CAP-35", 1, new BigDecimal("38.00"))), "OUT_OF_WARRANTY",
                new BigDecimal("98.00"), new BigDecimal("128.00"), "CNY", Instant.now());
        EventEnvelope<?> decoded = codec.decode(codec.encode(envelope(DispatchEvents.VISIT_COMPLETED, completed))).orElseThrow();
        VisitCompleted read = decoded.dataAs(DispatchEvents.VISIT_COMPLETED);
        assertThat(read.parts()).hasSize(1);
        assertThat(read.charged()).isEqualByComparingTo("128.00");
        assertThat(read.firstTimeFix()).isTrue();
    }

    @Test
    void aDepotRequestWithoutAnAuthorisationBreaksTheContract() {
        DepotRepairRequested unauthorised = new DepotRepairRequested(UUID.randomUUID(), ticketId, UUID.randomUUID(),
                UUID.randomUUID(), null, "SN2026001", "KFR-35GW", null, null, null, null, null, "张三",
                Instant.now(), UUID.randomUUID(), null, Instant.now());
        assertThatThrownBy(() -> codec.encode(envelope(DispatchEvents.DEPOT_REPAIR_REQUESTED, unauthorised)))
                .isInstanceOf(InvalidEventException.class);
    }
}
