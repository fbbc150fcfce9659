package com.aftersales.feedback.support;

import com.aftersales.contracts.EventEnvelope;
import com.aftersales.contracts.EventType;

import java.net.URI;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

/** Builds envelopes as the producing services would. */
public final class Events {

    private Events() {
    }

    public static <T> EventEnvelope<T> event(String service, EventType<T> type, Object key, T data) {
        return new EventEnvelope<>(UUID.randomUUID(), URI.create("/aftersales/" + service), type,
                OffsetDateTime.now(ZoneOffset.UTC), key.toString(), null, data);
    }
}
