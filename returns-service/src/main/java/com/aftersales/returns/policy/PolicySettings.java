package com.aftersales.returns.policy;

import java.util.Map;
import java.util.Objects;

/**
 * The policy in force: a default category policy, overrides per product category, and the dealer rules.
 *
 * @param version  version of the whole configuration; a category without its own version inherits it
 */
public record PolicySettings(String version, CategoryPolicy defaults, Map<String, CategoryPolicy> categories,
                             DealerPolicy dealer) {

    public static final String DEFAULT_CATEGORY = "DEFAULT";

    public PolicySettings {
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(defaults, "defaults");
        Objects.requireNonNull(dealer, "dealer");
        categories = categories == null ? Map.of() : Map.copyOf(categories);
    }

    /** The policy of a category, or the default one for a category without its own settings. */
    public CategoryPolicy forCategory(String category) {
        CategoryPolicy specific = categories.get(category);
        return specific != null ? specific : defaults;
    }
}
