package com.aftersales.dispatch.charge;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Set;

/**
 * Computes what a visit costs the company and what the customer pays. Rules:
 * {@value #RULE_IN_WARRANTY_FREE} (in-warranty work is free to the customer but still costed),
 * {@value #RULE_RATE_TABLE} (labour billed in started increments at the category's rate, parts at
 * their price, plus the call-out fee) and {@value #RULE_PART_UNDER_COVER} (out of warranty, a part the
 * manufacturer covers longer, e.g. a compressor, is not charged; labour and call-out are).
 */
public final class ChargeCalculator {

    public static final String RULE_IN_WARRANTY_FREE = "in-warranty-free";
    public static final String RULE_RATE_TABLE = "rate-table";
    public static final String RULE_PART_UNDER_COVER = "part-under-extended-cover";

    private static final BigDecimal MINUTES_PER_HOUR = BigDecimal.valueOf(60);

    private final RateTable rates;

    public ChargeCalculator(RateTable rates) {
        this.rates = rates;
    }

    /**
     * @param unitCost     what the part costs the company
     * @param unitPrice    what the customer pays for it
     * @param warrantyPart the warranty part it is (e.g. COMPRESSOR), or null
     */
    public record PartLine(String partNumber, int quantity, BigDecimal unitCost, BigDecimal unitPrice, String warrantyPart) {

        public PartLine(String partNumber, int quantity, BigDecimal unitCost, BigDecimal unitPrice) {
            this(partNumber, quantity, unitCost, unitPrice, null);
        }
    }

    /**
     * @param billedMinutes labour minutes rounded up to the billing increment
     * @param cost          labour at the cost rate plus parts at cost
     * @param charged       what the customer pays (zero in warranty)
     * @param rule          the rule that decided the charge, in words
     */
    public record Charge(int labourMinutes, int billedMinutes, BigDecimal labour, BigDecimal parts, BigDecimal callout,
                         BigDecimal charged, BigDecimal cost, String currency, String rule) {
    }

    public Charge charge(String entitlement, String productCategory, int labourMinutes, List<PartLine> parts) {
        return charge(entitlement, productCategory, labourMinutes, parts, Set.of());
    }

    /** @param coveredParts warranty parts whose cover held on the day of the call (e.g. COMPRESSOR) */
    public Charge charge(String entitlement, String productCategory, int labourMinutes, List<PartLine> parts,
                         Set<String> coveredParts) {
        if (labourMinutes < 0) {
            throw new IllegalArgumentException("labour minutes cannot be negative");
        }
        int increment = rates.billingIncrementMinutes();
        int billed = (labourMinutes + increment - 1) / increment * increment;
        BigDecimal rate = rates.labourRate(productCategory);
        BigDecimal labour = money(rate.multiply(BigDecimal.valueOf(billed)).divide(MINUTES_PER_HOUR, 10, RoundingMode.HALF_UP));
        List<PartLine> free = "IN_WARRANTY".equals(entitlement) ? List.of()
                : parts.stream().filter(p -> p.warrantyPart() != null && coveredParts.contains(p.warrantyPart())).toList();
        BigDecimal partsPrice = money(parts.stream().filter(p -> !free.contains(p))
                .map(p -> p.unitPrice().multiply(BigDecimal.valueOf(p.quantity())))
                .reduce(BigDecimal.ZERO, BigDecimal::add));
        BigDecimal partsCost = parts.stream().map(p -> p.unitCost().multiply(BigDecimal.valueOf(p.quantity())))
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal cost = money(rates.labourCostPerHour().multiply(BigDecimal.valueOf(labourMinutes))
                .divide(MINUTES_PER_HOUR, 10, RoundingMode.HALF_UP).add(partsCost));
        if ("IN_WARRANTY".equals(entitlement)) {
            return new Charge(labourMinutes, billed, labour, partsPrice, money(BigDecimal.ZERO), money(BigDecimal.ZERO), cost,
                    rates.currency(), RULE_IN_WARRANTY_FREE + ": in warranty, nothing charged; costed at "
                    + cost + " " + rates.currency());
        }
        BigDecimal callout = money(rates.calloutFee());
        BigDecimal total = labour.add(partsPrice).add(callout);
        String rule = RULE_RATE_TABLE + ": %d min billed as %d at %s/h = %s, parts %s, call-out %s".formatted(
                labourMinutes, billed, rate, labour, partsPrice, callout);
        if (!free.isEmpty()) {
            rule = RULE_PART_UNDER_COVER + ": " + String.join(", ", free.stream()
                    .map(p -> p.partNumber() + " (" + p.warrantyPart() + ")").toList())
                    + " under the manufacturer's cover, not charged; " + rule;
        }
        return new Charge(labourMinutes, billed, labour, partsPrice, callout, total, cost, rates.currency(), rule);
    }

    private static BigDecimal money(BigDecimal value) {
        return value.setScale(2, RoundingMode.HALF_UP);
    }
}
