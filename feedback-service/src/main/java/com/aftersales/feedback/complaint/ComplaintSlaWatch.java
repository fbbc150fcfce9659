package com.aftersales.feedback.complaint;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.UUID;

/** Runs the CP-SLA-BREACH rule on a schedule ({@code aftersales.feedback.complaints.sla-check-interval}). */
@Component
class ComplaintSlaWatch {

    private static final Logger log = LoggerFactory.getLogger(ComplaintSlaWatch.class);

    private final ComplaintService complaints;
    private final ComplaintProperties properties;

    ComplaintSlaWatch(ComplaintService complaints, ComplaintProperties properties) {
        this.complaints = complaints;
        this.properties = properties;
    }

    @Scheduled(initialDelayString = "${aftersales.feedback.complaints.sla-check-interval}",
            fixedDelayString = "${aftersales.feedback.complaints.sla-check-interval}")
    void check() {
        List<UUID> escalated = complaints.escalateOverdue(properties.slaCheckBatch());
        if (!escalated.isEmpty()) {
            log.info("CP-SLA-BREACH escalated {} overdue complaints", escalated.size());
        }
    }
}
