package com.aftersales.dispatch.technician;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The technicians as the other dispatch features (assignment, visits, parts, day plan) read and lock them: the
 * feature's interface to the other features of the service; the SQL behind it ({@code TechnicianRepository}) is
 * package-private (checked by the service's ArchitectureTest).
 */
public interface Technicians {

    /** The partner depot the technician belongs to; empty for in-house staff (and unknown ids). */
    Optional<String> partnerDepotOf(UUID id);

    Optional<Technician> find(UUID id);

    /** Everyone not off duty: the candidates of an assignment. */
    List<Technician> onDuty();

    /** By name, then id, after the keyset position ({@code afterName}, {@code afterId}) when it is not null. */
    List<Technician> page(String afterName, UUID afterId, int limit);

    /** Serialises assignments to one technician until the transaction ends, so that capacity checks hold. */
    void lockForAssignment(UUID id);

    long countByStatus(TechnicianStatus status);

    /** Counts one completed visit on a fault category; {@code firstTimeFix} when it fixed the fault on the first visit. */
    void recordFix(UUID technicianId, String faultCategory, boolean firstTimeFix);
}
