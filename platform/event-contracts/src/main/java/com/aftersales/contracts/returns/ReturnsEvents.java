package com.aftersales.contracts.returns;

import com.aftersales.contracts.EventType;
import com.aftersales.contracts.Topics;

import java.util.List;

/** Event types returns-service publishes, on {@link Topics#RETURNS} (and partner topics). */
public final class ReturnsEvents {

    public static final List<EventType<?>> ALL = List.of();

    private ReturnsEvents() {
    }
}
