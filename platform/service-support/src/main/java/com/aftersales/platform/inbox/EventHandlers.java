package com.aftersales.platform.inbox;

import com.aftersales.contracts.EventEnvelope;
import com.aftersales.contracts.EventType;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/** What a consumer does with each event type it cares about; types without a handler are skipped. */
public final class EventHandlers {

    private final Map<EventType<?>, Consumer<EventEnvelope<?>>> handlers;

    private EventHandlers(Map<EventType<?>, Consumer<EventEnvelope<?>>> handlers) {
        this.handlers = Map.copyOf(handlers);
    }

    public static Builder builder() {
        return new Builder();
    }

    boolean handles(EventType<?> type) {
        return handlers.containsKey(type);
    }

    Optional<Consumer<EventEnvelope<?>>> handlerFor(EventType<?> type) {
        return Optional.ofNullable(handlers.get(type));
    }

    public static final class Builder {
        private final Map<EventType<?>, Consumer<EventEnvelope<?>>> handlers = new LinkedHashMap<>();

        @SuppressWarnings("unchecked")
        public <T> Builder on(EventType<T> type, Consumer<EventEnvelope<T>> handler) {
            handlers.put(type, envelope -> handler.accept((EventEnvelope<T>) envelope));
            return this;
        }

        public EventHandlers build() {
            return new EventHandlers(handlers);
        }
    }
}
