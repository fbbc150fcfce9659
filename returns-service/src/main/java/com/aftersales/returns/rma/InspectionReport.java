package com.aftersales.returns.rma;

import java.time.Instant;
import java.util.List;

/**
 * QC's inspection report (检验报告单): function, appearance, packaging and accessories, each passed or
 * failed with notes, whether the claimed fault was found and whether the customer caused damage.
 */
public record InspectionReport(List<Item> items, boolean faultConfirmed, boolean customerDamageFound,
                               boolean factoryBatchFault, String inspector, Instant inspectedAt) {

    public enum Area { FUNCTION, APPEARANCE, PACKAGING, ACCESSORIES }

    public record Item(Area area, boolean passed, String notes) {
    }

    public InspectionReport {
        items = List.copyOf(items);
    }

    public boolean passed() {
        return items.stream().allMatch(Item::passed) && !customerDamageFound;
    }

    public List<Area> failedAreas() {
        return items.stream().filter(i -> !i.passed()).map(Item::area).toList();
    }
}
