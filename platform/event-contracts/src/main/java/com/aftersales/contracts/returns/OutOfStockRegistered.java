package com.aftersales.contracts.returns;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * No replacement in stock (缺货登记): the arrival date confirmed with the customer, and the date by which
 * the customer must be contacted again either way. Keyed by return id.
 */
public record OutOfStockRegistered(UUID returnId, String model, LocalDate expectedArrivalDate, LocalDate followUpDueDate,
                                   Instant registeredAt) {
}
