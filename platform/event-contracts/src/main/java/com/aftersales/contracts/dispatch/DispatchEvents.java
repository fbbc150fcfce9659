package com.aftersales.contracts.dispatch;

import com.aftersales.contracts.EventType;
import com.aftersales.contracts.Topics;

import java.util.List;

/** Event types dispatch-service publishes, all on {@link Topics#DISPATCH}, keyed by ticket id. */
public final class DispatchEvents {

    public static final EventType<DispatchJobQueued> DISPATCH_JOB_QUEUED =
            new EventType<>("aftersales.dispatch.job-queued.v1", Topics.DISPATCH, DispatchJobQueued.class);
    public static final EventType<TechnicianAssigned> TECHNICIAN_ASSIGNED =
            new EventType<>("aftersales.dispatch.technician-assigned.v1", Topics.DISPATCH, TechnicianAssigned.class);
    public static final EventType<TechnicianUnassigned> TECHNICIAN_UNASSIGNED =
            new EventType<>("aftersales.dispatch.technician-unassigned.v1", Topics.DISPATCH, TechnicianUnassigned.class);
    public static final EventType<VisitScheduled> VISIT_SCHEDULED =
            new EventType<>("aftersales.dispatch.visit-scheduled.v1", Topics.DISPATCH, VisitScheduled.class);
    public static final EventType<VisitStarted> VISIT_STARTED =
            new EventType<>("aftersales.dispatch.visit-started.v1", Topics.DISPATCH, VisitStarted.class);
    public static final EventType<VisitCompleted> VISIT_COMPLETED =
            new EventType<>("aftersales.dispatch.visit-completed.v1", Topics.DISPATCH, VisitCompleted.class);
    public static final EventType<PartsConsumed> PARTS_CONSUMED =
            new EventType<>("aftersales.dispatch.parts-consumed.v1", Topics.DISPATCH, PartsConsumed.class);
    public static final EventType<DepotRepairRequested> DEPOT_REPAIR_REQUESTED =
            new EventType<>("aftersales.dispatch.depot-repair-requested.v1", Topics.DISPATCH, DepotRepairRequested.class);

    public static final List<EventType<?>> ALL = List.of(DISPATCH_JOB_QUEUED, TECHNICIAN_ASSIGNED, TECHNICIAN_UNASSIGNED,
            VISIT_SCHEDULED, VISIT_STARTED, VISIT_COMPLETED, PARTS_CONSUMED, DEPOT_REPAIR_REQUESTED);

    private DispatchEvents() {
    }
}
