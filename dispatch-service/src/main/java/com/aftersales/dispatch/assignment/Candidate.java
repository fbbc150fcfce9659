package com.aftersales.dispatch.assignment;

import com.aftersales.dispatch.technician.Technician;

/**
 * A technician as the engine sees them for one job.
 *
 * @param openAssignments jobs assigned to them and not finished: today's load
 * @param declinedThisJob they declined this job before
 */
public record Candidate(Technician technician, int openAssignments, boolean declinedThisJob) {
}
