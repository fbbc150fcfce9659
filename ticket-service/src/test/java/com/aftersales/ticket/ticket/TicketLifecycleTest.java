package com.aftersales.ticket.ticket;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TicketLifecycleTest {

    private static final Instant T0 = Instant.parse("2026-11-24T01:00:00Z");
    private static final LifecycleRules RULES = new LifecycleRules(Duration.ofDays(30), Duration.ofDays(7));
    private static final Entitlement IN_WARRANTY = new Entitlement(Entitlement.Status.IN_WARRANTY, "within-warranty", "ok");
    private static final Entitlement EXPIRED = new Entitlement(Entitlement.Status.OUT_OF_WARRANTY, "warranty-expired", "old");

    private static Ticket open(Entitlement entitlement, boolean chargeBasisToldNow) {
        TicketSubject subject = new TicketSubject(UUID.randomUUID(), UUID.randomUUID(), "SN1", "KFR-35GW",
                "AIR_CONDITIONER", "B2023", "SH-001", "B", "310104", 31.19, 121.44);
        return Ticket.open(UUID.randomUUID(), subject, TicketType.REPAIR, Channel.PHONE, Priority.NORMAL, "COOLING",
                "E1", "不制冷", List.of(), entitlement, chargeBasisToldNow, "agent:li", T0);
    }

    private static Ticket openRepair() {
        return open(IN_WARRANTY, false);
    }

    @Test
    void aNewTicketIsOpenWithAnOpenedTimelineEntryAndItsEntitlement() {
        Ticket ticket = openRepair();

        assertThat(ticket.status()).isEqualTo(TicketStatus.OPEN);
        assertThat(ticket.newTimelineEntries()).singleElement().satisfies(entry -> {
            assertThat(entry.kind()).isEqualTo(TimelineEntry.OPENED);
            assertThat(entry.actor()).isEqualTo("agent:li");
            assertThat(entry.toStatus()).isEqualTo(TicketStatus.OPEN);
        });
        assertThat(ticket.entitlement()).isEqualTo(IN_WARRANTY);
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
                            TicketStatus.AWAITING_TECHNICIAN, TicketStatus.RESOLVED_REMOTELY, TicketStatus.AWAITING_CUSTOMER);
                });
        assertThat(ticket.status()).isEqualTo(TicketStatus.OPEN);
        assertThat(ticket.newTimelineEntries()).hasSize(1);
    }

    @Test
    void theStandardRepairFlowIsAPathThroughTheStateMachine() {
        Ticket ticket = openRepair();
        TicketStatus[] path = {TicketStatus.TRIAGED, TicketStatus.AWAITING_CUSTOMER, TicketStatus.AWAITING_TECHNICIAN,
                TicketStatus.TECHNICIAN_ASSIGNED, TicketStatus.ON_SITE, TicketStatus.IN_DEPOT_REPAIR, TicketStatus.RESOLVED,
                TicketStatus.CLOSED, TicketStatus.REOPENED, TicketStatus.AWAITING_TECHNICIAN};
        for (TicketStatus next : path) {
            ticket.moveByAgent(next, "agent:li", "step", T0, RULES);
        }
        assertThat(ticket.status()).isEqualTo(TicketStatus.AWAITING_TECHNICIAN);
        assertThat(ticket.reopenCount()).isEqualTo(1);
        assertThat(ticket.closedAt()).isEqualTo(T0);
        assertThat(ticket.newTimelineEntries()).hasSize(path.length + 1);
    }

    @ParameterizedTest
    @EnumSource(TicketStatus.class)
    void noStateMayStayInPlaceOrBeADeadEnd(TicketStatus status) {
        assertThat(status.canMoveTo(status)).isFalse();
        assertThat(status.allowedNext()).isNotEmpty();
    }

    @Test
    void chargeableWorkIsNotDispatchedBeforeTheChargeBasisIsCommunicated() {
        Ticket ticket = open(EXPIRED, false);
        assertThat(ticket.needsChargeBasis()).isTrue();

        assertThatThrownBy(() -> ticket.moveByAgent(TicketStatus.AWAITING_TECHNICIAN, "agent:li", "send someone", T0, RULES))
                .isInstanceOf(TicketRuleViolation.class)
                .satisfies(e -> assertThat(((TicketRuleViolation) e).rule()).isEqualTo("charge-basis-before-dispatch"));
        assertThat(ticket.status()).isEqualTo(TicketStatus.OPEN);

        ticket.recordChargeBasisCommunicated("agent:li", T0.plusSeconds(60));
        ticket.moveByAgent(TicketStatus.AWAITING_TECHNICIAN, "agent:li", "send someone", T0.plusSeconds(61), RULES);

        assertThat(ticket.status()).isEqualTo(TicketStatus.AWAITING_TECHNICIAN);
        assertThat(ticket.chargeBasisCommunicatedBy()).isEqualTo("agent:li");
        assertThat(ticket.newTimelineEntries()).extracting(TimelineEntry::kind).contains(TimelineEntry.CHARGE_BASIS_COMMUNICATED);
    }

    @Test
    void dispatchMayQueueAChargeableJobItHoldsItselfUntilTheChargeBasisArrives() {
        Ticket ticket = open(EXPIRED, false);

        ticket.moveTo(TicketStatus.AWAITING_TECHNICIAN, "system:dispatch-service", "queued (held)", T0);

        assertThat(ticket.status()).isEqualTo(TicketStatus.AWAITING_TECHNICIAN);
        assertThat(ticket.needsChargeBasis()).isTrue();
    }

    @Test
    void theChargeBasisToldDuringIntakeIsRecordedAtOnceAndOnlyOnce() {
        Ticket ticket = open(EXPIRED, true);

        assertThat(ticket.needsChargeBasis()).isFalse();
        assertThatThrownBy(() -> ticket.recordChargeBasisCommunicated("agent:wang", T0))
                .isInstanceOf(TicketRuleViolation.class).hasMessageContaining("agent:li");
    }

    @Test
    void inWarrantyWorkNeedsNoChargeBasis() {
        Ticket ticket = open(IN_WARRANTY, true);
        assertThat(ticket.needsChargeBasis()).isFalse();
        assertThat(ticket.chargeBasisCommunicatedAt()).isNull();
    }

    @Test
    void aClosedTicketReopensOnlyWithinTheWindow() {
        Ticket ticket = openRepair();
        ticket.moveTo(TicketStatus.RESOLVED_REMOTELY, "agent:li", "reset fixed it", T0);
        ticket.moveTo(TicketStatus.CLOSED, "agent:li", "customer confirmed", T0);

        Instant tooLate = T0.plus(Duration.ofDays(31));
        assertThatThrownBy(() -> ticket.moveByAgent(TicketStatus.REOPENED, "agent:li", "again", tooLate, RULES))
                .isInstanceOf(TicketRuleViolation.class)
                .satisfies(e -> assertThat(((TicketRuleViolation) e).rule()).isEqualTo("reopen-window"));

        ticket.moveByAgent(TicketStatus.REOPENED, "agent:li", "again", T0.plus(Duration.ofDays(29)), RULES);
        assertThat(ticket.status()).isEqualTo(TicketStatus.REOPENED);
        assertThat(ticket.reopenCount()).isEqualTo(1);
    }

    @Test
    void escalationIsAFlagWithItsOwnTimelineEntriesNotAState() {
        Ticket ticket = openRepair();

        ticket.escalate(EscalationTarget.MANUFACTURER, "agent:li", "compressor batch issue", T0);
        assertThat(ticket.escalatedTo()).isEqualTo(EscalationTarget.MANUFACTURER);
        assertThat(ticket.status()).isEqualTo(TicketStatus.OPEN);
        ticket.moveTo(TicketStatus.AWAITING_TECHNICIAN, "agent:li", "go on", T0);
        ticket.endEscalation("agent:zhang", "manufacturer sent parts", T0);

        assertThat(ticket.escalatedTo()).isNull();
        assertThat(ticket.newTimelineEntries()).extracting(TimelineEntry::kind)
                .contains(TimelineEntry.ESCALATED, TimelineEntry.ESCALATION_ENDED);
        assertThatThrownBy(() -> ticket.endEscalation("agent:zhang", "again", T0)).isInstanceOf(TicketRuleViolation.class);
    }

    @Test
    void closedWorkCannotBeEscalated() {
        Ticket ticket = openRepair();
        ticket.moveTo(TicketStatus.RESOLVED_REMOTELY, "agent:li", "fixed", T0);

        assertThatThrownBy(() -> ticket.escalate(EscalationTarget.SUPERVISOR, "agent:li", "x", T0))
                .isInstanceOf(TicketRuleViolation.class);
    }

    @Test
    void amendingRecordsWhatChangedAndNothingWhenNothingDid() {
        Ticket ticket = openRepair();

        assertThat(ticket.amend(Priority.URGENT, null, "E4", "不制冷，有焦味", "agent:zhao", T0))
                .containsExactly("priority", "faultCode", "faultDescription");
        assertThat(ticket.priority()).isEqualTo(Priority.URGENT);
        assertThat(ticket.faultCategory()).isEqualTo("COOLING");
        assertThat(ticket.newTimelineEntries()).last().satisfies(e -> {
            assertThat(e.kind()).isEqualTo(TimelineEntry.AMENDED);
            assertThat(e.reason()).contains("priority NORMAL → URGENT", "faultCode E1 → E4");
        });
        assertThat(ticket.amend(Priority.URGENT, "COOLING", null, null, "agent:zhao", T0)).isEmpty();
        assertThat(ticket.newTimelineEntries()).hasSize(2);
    }
}
