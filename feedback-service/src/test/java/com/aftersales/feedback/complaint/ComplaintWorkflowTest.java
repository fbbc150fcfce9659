package com.aftersales.feedback.complaint;

import com.aftersales.domain.error.InvalidFieldException;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ComplaintWorkflowTest {

    static final Instant NOW = Instant.parse("2026-11-24T02:00:00Z");

    static Complaint complaint() {
        return Complaint.open(UUID.randomUUID(), null, ComplaintChannel.PHONE, AboutType.TECHNICIAN, "tech-7",
                Severity.HIGH, "late and rude", ComplaintService.ORIGIN_CUSTOMER, null, NOW, NOW.plusSeconds(3600),
                NOW.plusSeconds(36000));
    }

    static ComplaintStep to(ComplaintStatus status) {
        return new ComplaintStep(status, "agent-1", null, null, null, null, null, null, null, null, null);
    }

    @Test
    void followsTheBriefsHandlingProcess() {
        Complaint c = complaint();
        c.apply(to(ComplaintStatus.ACKNOWLEDGED), NOW);
        c.apply(new ComplaintStep(ComplaintStatus.INVESTIGATING, "agent-1", null, "arrived 3 h late", null, null, null, null,
                null, null, null), NOW);
        c.apply(new ComplaintStep(ComplaintStatus.PROPOSED, "agent-1", null, null, "apology and refund of the call-out fee",
                "refund the fee", new BigDecimal("50.00"), "CNY", null, null, null), NOW);
        c.apply(new ComplaintStep(ComplaintStatus.RESOLVED, "agent-1", null, null, null, null, null, null, "fee refunded",
                null, null), NOW);
        c.apply(new ComplaintStep(ComplaintStatus.CLOSED, "agent-1", null, null, null, null, null, null, null, null, true), NOW);
        assertThat(c.status()).isEqualTo(ComplaintStatus.CLOSED);
        assertThat(c.compensation()).isEqualByComparingTo("50.00");
    }

    @Test
    void refusesStepsTheWorkflowDoesNotAllow() {
        Complaint c = complaint();
        assertThatThrownBy(() -> c.apply(to(ComplaintStatus.RESOLVED), NOW))
                .isInstanceOfSatisfying(IllegalComplaintTransitionException.class,
                        e -> assertThat(e.allowed()).containsExactlyInAnyOrder(ComplaintStatus.ACKNOWLEDGED, ComplaintStatus.ESCALATED));
        assertThat(c.status()).isEqualTo(ComplaintStatus.OPEN);
    }

    @Test
    void eachStepNeedsItsFacts() {
        Complaint c = complaint();
        c.apply(to(ComplaintStatus.ACKNOWLEDGED), NOW);
        assertThatThrownBy(() -> c.apply(to(ComplaintStatus.INVESTIGATING), NOW))
                .isInstanceOfSatisfying(InvalidFieldException.class, e -> assertThat(e.field()).isEqualTo("facts"));
        assertThatThrownBy(() -> c.apply(to(ComplaintStatus.ESCALATED), NOW))
                .isInstanceOfSatisfying(InvalidFieldException.class, e -> assertThat(e.field()).isEqualTo("reason"));
    }

    @Test
    void closesOnlyWithTheCustomersAcceptance() {
        Complaint c = complaint();
        c.apply(new ComplaintStep(ComplaintStatus.ESCALATED, "agent-1", null, null, null, null, null, null, null,
                "customer asks for the manager", null), NOW);
        assertThatThrownBy(() -> c.apply(new ComplaintStep(ComplaintStatus.CLOSED, "manager", null, null, null, null, null,
                null, null, null, false), NOW))
                .isInstanceOfSatisfying(InvalidFieldException.class, e -> assertThat(e.field()).isEqualTo("customerAccepted"));
    }

    @Test
    void staffAttitudeComplaintsNameThePerson() {
        assertThatThrownBy(() -> Complaint.open(UUID.randomUUID(), null, ComplaintChannel.STORE, AboutType.STAFF_ATTITUDE,
                " ", Severity.LOW, "rude", ComplaintService.ORIGIN_CUSTOMER, null, NOW, NOW, NOW))
                .isInstanceOfSatisfying(InvalidFieldException.class, e -> assertThat(e.field()).isEqualTo("aboutRef"));
    }
}
