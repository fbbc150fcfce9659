package com.aftersales.feedback.kpi;

import java.time.Instant;
import java.util.Objects;
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
    /** Over the ticket's visits (latest signed report of each): charged to the customer, labour, number of visits. */
    long revenueMinor;
    long labourS;
    int visits;
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
        c.revenueMinor = revenueMinor;
        c.labourS = labourS;
        c.visits = visits;
        c.csat = csat;
        c.nps = nps;
        c.complaints = complaints;
        c.repeatedWithinWindow = repeatedWithinWindow;
        return c;
    }

    /** Same facts: a unit of work that ends where it began writes nothing. */
    @Override
    public boolean equals(Object other) {
        if (!(other instanceof TicketFacts o)) {
            return false;
        }
        return Objects.equals(ticketId, o.ticketId) && Objects.equals(openedAt, o.openedAt) &&
                Objects.equals(ticketType, o.ticketType) && Objects.equals(model, o.model) &&
                Objects.equals(regionCode, o.regionCode) && Objects.equals(productId, o.productId) &&
                Objects.equals(storeCode, o.storeCode) && Objects.equals(technicianId, o.technicianId) &&
                Objects.equals(technicianAt, o.technicianAt) && Objects.equals(team, o.team) &&
                Objects.equals(firstResponseAt, o.firstResponseAt) && Objects.equals(assignedAt, o.assignedAt) &&
                Objects.equals(onSiteAt, o.onSiteAt) && Objects.equals(resolvedAt, o.resolvedAt) &&
                Objects.equals(onSiteDueAt, o.onSiteDueAt) && Objects.equals(onSiteTargetAt, o.onSiteTargetAt) &&
                Objects.equals(resolutionDueAt, o.resolutionDueAt) &&
                Objects.equals(onSiteBreached, o.onSiteBreached) &&
                Objects.equals(onSiteTargetBreached, o.onSiteTargetBreached) &&
                Objects.equals(resolutionBreached, o.resolutionBreached) &&
                Objects.equals(firstTimeFix, o.firstTimeFix) && Objects.equals(costMinor, o.costMinor) &&
                revenueMinor == o.revenueMinor && labourS == o.labourS && visits == o.visits &&
                Objects.equals(csat, o.csat) && Objects.equals(nps, o.nps) &&
                Objects.equals(complaints, o.complaints) &&
                Objects.equals(repeatedWithinWindow, o.repeatedWithinWindow);
    }

    @Override
    public int hashCode() {
        return Objects.hash(ticketId, openedAt, ticketType, model, regionCode, productId, storeCode, technicianId,
                technicianAt, team, firstResponseAt, assignedAt, onSiteAt, resolvedAt, onSiteDueAt, onSiteTargetAt,
                resolutionDueAt, onSiteBreached, onSiteTargetBreached, resolutionBreached, firstTimeFix, costMinor,
                revenueMinor, labourS, visits, csat, nps, complaints, repeatedWithinWindow);
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
