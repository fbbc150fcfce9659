package com.aftersales.dispatch.assignment;

import com.aftersales.dispatch.technician.Technician;

/**
 * A technician as the engine sees them for one job.
 *
 * @param openAssignments today's load: open jobs not yet scheduled plus appointments on their today
 * @param declinedThisJob they declined this job before
 */
public record Candidate(Technician technician, int openAssignments, boolean declinedThisJob) {
}
