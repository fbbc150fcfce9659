package com.aftersales.returns.policy;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import java.util.Objects;

/**
 * The time zone each store counts its days in. A return requested at 01:00 on 1 December in
 * Shanghai is a 1 December request even though it is still 30 November in UTC.
 */
public record StoreTimeZones(ZoneId defaultZone, Map<String, ZoneId> stores) {

    public StoreTimeZones {
        Objects.requireNonNull(defaultZone, "defaultZone");
        stores = stores == null ? Map.of() : Map.copyOf(stores);
    }

    public ZoneId zoneOf(String storeCode) {
        return storeCode == null ? defaultZone : stores.getOrDefault(storeCode, defaultZone);
    }

    /** The calendar date an instant falls on at the store. */
    public LocalDate dateAt(String storeCode, Instant instant) {
        return LocalDate.ofInstant(instant, zoneOf(storeCode));
    }
}
