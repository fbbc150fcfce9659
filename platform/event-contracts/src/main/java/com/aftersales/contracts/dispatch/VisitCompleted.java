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
 * @param productId      (v1.1, null when unknown) the registered unit
 * @param serialNumber   (v1.1) the unit's serial number
 * @param model          (v1.1) the unit's model
 * @param productCategory (v1.1) e.g. AIR_CONDITIONER
 * @param batchNumber    (v1.1) batch/lot of the unit, for the quality loop (model × batch × region × fault code)
 * @param regionCode     (v1.1) region of the service address
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
        Instant completedAt,
        UUID productId,
        String serialNumber,
        String model,
        String productCategory,
        String batchNumber,
        String regionCode) {

    /** The fields of v1.0, for producers and tests that know only those. */
    public VisitCompleted(UUID visitId, UUID jobId, UUID ticketId, UUID technicianId, String outcome, UUID reportId,
                          int reportVersion, String cause, String fix, String faultCategory, String faultCode, String fixCode,
                          boolean firstTimeFix, int labourMinutes, List<PartLine> parts, String entitlement, BigDecimal cost,
                          BigDecimal charged, String currency, Instant completedAt) {
        this(visitId, jobId, ticketId, technicianId, outcome, reportId, reportVersion, cause, fix, faultCategory, faultCode,
                fixCode, firstTimeFix, labourMinutes, parts, entitlement, cost, charged, currency, completedAt,
                null, null, null, null, null, null);
    }

    /** A part used on the visit. */
    public record PartLine(String partNumber, int quantity, BigDecimal unitPrice) {
    }
}
