package com.aftersales.platform.inbox;

import com.aftersales.contracts.EventEnvelope;
import com.aftersales.contracts.EventType;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Predicate;

/** What a consumer does with each event type it cares about; types without a handler are skipped. */
public final class EventHandlers {

    private final Map<EventType<?>, Handler> handlers;
    private final Consumer<List<EventEnvelope<?>>> beforeBatch;

    private record Handler(Predicate<EventEnvelope<?>> wants, Consumer<EventEnvelope<?>> apply) {
    }

    private EventHandlers(Map<EventType<?>, Handler> handlers, Consumer<List<EventEnvelope<?>>> beforeBatch) {
        this.handlers = Map.copyOf(handlers);
        this.beforeBatch = beforeBatch;
    }

    public static Builder builder() {
        return new Builder();
    }

    boolean handles(EventType<?> type) {
        return handlers.containsKey(type);
    }

    /**
     * The handler of an event, or empty when its type has none or its payload is of no interest to it (see
     * {@link Builder#on(EventType, Predicate, Consumer)}): such an event takes no inbox marker and no transaction.
     */
    Optional<Consumer<EventEnvelope<?>>> handlerFor(EventEnvelope<?> event) {
        Handler handler = handlers.get(event.type());
        return handler == null || !handler.wants().test(event) ? Optional.empty() : Optional.of(handler.apply());
    }

    /** Lets the consumer prepare for a batch's new events (in its transaction, before the first handler runs). */
    void beforeBatch(List<EventEnvelope<?>> events) {
        beforeBatch.accept(events);
    }

    public static final class Builder {
        private final Map<EventType<?>, Handler> handlers = new LinkedHashMap<>();
        private Consumer<List<EventEnvelope<?>>> beforeBatch = events -> {
        };

        public <T> Builder on(EventType<T> type, Consumer<EventEnvelope<T>> handler) {
            return on(type, data -> true, handler);
        }

        /**
         * A handler for the events of a type whose payload passes {@code wanted}, a test of the payload and the
         * consumer's configuration only (a redelivery must come to the same answer). The others are of no interest:
         * like events of a type without a handler they are skipped before any transaction and take no inbox marker.
         */
        @SuppressWarnings("unchecked")
        public <T> Builder on(EventType<T> type, Predicate<T> wanted, Consumer<EventEnvelope<T>> handler) {
            handlers.put(type, new Handler(envelope -> wanted.test(((EventEnvelope<T>) envelope).data()),
                    envelope -> handler.accept((EventEnvelope<T>) envelope)));
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
