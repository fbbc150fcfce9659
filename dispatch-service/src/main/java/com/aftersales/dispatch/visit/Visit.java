package com.aftersales.dispatch.visit;

import com.aftersales.dispatch.shared.InvalidRequestException;
import com.aftersales.dispatch.shared.RuleViolationException;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/**
 * A technician's visit to the customer for a job, within an agreed appointment window.
 *
 * @param noShowInWindow a no-show was recorded for the current window (cleared by a reschedule)
 */
public record Visit(UUID id, UUID jobId, UUID ticketId, UUID technicianId, VisitStatus status, Instant windowStart,
                    Instant windowEnd, int noShows, int reschedules, Instant startedAt, Instant completedAt,
                    Boolean firstTimeFix, long version, boolean noShowInWindow) {

    public static final String RULE_LIFECYCLE = "visit-lifecycle";
    /** The customer can only be absent once the appointment has begun (plus the configured wait). */
    public static final String RULE_NO_SHOW_AFTER_WINDOW_START = "no-show-after-window-start";
    /** One no-show per appointment window: the next step is a new window, not another no-show. */
    public static final String RULE_NO_SHOW_ONCE = "no-show-once-per-window";

    /** A visit without a no-show in its window. */
    public Visit(UUID id, UUID jobId, UUID ticketId, UUID technicianId, VisitStatus status, Instant windowStart,
                 Instant windowEnd, int noShows, int reschedules, Instant startedAt, Instant completedAt,
                 Boolean firstTimeFix, long version) {
        this(id, jobId, ticketId, technicianId, status, windowStart, windowEnd, noShows, reschedules, startedAt, completedAt,
                firstTimeFix, version, false);
    }

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
                target == VisitStatus.ON_SITE ? now : startedAt, target.isFinal() ? now : completedAt, firstTimeFix, version,
                noShowInWindow);
    }

    public Visit rescheduled(Instant start, Instant end) {
        if (status != VisitStatus.SCHEDULED && status != VisitStatus.EN_ROUTE) {
            throw new RuleViolationException(RULE_LIFECYCLE, "a " + status + " visit cannot be rescheduled");
        }
        return new Visit(id, jobId, ticketId, technicianId, VisitStatus.SCHEDULED, start, end, noShows, reschedules + 1,
                startedAt, completedAt, firstTimeFix, version, false);
    }

    /**
     * The customer was not there: once per window, and not before the window has started plus {@code waitAfterStart}
     * (the time a technician waits for a late customer).
     */
    public Visit noShow(Instant now, Duration waitAfterStart) {
        if (status != VisitStatus.SCHEDULED && status != VisitStatus.EN_ROUTE) {
            throw new RuleViolationException(RULE_LIFECYCLE, "a no-show is recorded before the technician is on site");
        }
        if (noShowInWindow) {
            throw new RuleViolationException(RULE_NO_SHOW_ONCE, "a no-show is already recorded for the window "
                    + windowStart + " – " + windowEnd + "; reschedule the visit");
        }
        Instant from = windowStart.plus(waitAfterStart);
        if (now.isBefore(from)) {
            throw new RuleViolationException(RULE_NO_SHOW_AFTER_WINDOW_START, "a no-show can be recorded from " + from
                    + " (the window starts " + windowStart + ", then the technician waits " + waitAfterStart + ")");
        }
        return new Visit(id, jobId, ticketId, technicianId, VisitStatus.SCHEDULED, windowStart, windowEnd, noShows + 1,
                reschedules, startedAt, completedAt, firstTimeFix, version, true);
    }

    public Visit completed(VisitStatus outcome, boolean ftf, Instant now) {
        Visit moved = moveTo(outcome, now);
        return new Visit(id, jobId, ticketId, technicianId, moved.status(), windowStart, windowEnd, noShows, reschedules,
                startedAt, now, ftf, version, noShowInWindow);
    }
}
