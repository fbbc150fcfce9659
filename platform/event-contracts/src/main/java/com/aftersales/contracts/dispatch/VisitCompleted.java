package com.aftersales.contracts.dispatch;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A visit ended with a signed service report (服务单). Keyed by {@code ticketId}.
 *
 * @param outcome        COMPLETED, NEEDS_FOLLOW_UP or UNIT_TAKEN_TO_DEPOT
 * @param reportVersion  the signed version of the report this summary is taken from
 * @param firstTimeFix   fixed on the first visit of the ticket
 * @param entitlement    IN_WARRANTY, OUT_OF_WARRANTY or UNKNOWN
 * @param cost           what the work cost the company (labour at the rate table + parts at cost)
 * @param charged        what the customer is charged (zero in warranty)
 */
public record VisitCompleted(
        UUID visitId,
        UUID jobId,
        UUID ticketId,
        UUID technicianId,
        String outcome,
        UUID reportId,
        int reportVersion,
        String cause,
        String fix,
        String faultCategory,
        String faultCode,
        String fixCode,
        boolean firstTimeFix,
        int labourMinutes,
        List<PartLine> parts,
        String entitlement,
        BigDecimal cost,
        BigDecimal charged,
        String currency,
        Instant completedAt) {

    /** A part used on the visit. */
    public record PartLine(String partNumber, int quantity, BigDecimal unitPrice) {
    }
}
