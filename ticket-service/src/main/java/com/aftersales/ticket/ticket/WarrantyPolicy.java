package com.aftersales.ticket.ticket;

import java.time.LocalDate;
import java.time.Period;
import java.util.Map;
import java.util.Objects;

/**
 * Decides entitlement from a registered unit's facts and the category's warranty period. Rules, in order:
 * <ol>
 *   <li>{@code no-proof-of-purchase}: neither warranty card nor receipt number, while proof is required → UNKNOWN;</li>
 *   <li>{@code within-warranty}: today is before purchase date + the category's period → IN_WARRANTY;</li>
 *   <li>{@code warranty-expired}: otherwise → OUT_OF_WARRANTY.</li>
 * </ol>
 *
 * @param periodsByCategory     warranty period per product category code
 * @param defaultPeriod         for categories without their own period
 * @param proofOfPurchaseRequired whether a unit without card and receipt is left UNKNOWN for the agent to verify
 */
public record WarrantyPolicy(Map<String, Period> periodsByCategory, Period defaultPeriod, boolean proofOfPurchaseRequired) {

    public WarrantyPolicy {
        periodsByCategory = Map.copyOf(periodsByCategory);
        Objects.requireNonNull(defaultPeriod);
    }

    public Entitlement decide(String category, LocalDate purchaseDate, boolean warrantyCardPresent, String receiptNumber,
                              LocalDate today) {
        boolean hasReceipt = receiptNumber != null && !receiptNumber.isBlank();
        if (proofOfPurchaseRequired && !warrantyCardPresent && !hasReceipt) {
            return new Entitlement(Entitlement.Status.UNKNOWN, "no-proof-of-purchase",
                    "Neither warranty card nor receipt registered: verify the purchase date (" + purchaseDate + ") before free work");
        }
        Period period = periodsByCategory.getOrDefault(category, defaultPeriod);
        LocalDate coverageEnds = purchaseDate.plus(period);
        String basis = "purchased " + purchaseDate + ", " + category + " warranty " + period;
        if (today.isBefore(coverageEnds)) {
            return new Entitlement(Entitlement.Status.IN_WARRANTY, "within-warranty",
                    basis + " covers until " + coverageEnds.minusDays(1));
        }
        return new Entitlement(Entitlement.Status.OUT_OF_WARRANTY, "warranty-expired",
                basis + " ended on " + coverageEnds.minusDays(1));
    }
}
