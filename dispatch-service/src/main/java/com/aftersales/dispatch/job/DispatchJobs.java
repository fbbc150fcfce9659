package com.aftersales.dispatch.job;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The dispatch jobs as the other dispatch features (assignment, visits, day plan) read and lock them: the feature's
 * interface to the other features of the service; the SQL behind it ({@code DispatchJobRepository}) is package-
 * private (checked by the service's ArchitectureTest).
 */
public interface DispatchJobs {

    /**
     * A technician's open work: a job assigned or in progress, with the start of its open visit's
     * appointment window when one is agreed (null when not yet scheduled).
     */
    record OpenWork(UUID technicianId, Instant appointmentStart) {
    }

    /** One line of a job's assignment history. */
    record AssignmentLogEntry(UUID technicianId, String action, String kind, String actor, String reason,
            Double score, String explanation, Instant occurredAt) {
    }

    /** Saves status and assignment; fails if someone else saved the job since it was read. */
    void update(DispatchJob job);

    /** Saves the ticket facts an amendment changed; fails if someone else saved the job since it was read. */
    void updateTicketFacts(DispatchJob job);

    Optional<DispatchJob> find(UUID id);

    /** Reads a job and locks its row until the transaction ends, so that concurrent assignments serialise. */
    Optional<DispatchJob> findForUpdate(UUID id);

    Optional<DispatchJob> findByTicket(UUID ticketId);

    /**
     * Oldest first (queued, then id), after the keyset position ({@code afterQueuedAt}, {@code afterId}) when it is not
     * null; {@code technicianId} null = every technician's (the scope is applied before the limit).
     */
    List<DispatchJob> byStatus(DispatchJobStatus status, UUID technicianId, Instant afterQueuedAt, UUID afterId,
                               int limit);

    /** The first {@code limit} jobs in a status, oldest first. */
    default List<DispatchJob> byStatus(DispatchJobStatus status, UUID technicianId, int limit) {
        return byStatus(status, technicianId, null, null, limit);
    }

    List<DispatchJob> assignedTo(UUID technicianId, DispatchJobStatus status);

    /** Open work of every technician, or of one when {@code technicianId} is not null. */
    List<OpenWork> openWork(UUID technicianId);

    List<UUID> techniciansWhoDeclined(UUID jobId);

    void log(UUID jobId, UUID technicianId, String action, String kind, String actor, String reason, Double score,
            String explanation, Instant at);

    List<AssignmentLogEntry> history(UUID jobId);
}
