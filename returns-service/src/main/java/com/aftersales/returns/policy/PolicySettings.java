package com.aftersales.returns.policy;

import com.aftersales.contracts.warranty.WarrantyTerms;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The policy in force: a default category policy, overrides per product category, the dealer rules, and the
 * shared warranty terms whose unit cover is the free-repair window.
 *
 * @param version    version of the whole configuration; a category without its own version inherits it
 * @param categories by category code; an alias key (PHONE) is stored under its canonical code (MOBILE_PHONE)
 */
public record PolicySettings(String version, CategoryPolicy defaults, Map<String, CategoryPolicy> categories,
                             DealerPolicy dealer, WarrantyTerms terms) {

    public static final String DEFAULT_CATEGORY = "DEFAULT";

    public PolicySettings {
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(defaults, "defaults");
        Objects.requireNonNull(dealer, "dealer");
        Objects.requireNonNull(terms, "terms");
        Map<String, CategoryPolicy> canonical = new LinkedHashMap<>();
        if (categories != null) {
            categories.forEach((code, policy) -> {
                String key = terms.canonical(code);
                if (canonical.put(key, policy.named(key)) != null) {
                    throw new IllegalArgumentException("policy of category " + key + " is configured twice (alias and code)");
                }
            });
        }
        categories = Map.copyOf(canonical);
        // The warranty (free repair) must cover at least the exchange window, or a later request could be better off.
        check(terms, defaults, terms.defaults().length());
        for (CategoryPolicy policy : categories.values()) {
            check(terms, policy, terms.forCategory(policy.category()).length());
        }
        for (String code : terms.codes()) {
            check(terms, categories.getOrDefault(code, defaults), terms.forCategory(code).length());
        }
    }

    private static void check(WarrantyTerms terms, CategoryPolicy policy, java.time.Period warranty) {
        if (WarrantyTerms.shortestDays(warranty) < policy.exchangeDays()) {
            throw new IllegalArgumentException("policy " + policy.category() + ": the warranty " + warranty + " (terms "
                    + terms.version() + ") must be at least the exchange window of " + policy.exchangeDays() + " days");
        }
    }

    /** The policy of a category (an alias resolved), or the default one for a category without its own settings. */
    public CategoryPolicy forCategory(String category) {
        CategoryPolicy specific = categories.get(terms.canonical(category));
        return specific != null ? specific : defaults;
    }
}
