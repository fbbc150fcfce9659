package com.aftersales.returns.policy;

import com.aftersales.contracts.warranty.WarrantyTerms;
import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;
import java.time.Period;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * {@code aftersales.returns.policy}: the policy in force, with the brief's numbers as defaults in
 * application.yml. A category lists only what differs from the defaults; its version (or the global
 * one) is recorded with every decision it makes. Invalid settings stop the service at start-up.
 *
 * @param version          version of this configuration, e.g. {@code 2026.1}; bump it with every change
 * @param defaultTimeZone  the time zone stores count days in
 * @param storeTimeZones   stores in another time zone, by store code
 */
@ConfigurationProperties("aftersales.returns.policy")
public record PolicyProperties(String version, ZoneId defaultTimeZone, Map<String, ZoneId> storeTimeZones,
                               Category defaults, Map<String, Category> categories, Dealer dealer) {

    /** One category's settings; null fields take the defaults'. */
    public record Category(String version, Integer noReasonReturnDays, Integer refundDays, Integer exchangeDays,
                           Set<PolicyRule> disabledExclusions, Boolean largeItem) {
    }

    public record Dealer(Period fullCreditPeriod, Integer reducedCreditPercent, Period acceptancePeriod,
                         Duration photoApprovalTime) {
    }

    /** @param terms the shared warranty terms: their unit cover is the free-repair window */
    public PolicySettings toSettings(WarrantyTerms terms) {
        Objects.requireNonNull(version, "aftersales.returns.policy.version must be set");
        Objects.requireNonNull(defaults, "aftersales.returns.policy.defaults must be set");
        Objects.requireNonNull(dealer, "aftersales.returns.policy.dealer must be set");
        CategoryPolicy base = new CategoryPolicy(PolicySettings.DEFAULT_CATEGORY, orElse(defaults.version(), version),
                required(defaults.noReasonReturnDays(), "defaults.no-reason-return-days"),
                required(defaults.refundDays(), "defaults.refund-days"),
                required(defaults.exchangeDays(), "defaults.exchange-days"),
                orElse(defaults.disabledExclusions(), Set.of()), orElse(defaults.largeItem(), false));
        Map<String, CategoryPolicy> byCategory = new LinkedHashMap<>();
        if (categories != null) {
            categories.forEach((name, c) -> byCategory.put(name, new CategoryPolicy(name, orElse(c.version(), base.version()),
                    orElse(c.noReasonReturnDays(), base.noReasonReturnDays()), orElse(c.refundDays(), base.refundDays()),
                    orElse(c.exchangeDays(), base.exchangeDays()),
                    orElse(c.disabledExclusions(), base.disabledExclusions()), orElse(c.largeItem(), base.largeItem()))));
        }
        DealerPolicy dealerPolicy = new DealerPolicy(required(dealer.fullCreditPeriod(), "dealer.full-credit-period"),
                required(dealer.reducedCreditPercent(), "dealer.reduced-credit-percent"),
                required(dealer.acceptancePeriod(), "dealer.acceptance-period"),
                required(dealer.photoApprovalTime(), "dealer.photo-approval-time"));
        return new PolicySettings(version, base, byCategory, dealerPolicy, terms);
    }

    public StoreTimeZones toTimeZones() {
        return new StoreTimeZones(required(defaultTimeZone, "default-time-zone"), storeTimeZones);
    }

    private static <T> T orElse(T value, T fallback) {
        return value != null ? value : fallback;
    }

    private static <T> T required(T value, String property) {
        return Objects.requireNonNull(value, "aftersales.returns.policy." + property + " must be set");
    }
}
