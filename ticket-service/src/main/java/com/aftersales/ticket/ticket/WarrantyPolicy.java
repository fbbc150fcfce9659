package com.aftersales.ticket.ticket;

import com.aftersales.contracts.warranty.Coverage;
import com.aftersales.contracts.warranty.WarrantyCheck;
import com.aftersales.contracts.warranty.WarrantyTerms;

import java.util.stream.Collectors;

/**
 * Decides entitlement from a unit's warranty position under the shared terms ({@link WarrantyTerms}, the same
 * data and arithmetic the returns policy and dispatch charges use). Rules, in order:
 * <ol>
 *   <li>{@code no-proof-of-purchase}: neither warranty card nor receipt number, while proof is required → UNKNOWN;</li>
 *   <li>{@code within-warranty}: the day is within the unit's cover, its last day included
 *       ({@value WarrantyTerms#END_DATE_RULE}) → IN_WARRANTY;</li>
 *   <li>{@code warranty-expired}: otherwise → OUT_OF_WARRANTY; parts still under a manufacturer's longer cover are
 *       named in the reason (dispatch charges nothing for them).</li>
 * </ol>
 *
 * @param proofOfPurchaseRequired whether a unit without card and receipt is left UNKNOWN for the agent to verify
 */
public record WarrantyPolicy(boolean proofOfPurchaseRequired) {

    public Entitlement decide(WarrantyCheck check, boolean warrantyCardPresent, String receiptNumber) {
        Coverage unit = check.unit();
        boolean hasReceipt = receiptNumber != null && !receiptNumber.isBlank();
        if (proofOfPurchaseRequired && !warrantyCardPresent && !hasReceipt) {
            return new Entitlement(Entitlement.Status.UNKNOWN, "no-proof-of-purchase",
                    "Neither warranty card nor receipt registered: verify the purchase date before free work (cover would run "
                            + unit.startDate() + " .. " + unit.lastDay() + ")");
        }
        String basis = (unit.startBasis().name().equals("INSTALLATION_DATE") ? "installed " : "purchased ") + unit.startDate()
                + ", " + check.termsKey() + " warranty " + unit.length() + " (terms " + check.termsVersion() + ")";
        if (check.unitCovered()) {
            return new Entitlement(Entitlement.Status.IN_WARRANTY, "within-warranty",
                    basis + " covers until " + unit.lastDay() + " inclusive");
        }
        String parts = check.coveredParts().stream().map(c -> c.part() + " covered until " + c.lastDay())
                .collect(Collectors.joining(", "));
        return new Entitlement(Entitlement.Status.OUT_OF_WARRANTY, "warranty-expired",
                basis + " ended on " + unit.lastDay() + (parts.isEmpty() ? "" : "; " + parts + " (the part itself is free)"));
    }
}
