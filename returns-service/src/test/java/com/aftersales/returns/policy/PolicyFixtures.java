package com.aftersales.returns.policy;

import com.aftersales.contracts.warranty.WarrantyTerms;

import java.time.Duration;
import java.time.Period;
import java.util.Map;
import java.util.Set;

/** The brief's default policy, as application.yml configures it, for tests that run without Spring. */
final class PolicyFixtures {

    static final String VERSION = "2026.1";

    private PolicyFixtures() {
    }

    /** The warranty terms shipped with the event contracts: 3 months by default, one year for MOBILE_PHONE etc. */
    static PolicySettings briefDefaults() {
        CategoryPolicy defaults = new CategoryPolicy(PolicySettings.DEFAULT_CATEGORY, VERSION, 7, 15, 30, Set.of(), false);
        CategoryPolicy airConditioner = new CategoryPolicy("AIR_CONDITIONER", VERSION, 7, 15, 30, Set.of(), true);
        CategoryPolicy phone = new CategoryPolicy("PHONE", "2026.2", 7, 15, 30, Set.of(), false);
        CategoryPolicy clearance = new CategoryPolicy("CLEARANCE_OUTLET", VERSION, 7, 15, 30,
                Set.of(PolicyRule.EXCLUSION_SPECIAL_PRICE_OR_GIFT), false);
        CategoryPolicy mattress = new CategoryPolicy("MATTRESS", VERSION, 0, 15, 30, Set.of(), true);
        return new PolicySettings(VERSION, defaults, Map.of("AIR_CONDITIONER", airConditioner, "PHONE", phone,
                "CLEARANCE_OUTLET", clearance, "MATTRESS", mattress),
                new DealerPolicy(Period.ofMonths(3), 80, Period.ofMonths(6), Duration.ofHours(24)), WarrantyTerms.bundled());
    }
}
