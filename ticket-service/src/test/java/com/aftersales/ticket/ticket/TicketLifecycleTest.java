package com.aftersales.ticket.ticket;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.time.Instant;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TicketLifecycleTest {

    private static final Instant T0 = Instant.parse("2026-11-24T01:00:00Z");

    private static Ticket openRepair() {
        return Ticket.open(UUID.randomUUID(), UUID.randomUUID(), "SN1", "KFR-35GW", TicketType.REPAIR, Channel.PHONE,
                Priority.NORMAL, "COOLING", "不制冷", "agent:li", T0);
    }

    @Test
    void aNewTicketIsOpenWithAnOpenedTimelineEntry() {
        Ticket ticket = openRepair();

        assertThat(ticket.status()).isEqualTo(TicketStatus.OPEN);
        assertThat(ticket.newTimelineEntries()).singleElement().satisfies(entry -> {
            assertThat(entry.kind()).isEqualTo(TimelineEntry.OPENED);
            assertThat(entry.actor()).isEqualTo("agent:li");
            assertThat(entry.toStatus()).isEqualTo(TicketStatus.OPEN);
        });
    }

    @Test
    void anAllowedTransitionIsRecordedWithActorTimeAndReason() {
        Ticket ticket = openRepair();
        Instant later = T0.plusSeconds(30);

        ticket.moveTo(TicketStatus.AWAITING_TECHNICIAN, "system:dispatch-service", "job queued", later);

        assertThat(ticket.status()).isEqualTo(TicketStatus.AWAITING_TECHNICIAN);
        assertThat(ticket.updatedAt()).isEqualTo(later);
        assertThat(ticket.newTimelineEntries()).last().isEqualTo(new TimelineEntry(later, TimelineEntry.STATUS_CHANGED,
                TicketStatus.OPEN, TicketStatus.AWAITING_TECHNICIAN, "system:dispatch-service", "job queued"));
    }

    @Test
    void anIllegalTransitionNamesTheCurrentAndAllowedStates() {
        Ticket ticket = openRepair();

        assertThatThrownBy(() -> ticket.moveTo(TicketStatus.CLOSED, "agent:li", "done?", T0))
                .isInstanceOf(IllegalTransitionException.class)
                .satisfies(e -> {
                    IllegalTransitionException illegal = (IllegalTransitionException) e;
                    assertThat(illegal.current()).isEqualTo(TicketStatus.OPEN);
                    assertThat(illegal.requested()).isEqualTo(TicketStatus.CLOSED);
                    assertThat(illegal.allowed()).containsExactlyInAnyOrder(TicketStatus.TRIAGED,
                            TicketStatus.AWAITING_TECHNICIAN, TicketStatus.RESOLVED_REMOTELY);
                });
        assertThat(ticket.status()).isEqualTo(TicketStatus.OPEN);
        assertThat(ticket.newTimelineEntries()).hasSize(1);
    }

    @Test
    void theStandardRepairFlowIsAPathThroughTheStateMachine() {
        Ticket ticket = openRepair();
        TicketStatus[] path = {TicketStatus.TRIAGED, TicketStatus.AWAITING_TECHNICIAN, TicketStatus.TECHNICIAN_ASSIGNED,
                TicketStatus.ON_SITE, TicketStatus.IN_DEPOT_REPAIR, TicketStatus.RESOLVED, TicketStatus.CLOSED,
                TicketStatus.REOPENED, TicketStatus.AWAITING_TECHNICIAN};
        for (TicketStatus next : path) {
            ticket.moveTo(next, "agent:li", "step", T0);
        }
        assertThat(ticket.status()).isEqualTo(TicketStatus.AWAITING_TECHNICIAN);
        assertThat(ticket.newTimelineEntries()).hasSize(path.length + 1);
    }

    @ParameterizedTest
    @EnumSource(TicketStatus.class)
    void noStateMayStayInPlaceOrBeADeadEnd(TicketStatus status) {
        assertThat(status.canMoveTo(status)).isFalse();
        assertThat(status.allowedNext()).isNotEmpty();
    }
}
