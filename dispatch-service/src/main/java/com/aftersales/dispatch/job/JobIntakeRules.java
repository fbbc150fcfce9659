package com.aftersales.dispatch.job;

/**
 * The named rules applied when a job is queued; each decision names its rule so the job explains itself.
 */
public final class JobIntakeRules {

    /** Out-of-warranty work: no visit before the customer was told the charge basis (收费项目必须明确告之). */
    public static final String CHARGE_BASIS_BEFORE_DISPATCH = "charge-basis-before-dispatch";
    /** Without a service address the engine cannot compare distances, so it proposes but never assigns alone. */
    public static final String NO_LOCATION_NO_AUTO_ASSIGN = "no-location-no-auto-assign";

    private JobIntakeRules() {
    }

    /** @return the hold reason, or null when the job may be assigned */
    public static String holdReason(String entitlement, Boolean chargeBasisCommunicated) {
        if ("OUT_OF_WARRANTY".equals(entitlement) && !Boolean.TRUE.equals(chargeBasisCommunicated)) {
            return CHARGE_BASIS_BEFORE_DISPATCH + ": out-of-warranty work is held until the customer has been told "
                    + "the charge basis (aftersales.ticket.charge-basis-communicated.v1)";
        }
        return null;
    }

    /** @return why the engine may not auto-assign, or null when it may */
    public static String autoAssignBlocked(Double latitude, Double longitude) {
        if (latitude == null || longitude == null) {
            return NO_LOCATION_NO_AUTO_ASSIGN + ": the ticket carries no service address coordinates, so distance "
                    + "cannot be scored; a supervisor assigns from the proposal";
        }
        return null;
    }
}
