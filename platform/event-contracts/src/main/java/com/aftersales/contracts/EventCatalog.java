package com.aftersales.contracts;

import com.aftersales.contracts.dispatch.DispatchJobQueued;
import com.aftersales.contracts.ticket.TicketOpened;
import com.aftersales.contracts.ticket.TicketStatusChanged;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Every event type the platform publishes. Adding a type here, with its schema under
 * {@code schemas/}, is how an event becomes part of the contract.
 */
public final class EventCatalog {

    public static final EventType<TicketOpened> TICKET_OPENED =
            new EventType<>("aftersales.ticket.opened.v1", Topics.TICKETS, TicketOpened.class);
    public static final EventType<TicketStatusChanged> TICKET_STATUS_CHANGED =
            new EventType<>("aftersales.ticket.status-changed.v1", Topics.TICKETS, TicketStatusChanged.class);
    public static final EventType<DispatchJobQueued> DISPATCH_JOB_QUEUED =
            new EventType<>("aftersales.dispatch.job-queued.v1", Topics.DISPATCH, DispatchJobQueued.class);

    private static final List<EventType<?>> ALL = List.of(TICKET_OPENED, TICKET_STATUS_CHANGED, DISPATCH_JOB_QUEUED);

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
