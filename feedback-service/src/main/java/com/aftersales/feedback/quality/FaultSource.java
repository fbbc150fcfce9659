package com.aftersales.feedback.quality;

/**
 * Where a failure record comes from, in rising authority: the agent's fault code at intake is a
 * customer's description, a depot request carries the technician's diagnosis, a completed visit its
 * signed service report.
 */
enum FaultSource {
    TICKET_INTAKE(1), DEPOT(2), VISIT(3);

    final int rank;

    FaultSource(int rank) {
        this.rank = rank;
    }
}
