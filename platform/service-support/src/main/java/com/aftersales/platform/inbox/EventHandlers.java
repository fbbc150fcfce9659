package com.aftersales.platform.inbox;

import com.aftersales.contracts.EventEnvelope;
import com.aftersales.contracts.EventType;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/** What a consumer does with each event type it cares about; types without a handler are skipped. */
public final class EventHandlers {

    private final Map<EventType<?>, Consumer<EventEnvelope<?>>> handlers;
    private final Consumer<List<EventEnvelope<?>>> beforeBatch;

    private EventHandlers(Map<EventType<?>, Consumer<EventEnvelope<?>>> handlers, Consumer<List<EventEnvelope<?>>> beforeBatch) {
        this.handlers = Map.copyOf(handlers);
        this.beforeBatch = beforeBatch;
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

    /** Lets the consumer prepare for a batch's new events (in its transaction, before the first handler runs). */
    void beforeBatch(List<EventEnvelope<?>> events) {
        beforeBatch.accept(events);
    }

    public static final class Builder {
        private final Map<EventType<?>, Consumer<EventEnvelope<?>>> handlers = new LinkedHashMap<>();
        private Consumer<List<EventEnvelope<?>>> beforeBatch = events -> {
        };

        @SuppressWarnings("unchecked")
        public <T> Builder on(EventType<T> type, Consumer<EventEnvelope<T>> handler) {
            handlers.put(type, envelope -> handler.accept((EventEnvelope<T>) envelope));
            return this;
        }

        /**
         * Called with a poll's new events (duplicates left out, in record order) inside the batch's transaction before
         * their handlers, e.g. to load in one statement what the handlers will read one event at a time. Only a hint:
         * a record applied alone (the batch's fallback, a rebuild) runs its handler without it, so the handlers must
         * not depend on it for their result.
         */
        public Builder beforeBatch(Consumer<List<EventEnvelope<?>>> prepare) {
            this.beforeBatch = prepare;
            return this;
        }

        public EventHandlers build() {
            return new EventHandlers(handlers, beforeBatch);
        }
    }
}
