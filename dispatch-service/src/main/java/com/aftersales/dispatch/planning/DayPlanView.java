package com.aftersales.dispatch.planning;

import java.time.Instant;
import java.util.List;

/**
 * A solved day plan as the API shows it.
 *
 * @param score       Timefold's score: hard (must be 0), medium (visits placed), soft (lateness and travel)
 * @param incremental re-planned from the previous plan rather than from scratch
 * @param stale       jobs became assignable or technicians went off duty since it was solved
 */
public record DayPlanView(String score, boolean feasible, List<Route> routes, List<String> unassignedJobIds,
                          long solvedInMillis, boolean incremental, Instant solvedAt, boolean stale) {

    DayPlanView markedStale() {
        return new DayPlanView(score, feasible, routes, unassignedJobIds, solvedInMillis, incremental, solvedAt, true);
    }
}
