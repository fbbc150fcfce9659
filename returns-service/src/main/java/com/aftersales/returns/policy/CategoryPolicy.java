package com.aftersales.returns.policy;

import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * The windows and exclusions of one product category, as a version of the policy. Windows count
 * calendar days after the purchase date (the purchase day is day 0) and are inclusive: a 7-day window
 * ends on purchase date + 7 (rule {@code ANNIVERSARY_DAY_INCLUDED} of the shared warranty terms). The
 * free-repair window is not here: it is the unit's warranty under the shared terms
 * ({@link com.aftersales.contracts.warranty.WarrantyTerms}), the same cover ticket entitlement and dispatch
 * charges use.
 *
 * @param category           canonical category code, or {@link PolicySettings#DEFAULT_CATEGORY}
 * @param version            the version of this category's policy, recorded with every decision
 * @param noReasonReturnDays return without reason while the item can be resold
 * @param refundDays         quality fault: refund
 * @param exchangeDays       quality fault: exchange
 * @param disabledExclusions exclusion rules that do not apply to this category
 * @param largeItem          dealer returns of this category need photo approval
 */
public record CategoryPolicy(String category, String version, int noReasonReturnDays, int refundDays, int exchangeDays,
                             Set<PolicyRule> disabledExclusions, boolean largeItem) {

    public CategoryPolicy {
        Objects.requireNonNull(category, "category");
        Objects.requireNonNull(version, "version");
        disabledExclusions = disabledExclusions == null || disabledExclusions.isEmpty()
                ? Set.of() : Set.copyOf(EnumSet.copyOf(disabledExclusions));
        // The windows must nest, or a later request could get a more generous remedy than an earlier one.
        if (noReasonReturnDays < 0 || refundDays < noReasonReturnDays || exchangeDays < refundDays) {
            throw new IllegalArgumentException("policy " + category + ": windows must satisfy 0 <= no-reason ("
                    + noReasonReturnDays + ") <= refund (" + refundDays + ") <= exchange (" + exchangeDays + ") days");
        }
        for (PolicyRule rule : disabledExclusions) {
            if (!rule.isExclusion()) {
                throw new IllegalArgumentException("policy " + category + ": only exclusion rules can be disabled, not " + rule);
            }
        }
    }

    public boolean applies(PolicyRule exclusion) {
        return !disabledExclusions.contains(exclusion);
    }

    /** The same policy under another category code (an alias replaced by its canonical code). */
    CategoryPolicy named(String code) {
        return new CategoryPolicy(code, version, noReasonReturnDays, refundDays, exchangeDays, disabledExclusions, largeItem);
    }

    /** How decisions cite this policy, e.g. {@code AIR_CONDITIONER@2026.1}. */
    public String versionTag() {
        return category + "@" + version;
    }
}
