package com.aftersales.feedback.complaint;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A complaint as the API shows it, with its SLA state and history. */
record ComplaintView(UUID id, UUID customerId, UUID ticketId, String channel, String aboutType, String aboutRef,
                     String severity, String description, String origin, UUID surveyId, String status, Instant openedAt,
                     Instant acknowledgeDueAt, Instant resolveDueAt, boolean acknowledgeOverdue, boolean resolveOverdue,
                     String customerRequest, String offer, BigDecimal compensation, String currency, String resolution,
                     long version, List<ComplaintRepository.StepView> steps) {

    static ComplaintView of(Complaint c, List<ComplaintRepository.StepView> steps, Instant now) {
        boolean acknowledged = c.status() != ComplaintStatus.OPEN;
        boolean finished = c.status() == ComplaintStatus.RESOLVED || c.status() == ComplaintStatus.CLOSED;
        return new ComplaintView(c.id(), c.customerId(), c.ticketId(), c.channel().name(), c.aboutType().name(), c.aboutRef(),
                c.severity().name(), c.description(), c.origin(), c.surveyId(), c.status().name(), c.openedAt(),
                c.acknowledgeDueAt(), c.resolveDueAt(), !acknowledged && now.isAfter(c.acknowledgeDueAt()),
                !finished && now.isAfter(c.resolveDueAt()), c.customerRequest(), c.offer(), c.compensation(), c.currency(),
                c.resolution(), c.version(), steps);
    }
}
