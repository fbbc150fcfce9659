package com.aftersales.contracts;

import com.aftersales.contracts.dispatch.DispatchEvents;
import com.aftersales.contracts.feedback.FeedbackEvents;
import com.aftersales.contracts.returns.ReturnsEvents;
import com.aftersales.contracts.ticket.TicketEvents;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Every event type the platform publishes, gathered from the producers' catalogues
 * ({@link TicketEvents}, {@link DispatchEvents}, {@link ReturnsEvents}, {@link FeedbackEvents}).
 * Adding a type there, with its schema under {@code schemas/}, is how an event becomes part of the contract.
 */
public final class EventCatalog {

    private static final List<EventType<?>> ALL = Stream.of(TicketEvents.ALL, DispatchEvents.ALL, ReturnsEvents.ALL,
            FeedbackEvents.ALL).flatMap(List::stream).toList();

    private static final Map<String, EventType<?>> BY_TYPE =
            ALL.stream().collect(Collectors.toUnmodifiableMap(EventType::type, Function.identity()));

    private EventCatalog() {
    }

    public static List<EventType<?>> all() {
        return ALL;
    }

    public static Optional<EventType<?>> byType(String type) {
        return Optional.ofNullable(BY_TYPE.get(type));
    }
}
