package com.aftersales.feedback.kpi;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.EnumMap;
import java.util.Map;

/**
 * A ticket's contribution to {@code kpi_daily}: a pure function of its facts. KPIs are by ticket cohort:
 * everything about a ticket counts on the day (in the configured zone) it was opened, under its technician,
 * team, store, model and region, so that a month's figures describe the tickets opened that month.
 * A ticket whose TicketOpened has not been seen yet contributes nothing.
 */
final class KpiContribution {

    static final String REPAIR = "REPAIR";
    /** NPS promoters answer 9–10, detractors 0–6 (the standard NPS bands). */
    static final int NPS_PROMOTER_FROM = 9;
    static final int NPS_DETRACTOR_TO = 6;

    private KpiContribution() {
    }

    /** The day the ticket counts on, or null if it has none yet. */
    static LocalDate day(TicketFacts f, ZoneId zone) {
        return f.openedAt == null ? null : LocalDate.ofInstant(f.openedAt, zone);
    }

    static Measures measures(TicketFacts f) {
        Measures m = new Measures();
        if (f.openedAt == null) {
            return m;
        }
        m.add(Measure.TICKETS, 1);
        if (f.firstResponseAt != null) {
            m.count(Measure.FIRST_RESPONSE_N, Measure.FIRST_RESPONSE_S, seconds(f.openedAt, f.firstResponseAt));
        }
        if (f.assignedAt != null) {
            m.count(Measure.ASSIGN_N, Measure.ASSIGN_S, seconds(f.openedAt, f.assignedAt));
        }
        if (f.onSiteAt != null) {
            m.count(Measure.ON_SITE_N, Measure.ON_SITE_S, seconds(f.openedAt, f.onSiteAt));
        }
        // A clock counts once it is decided: reached (met if by its due time) or reported breached by ticket-service,
        // which also covers tickets never visited. A breach report wins over a timestamp that says otherwise.
        clock(m, Measure.SLA_ON_SITE_N, Measure.SLA_ON_SITE_MET, f.onSiteAt, f.onSiteDueAt, f.onSiteBreached);
        clock(m, Measure.BEAT_PROMISE_N, Measure.BEAT_PROMISE_YES, f.onSiteAt, f.onSiteTargetAt, f.onSiteTargetBreached);
        clock(m, Measure.SLA_RESOLVE_N, Measure.SLA_RESOLVE_MET, f.resolvedAt, f.resolutionDueAt, f.resolutionBreached);
        if (f.resolvedAt != null) {
            m.count(Measure.RESOLVE_N, Measure.RESOLVE_S, seconds(f.openedAt, f.resolvedAt));
            if (REPAIR.equals(f.ticketType)) {
                m.count(Measure.REPEAT_N, Measure.REPEAT_YES, f.repeatedWithinWindow ? 1 : 0);
            }
        }
        if (f.firstTimeFix != null) {
            m.count(Measure.FTF_N, Measure.FTF_YES, f.firstTimeFix ? 1 : 0);
        }
        if (f.csat != null) {
            m.count(Measure.CSAT_N, Measure.CSAT_SUM, f.csat);
        }
        if (f.nps != null) {
            m.add(Measure.NPS_N, 1)
                    .add(Measure.NPS_PROMOTERS, f.nps >= NPS_PROMOTER_FROM ? 1 : 0)
                    .add(Measure.NPS_DETRACTORS, f.nps <= NPS_DETRACTOR_TO ? 1 : 0);
        }
        m.add(Measure.COMPLAINTS, f.complaints);
        if (f.costMinor != null) {
            m.count(Measure.COST_N, Measure.COST_MINOR, f.costMinor);
        }
        m.add(Measure.REVENUE_MINOR, f.revenueMinor).add(Measure.LABOUR_S, f.labourS).add(Measure.VISITS, f.visits);
        return m;
    }

    private static void clock(Measures m, Measure n, Measure met, Instant reachedAt, Instant dueAt, boolean breached) {
        if (breached) {
            m.count(n, met, 0);
        } else if (reachedAt != null && dueAt != null) {
            m.count(n, met, reachedAt.isAfter(dueAt) ? 0 : 1);
        }
    }

    /** The dimension values the ticket counts under; unknown values are left out (never bucketed as "null"). */
    static Map<Dimension, String> dimensions(TicketFacts f) {
        Map<Dimension, String> dims = new EnumMap<>(Dimension.class);
        dims.put(Dimension.ALL, Dimension.ALL_VALUE);
        putIfKnown(dims, Dimension.TECHNICIAN, f.technicianId);
        putIfKnown(dims, Dimension.TEAM, f.team);
        putIfKnown(dims, Dimension.STORE, f.storeCode);
        putIfKnown(dims, Dimension.MODEL, f.model);
        putIfKnown(dims, Dimension.REGION, f.regionCode);
        return dims;
    }

    private static void putIfKnown(Map<Dimension, String> dims, Dimension d, String value) {
        if (value != null && !value.isBlank()) {
            dims.put(d, value);
        }
    }

    private static long seconds(Instant from, Instant to) {
        return Math.max(0, Duration.between(from, to).toSeconds());
    }
}
