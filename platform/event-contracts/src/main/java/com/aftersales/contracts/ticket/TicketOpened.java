package com.aftersales.contracts.ticket;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * A customer's request was recorded as a ticket. Keyed by {@code ticketId}.
 * <p>
 * The fields after {@code openedAt} were added in v1.1 (additively) and are null when unknown:
 * the product and customer facts dispatch plans with, the entitlement decided at intake and the
 * SLA due times of the ticket's clocks.
 *
 * @param faultCategory           optional fault category code chosen by the agent
 * @param productId               the registered unit, when the ticket is for one
 * @param productCategory         e.g. AIR_CONDITIONER
 * @param batchNumber             batch/lot of the unit
 * @param customerTier            A, B or C
 * @param regionCode              region of the service address
 * @param latitude                service address, WGS84
 * @param longitude               service address, WGS84
 * @param entitlement             IN_WARRANTY, OUT_OF_WARRANTY or UNKNOWN
 * @param chargeBasisCommunicated for out-of-warranty work: the customer was told the charge basis (no visit before that)
 * @param faultCode               the agent's fault code within the category
 * @param sla                     due times of the ticket's SLA clocks
 * @param warranty                the unit's warranty cover decided at intake from the shared terms (added in v1.2):
 *                                the whole unit ({@code UNIT}) first, then parts with longer cover; dispatch charges a
 *                                covered part nothing though the unit is out of warranty
 */
public record TicketOpened(
        UUID ticketId,
        UUID customerId,
        String serialNumber,
        String model,
        String ticketType,
        String channel,
        String priority,
        String faultCategory,
        String faultDescription,
        Instant openedAt,
        UUID productId,
        String productCategory,
        String batchNumber,
        String customerTier,
        String regionCode,
        Double latitude,
        Double longitude,
        String entitlement,
        Boolean chargeBasisCommunicated,
        String faultCode,
        SlaDueTimes sla,
        List<WarrantyCover> warranty) {

    /** The fields of v1.1, without warranty cover. */
    public TicketOpened(UUID ticketId, UUID customerId, String serialNumber, String model, String ticketType,
                        String channel, String priority, String faultCategory, String faultDescription, Instant openedAt,
                        UUID productId, String productCategory, String batchNumber, String customerTier, String regionCode,
                        Double latitude, Double longitude, String entitlement, Boolean chargeBasisCommunicated,
                        String faultCode, SlaDueTimes sla) {
        this(ticketId, customerId, serialNumber, model, ticketType, channel, priority, faultCategory, faultDescription,
                openedAt, productId, productCategory, batchNumber, customerTier, regionCode, latitude, longitude, entitlement,
                chargeBasisCommunicated, faultCode, sla, null);
    }

    /** The fields of v1.0, for producers and tests that know only those. */
    public TicketOpened(UUID ticketId, UUID customerId, String serialNumber, String model, String ticketType,
                        String channel, String priority, String faultCategory, String faultDescription, Instant openedAt) {
        this(ticketId, customerId, serialNumber, model, ticketType, channel, priority, faultCategory, faultDescription,
                openedAt, null, null, null, null, null, null, null, null, null, null, null, null);
    }

    /**
     * @param firstResponseDueAt first response to the customer
     * @param onSiteDueAt        the on-site promise (default 24 clock hours from the call)
     * @param onSiteTargetAt     the internal "beat the promise" target (default 6 clock hours)
     * @param resolutionDueAt    resolution
     */
    public record SlaDueTimes(Instant firstResponseDueAt, Instant onSiteDueAt, Instant onSiteTargetAt,
                              Instant resolutionDueAt) {
    }

    /**
     * One covered period of the unit, both ends inclusive (rule {@code ANNIVERSARY_DAY_INCLUDED}).
     *
     * @param part         {@code UNIT} or a part code such as {@code COMPRESSOR}
     * @param firstDay     the day the cover starts (purchase or installation date)
     * @param lastDay      the last covered day
     * @param termsVersion version of the warranty terms that decided
     * @param inCover      whether the cover held on the day of the call (the day entitlement is decided for)
     */
    public record WarrantyCover(String part, LocalDate firstDay, LocalDate lastDay, String termsVersion, boolean inCover) {
    }
}
