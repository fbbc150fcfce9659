package com.aftersales.dispatch.job;

import com.aftersales.dispatch.shared.GeoPoint;

import java.time.Instant;
import java.util.UUID;

/**
 * A ticket's need for a technician visit, from queueing to the end of the work.
 *
 * @param reason                 the rule that queued the job
 * @param holdReason             the rule holding the job back from assignment, or null
 * @param autoAssignBlocked      why the engine may propose but not assign on its own (e.g. no location), or null
 * @param location               the service address; null when the ticket did not carry one
 * @param entitlement            IN_WARRANTY, OUT_OF_WARRANTY or UNKNOWN (null: not decided by the ticket service)
 * @param assignmentExplanation  the rule and score components behind the current assignment
 */
public record DispatchJob(UUID id, UUID ticketId, UUID customerId, String serialNumber, UUID productId, String model,
                          String batchNumber, String productCategory, String faultCategory, String faultCode, String faultDescription,
                          String ticketPriority, String customerTier, String regionCode, GeoPoint location,
                          String entitlement, Instant onSiteDueAt, Instant onSiteTargetAt,
                          DispatchJobStatus status, String reason, String holdReason, String autoAssignBlocked,
                          UUID technicianId, Instant assignedAt, String assignmentExplanation, Instant queuedAt,
                          long version) {

    public boolean isOutOfWarranty() {
        return "OUT_OF_WARRANTY".equals(entitlement);
    }

    public DispatchJob withStatus(DispatchJobStatus newStatus) {
        return new DispatchJob(id, ticketId, customerId, serialNumber, productId, model, batchNumber, productCategory, faultCategory,
                faultCode, faultDescription, ticketPriority, customerTier, regionCode, location, entitlement, onSiteDueAt,
                onSiteTargetAt, newStatus, reason, newStatus == DispatchJobStatus.HELD ? holdReason : null,
                autoAssignBlocked, technicianId, assignedAt, assignmentExplanation, queuedAt, version);
    }

    /** The ticket was amended: priority, fault and the on-site promise as the ticket now states them. */
    public DispatchJob amended(String priority, String newFaultCategory, String newFaultCode, String newFaultDescription,
                               Instant newOnSiteDueAt, Instant newOnSiteTargetAt) {
        return new DispatchJob(id, ticketId, customerId, serialNumber, productId, model, batchNumber, productCategory,
                newFaultCategory, newFaultCode, newFaultDescription, priority, customerTier, regionCode, location, entitlement,
                newOnSiteDueAt, newOnSiteTargetAt, status, reason, holdReason, autoAssignBlocked, technicianId, assignedAt,
                assignmentExplanation, queuedAt, version);
    }

    public boolean isOpen() {
        return status != DispatchJobStatus.CLOSED && status != DispatchJobStatus.CANCELLED;
    }

    public DispatchJob assignedTo(UUID technician, Instant at, String explanation) {
        return new DispatchJob(id, ticketId, customerId, serialNumber, productId, model, batchNumber, productCategory, faultCategory,
                faultCode, faultDescription, ticketPriority, customerTier, regionCode, location, entitlement, onSiteDueAt,
                onSiteTargetAt, DispatchJobStatus.ASSIGNED, reason, null, autoAssignBlocked, technician, at, explanation,
                queuedAt, version);
    }

    public DispatchJob unassigned() {
        return new DispatchJob(id, ticketId, customerId, serialNumber, productId, model, batchNumber, productCategory, faultCategory,
                faultCode, faultDescription, ticketPriority, customerTier, regionCode, location, entitlement, onSiteDueAt,
                onSiteTargetAt, DispatchJobStatus.AWAITING_ASSIGNMENT, reason, null, autoAssignBlocked, null, null, null,
                queuedAt, version);
    }
}
