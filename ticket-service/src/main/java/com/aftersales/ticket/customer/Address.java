package com.aftersales.ticket.customer;

/**
 * A postal address as given, with optional WGS84 coordinates for dispatch.
 *
 * @param label      e.g. 家 / home / office
 * @param regionCode administrative region code (e.g. 310104 for Xuhui, Shanghai)
 */
public record Address(String label, String line, String regionCode, Double latitude, Double longitude) {
}
