package com.aftersales.contracts.returns;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * QC inspected a returned unit (检验报告单). When the result contradicts the customer's claim (no fault
 * found, damage caused by the customer) the case goes to fee negotiation with {@code negotiatedFee}.
 * Keyed by return id.
 *
 * @param items          FUNCTION, APPEARANCE, PACKAGING, ACCESSORIES, each passed or failed with notes
 * @param negotiatedFee  the fee proposed to the customer, null when the claim held
 * @param freightPayer   COMPANY or CUSTOMER after the inspection
 */
public record InspectionCompleted(UUID returnId, List<Item> items, boolean passed, boolean faultConfirmed,
                                  boolean customerDamageFound, boolean contradictsClaim, BigDecimal negotiatedFee,
                                  String currency, String freightPayer, String inspector, Instant inspectedAt) {

    public record Item(String area, boolean passed, String notes) {
    }
}
