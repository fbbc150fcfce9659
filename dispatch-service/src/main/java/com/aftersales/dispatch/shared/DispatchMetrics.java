package com.aftersales.dispatch.shared;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

import java.util.List;

/**
 * Every metric dispatch-service registers, in one place (docs/metrics.md describes each). Micrometer names with
 * dots; Prometheus shows them with underscores, counters with {@code _total}, timers in seconds. Tags are
 * low-cardinality enums only, never ids or free text; every series also carries {@code application}.
 */
public final class DispatchMetrics {

    /** Counter, tags priority, region. */
    public static final String JOBS_QUEUED = "aftersales.dispatch.jobs.queued";
    public static final String JOBS_CANCELLED = "aftersales.dispatch.jobs.cancelled";
    /** Gauge, tag status: jobs not closed or cancelled, by status. */
    public static final String JOBS_OPEN = "aftersales.dispatch.jobs.open";
    /** Gauge, tag status: technicians by status (AVAILABLE, ON_JOB, OFF_DUTY). */
    public static final String TECHNICIANS = "aftersales.dispatch.technicians";
    /** Gauge: open assigned work of technicians on duty over their daily visit capacity (0..1, may exceed 1). */
    public static final String TECHNICIAN_UTILISATION = "aftersales.dispatch.technician.utilisation";
    /** Timer, tags priority, region: job queued to technician assigned; SLO buckets and percentiles from configuration. */
    public static final String TIME_TO_ASSIGN = "aftersales.dispatch.time.to.assign";
    /** Timer, tags priority, region: job queued to technician on site. */
    public static final String TIME_TO_ON_SITE = "aftersales.dispatch.time.to.on.site";
    /** Counter, tag mode (AUTO, MANUAL, ...). */
    public static final String ASSIGNMENTS = "aftersales.dispatch.assignments";
    /** Counter, tag cause. */
    public static final String UNASSIGNMENTS = "aftersales.dispatch.unassignments";
    public static final String AUTO_ASSIGN_SKIPPED = "aftersales.dispatch.auto.assign.skipped";
    /** Timer: scoring every technician for one job. */
    public static final String PROPOSAL_DURATION = "aftersales.dispatch.proposal.duration";
    /** Timer: solving the day plan. */
    public static final String DAY_PLAN_SOLVE = "aftersales.dispatch.day.plan.solve";
    /** Counter, tags outcome, firstTimeFix: visits completed with a signed report. */
    public static final String VISITS_COMPLETED = "aftersales.dispatch.visits.completed";
    public static final String VISITS_RESCHEDULED = "aftersales.dispatch.visits.rescheduled";
    public static final String VISITS_NO_SHOW = "aftersales.dispatch.visits.no.show";
    /** Distribution summary, tag entitlement: cost of a completed visit. */
    public static final String VISIT_COST = "aftersales.dispatch.visit.cost";
    public static final String PARTS_CHECKOUTS_REFUSED = "aftersales.dispatch.parts.checkouts.refused";

    /** The ticket priorities (ticket-service's Priority), for zero-initialised series. */
    public static final List<String> PRIORITIES = List.of("LOW", "NORMAL", "HIGH", "URGENT");

    private DispatchMetrics() {
    }

    /** Buckets (SLO) and percentiles come from management.metrics.distribution.* in the platform defaults. */
    public static Timer timeToAssign(MeterRegistry meters, String priority, String regionCode) {
        return Timer.builder(TIME_TO_ASSIGN).description("From job queued to technician assigned")
                .tag("priority", priority(priority)).tag("region", region(regionCode)).register(meters);
    }

    public static Timer timeToOnSite(MeterRegistry meters, String priority, String regionCode) {
        return Timer.builder(TIME_TO_ON_SITE).description("From job queued to technician on site")
                .tag("priority", priority(priority)).tag("region", region(regionCode)).register(meters);
    }

    /**
     * The province of a GB/T 2260 region code ({@code 310104} -> {@code 310000}): a region tag with a few dozen
     * values rather than thousands of districts; {@code unknown} when absent or malformed.
     */
    public static String region(String regionCode) {
        if (regionCode == null || regionCode.length() < 2 || !Character.isDigit(regionCode.charAt(0))
                || !Character.isDigit(regionCode.charAt(1))) {
            return "unknown";
        }
        return regionCode.substring(0, 2) + "0000";
    }

    /** A priority tag: the ticket's priority, {@code unknown} when absent. */
    public static String priority(String priority) {
        return priority == null || priority.isBlank() ? "unknown" : priority;
    }
}
