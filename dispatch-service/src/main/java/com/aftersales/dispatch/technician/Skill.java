package com.aftersales.dispatch.technician;

import com.aftersales.contracts.fault.FaultCategories;

import java.util.Locale;

/**
 * @param kind  PRODUCT_CATEGORY (e.g. AIR_CONDITIONER) or FAULT_CATEGORY (e.g. COOLING)
 * @param level 1 (trainee) to the configured maximum (expert)
 */
public record Skill(Kind kind, String code, int level) {

    public enum Kind { PRODUCT_CATEGORY, FAULT_CATEGORY }

    /** A skill holds its code in the one spelling, whether it comes from a request or from a row stored before it. */
    public Skill {
        code = kind == null ? code : code(kind, code);
    }

    /**
     * The one spelling of a skill's code, so that a skill and a job's category match: fault categories as the platform
     * writes them ({@link FaultCategories#normalise}), product categories upper case (locale-neutral).
     */
    public static String code(Kind kind, String code) {
        if (code == null) {
            return null;
        }
        return kind == Kind.FAULT_CATEGORY ? FaultCategories.normalise(code) : productCategory(code);
    }

    /** A product category's code: stripped, upper case whatever the server's locale. */
    public static String productCategory(String category) {
        return category == null || category.isBlank() ? null : category.strip().toUpperCase(Locale.ROOT);
    }

    /** A skill key, {@code KIND:CODE}, for sets and lookups. */
    public static String key(Kind kind, String code) {
        return kind.name() + ":" + code(kind, code);
    }
}
