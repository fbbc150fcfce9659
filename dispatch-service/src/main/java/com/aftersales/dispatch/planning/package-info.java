/**
 * The day plan: Timefold Solver sequences each technician's visits for the day with time windows,
 * travel time (haversine × road factor) and SLA lateness penalties. Hard constraints (required
 * skill, daily capacity, finishing within the shift) are never traded for anything; a visit that
 * cannot be placed without breaking one stays unassigned. Re-planning starts from the previous
 * plan, so new, cancelled and orphaned visits are repaired incrementally instead of from scratch.
 * Immediate assignment never waits for this: the assignment engine answers on its own.
 */
package com.aftersales.dispatch.planning;
