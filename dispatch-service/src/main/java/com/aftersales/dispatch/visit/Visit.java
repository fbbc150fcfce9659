package com.aftersales.dispatch.visit;

import com.aftersales.dispatch.shared.InvalidRequestException;
import com.aftersales.dispatch.shared.RuleViolationException;

import java.time.Instant;
import java.util.UUID;

/** A technician's visit to the customer for a job, within an agreed appointment window. */
public record Visit(UUID id, UUID jobId, UUID ticketId, UUID technicianId, VisitStatus status, Instant windowStart,
                    Instant windowEnd, int noShows, int reschedules, Instant startedAt, Instant completedAt,
                    Boolean firstTimeFix, long version) {

    public static final String RULE_LIFECYCLE = "visit-lifecycle";

    /** A window must end after it starts and must not have ended already. */
    public static void requireValidWindow(Instant start, Instant end, Instant now) {
        if (!end.isAfter(start)) {
            throw new InvalidRequestException("windowEnd", "the appointment window must end after it starts");
        }
        if (!end.isAfter(now)) {
            throw new InvalidRequestException("windowEnd", "the appointment window is in the past");
        }
    }

    public Visit moveTo(VisitStatus target, Instant now) {
        if (!status.next().contains(target)) {
            throw new RuleViolationException(RULE_LIFECYCLE, "a " + status + " visit cannot become " + target
                    + "; allowed: " + status.next().stream().map(Enum::name).sorted().toList());
        }
        return new Visit(id, jobId, ticketId, technicianId, target, windowStart, windowEnd, noShows, reschedules,
                target == VisitStatus.ON_SITE ? now : startedAt, target.isFinal() ? now : completedAt, firstTimeFix, version);
    }

    public Visit rescheduled(Instant start, Instant end) {
        if (status != VisitStatus.SCHEDULED && status != VisitStatus.EN_ROUTE) {
            throw new RuleViolationException(RULE_LIFECYCLE, "a " + status + " visit cannot be rescheduled");
        }
        return new Visit(id, jobId, ticketId, technicianId, VisitStatus.SCHEDULED, start, end, noShows, reschedules + 1,
                startedAt, completedAt, firstTimeFix, version);
    }

    public Visit noShow() {
        if (status != VisitStatus.SCHEDULED && status != VisitStatus.EN_ROUTE) {
            throw new RuleViolationException(RULE_LIFECYCLE, "a no-show is recorded before the technician is on site");
        }
        return new Visit(id, jobId, ticketId, technicianId, VisitStatus.SCHEDULED, windowStart, windowEnd, noShows + 1,
                reschedules, startedAt, completedAt, firstTimeFix, version);
    }

    public Visit completed(VisitStatus outcome, boolean ftf, Instant now) {
        Visit moved = moveTo(outcome, now);
        return new Visit(id, jobId, ticketId, technicianId, moved.status(), windowStart, windowEnd, noShows, reschedules,
                startedAt, now, ftf, version);
    }
}
