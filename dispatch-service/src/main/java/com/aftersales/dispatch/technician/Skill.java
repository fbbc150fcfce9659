package com.aftersales.dispatch.technician;

/**
 * @param kind  PRODUCT_CATEGORY (e.g. AIR_CONDITIONER) or FAULT_CATEGORY (e.g. COOLING)
 * @param level 1 (trainee) to the configured maximum (expert)
 */
public record Skill(Kind kind, String code, int level) {

    public enum Kind { PRODUCT_CATEGORY, FAULT_CATEGORY }
}
