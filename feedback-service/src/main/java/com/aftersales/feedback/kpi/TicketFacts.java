package com.aftersales.feedback.kpi;

import java.time.Instant;
import java.util.UUID;

/** What the events have said about one ticket so far; any field may still be unknown (null). */
final class TicketFacts {

    final UUID ticketId;
    Instant openedAt;
    String ticketType;
    String model;
    String regionCode;
    UUID productId;
    String storeCode;
    String technicianId;
    Instant technicianAt;
    String team;
    Instant firstResponseAt;
    Instant assignedAt;
    Instant onSiteAt;
    Instant resolvedAt;
    Instant onSiteDueAt;
    Instant onSiteTargetAt;
    Instant resolutionDueAt;
    boolean onSiteBreached;
    boolean onSiteTargetBreached;
    boolean resolutionBreached;
    Boolean firstTimeFix;
    Long costMinor;
    Integer csat;
    Integer nps;
    int complaints;
    boolean repeatedWithinWindow;

    TicketFacts(UUID ticketId) {
        this.ticketId = ticketId;
    }

    TicketFacts copy() {
        TicketFacts c = new TicketFacts(ticketId);
        c.openedAt = openedAt;
        c.ticketType = ticketType;
        c.model = model;
        c.regionCode = regionCode;
        c.productId = productId;
        c.storeCode = storeCode;
        c.technicianId = technicianId;
        c.technicianAt = technicianAt;
        c.team = team;
        c.firstResponseAt = firstResponseAt;
        c.assignedAt = assignedAt;
        c.onSiteAt = onSiteAt;
        c.resolvedAt = resolvedAt;
        c.onSiteDueAt = onSiteDueAt;
        c.onSiteTargetAt = onSiteTargetAt;
        c.resolutionDueAt = resolutionDueAt;
        c.onSiteBreached = onSiteBreached;
        c.onSiteTargetBreached = onSiteTargetBreached;
        c.resolutionBreached = resolutionBreached;
        c.firstTimeFix = firstTimeFix;
        c.costMinor = costMinor;
        c.csat = csat;
        c.nps = nps;
        c.complaints = complaints;
        c.repeatedWithinWindow = repeatedWithinWindow;
        return c;
    }

    /** The technician of the latest assignment or visit, whatever order the events arrive in. */
    void technician(String id, Instant at) {
        if (id != null && at != null && (technicianAt == null || !at.isBefore(technicianAt))) {
            if (technicianAt != null && at.equals(technicianAt) && technicianId != null && technicianId.compareTo(id) > 0) {
                return;
            }
            technicianId = id;
            technicianAt = at;
        }
    }

    /** Keeps the earliest of two instants: "first" facts must not move when a later duplicate arrives. */
    static Instant earliest(Instant current, Instant candidate) {
        if (candidate == null) {
            return current;
        }
        return current == null || candidate.isBefore(current) ? candidate : current;
    }
}
