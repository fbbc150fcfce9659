package com.aftersales.returns.policy;

import java.time.LocalDate;

/**
 * A window the request date was compared with; both ends inclusive.
 *
 * @param rule         the rule the window belongs to
 * @param firstDay     the purchase (or shipment) date
 * @param lastDay      the last calendar date still inside the window
 * @param length       the configured length, e.g. {@code 15 days} or {@code P3M}
 * @param containsRequest whether the request date falls inside
 */
public record PolicyWindow(PolicyRule rule, LocalDate firstDay, LocalDate lastDay, String length, boolean containsRequest) {
}
