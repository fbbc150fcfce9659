package com.aftersales.dispatch.parts;

import java.math.BigDecimal;

/** A part used on a visit, with where it came from and what it costs and sells for. */
public record ConsumedPart(String partNumber, int quantity, String location, BigDecimal unitCost, BigDecimal unitPrice) {
}
