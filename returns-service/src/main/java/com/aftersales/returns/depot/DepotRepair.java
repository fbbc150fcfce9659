package com.aftersales.returns.depot;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/** A depot repair order and its progress; plain Java. */
public final class DepotRepair {

    /** One reported status, kept in the order's history. */
    public record Step(DepotRepairStatus status, String note, String reportedBy, Instant at) {
    }

    private final UUID id;
    private final String depotCode;
    private final UUID returnId;
    private final UUID ticketId;
    private final UUID requestId;
    private final String serialNumber;
    private final String model;
    private final String category;
    private final String faultDescription;
    private final LocalDate promisedBy;
    private final Instant createdAt;
    private final long version;
    private final List<Step> history;
    private DepotRepairStatus status;
    private boolean atRiskRaised;
    private Instant updatedAt;

    public DepotRepair(UUID id, String depotCode, UUID returnId, UUID ticketId, UUID requestId, String serialNumber, String model,
                       String category, String faultDescription, LocalDate promisedBy, DepotRepairStatus status,
                       boolean atRiskRaised, List<Step> history, Instant createdAt, Instant updatedAt, long version) {
        this.id = Objects.requireNonNull(id);
        this.depotCode = Objects.requireNonNull(depotCode);
        this.returnId = returnId;
        this.ticketId = ticketId;
        this.requestId = requestId;
        this.serialNumber = serialNumber;
        this.model = model;
        this.category = category;
        this.faultDescription = faultDescription;
        this.promisedBy = promisedBy;
        this.status = status;
        this.atRiskRaised = atRiskRaised;
        this.history = new ArrayList<>(history);
        this.createdAt = createdAt;
        this.updatedAt = updatedAt;
        this.version = version;
    }

    /** A new order routed to {@code depot}, promised within its turnaround from {@code today} at the depot. */
    public static DepotRepair route(UUID id, Depot depot, UUID returnId, UUID ticketId, UUID requestId, String serialNumber,
                                    String model, String category, String faultDescription, LocalDate today, Instant now) {
        return new DepotRepair(id, depot.code(), returnId, ticketId, requestId, serialNumber, model, category, faultDescription,
                today.plusDays(depot.turnaroundDays()), DepotRepairStatus.ROUTED, false,
                List.of(new Step(DepotRepairStatus.ROUTED, "routed to " + depot.code(), "system:returns-service", now)), now, now, 0);
    }

    /** The depot reports progress; only its own orders, only in order. */
    public void report(String actingDepot, DepotRepairStatus next, String note, Instant now) {
        if (!depotCode.equals(actingDepot)) {
            throw new DepotAccessDeniedException(actingDepot, depotCode);
        }
        if (!status.canMoveTo(next)) {
            throw new IllegalDepotRepairTransitionException(status, next);
        }
        status = next;
        history.add(new Step(next, note, "depot:" + actingDepot, now));
        updatedAt = now;
    }

    /**
     * Named rule PROMISE_AT_RISK: not repaired yet and fewer days left before the promise than the work that
     * usually remains from the current status. Raised once per order.
     */
    public boolean promiseAtRisk(LocalDate today, Map<DepotRepairStatus, Integer> remainingDaysByStatus) {
        if (atRiskRaised || status.isRepaired()) {
            return false;
        }
        return daysLeft(today) < remainingDaysByStatus.getOrDefault(status, 0);
    }

    public long daysLeft(LocalDate today) {
        return ChronoUnit.DAYS.between(today, promisedBy);
    }

    public void atRiskRaised(Instant now) {
        atRiskRaised = true;
        updatedAt = now;
    }

    /** The key of its events: the return it serves, or the ticket it came from. */
    public String eventKey() {
        return returnId != null ? returnId.toString() : ticketId != null ? ticketId.toString() : id.toString();
    }

    public UUID id() { return id; }
    public String depotCode() { return depotCode; }
    public UUID returnId() { return returnId; }
    public UUID ticketId() { return ticketId; }
    public UUID requestId() { return requestId; }
    public String serialNumber() { return serialNumber; }
    public String model() { return model; }
    public String category() { return category; }
    public String faultDescription() { return faultDescription; }
    public LocalDate promisedBy() { return promisedBy; }
    public DepotRepairStatus status() { return status; }
    public boolean atRiskRaisedAlready() { return atRiskRaised; }
    public List<Step> history() { return List.copyOf(history); }
    public Instant createdAt() { return createdAt; }
    public Instant updatedAt() { return updatedAt; }
    public long version() { return version; }
}
