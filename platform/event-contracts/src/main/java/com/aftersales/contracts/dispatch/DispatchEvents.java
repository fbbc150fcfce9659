package com.aftersales.contracts.dispatch;

import com.aftersales.contracts.EventType;
import com.aftersales.contracts.Topics;

import java.util.List;

/** Event types dispatch-service publishes, all on {@link Topics#DISPATCH}, keyed by ticket id. */
public final class DispatchEvents {

    public static final EventType<DispatchJobQueued> DISPATCH_JOB_QUEUED =
            new EventType<>("aftersales.dispatch.job-queued.v1", Topics.DISPATCH, DispatchJobQueued.class);

    public static final List<EventType<?>> ALL = List.of(DISPATCH_JOB_QUEUED);

    private DispatchEvents() {
    }
}
