package com.aftersales.ticket.ticket;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * A ticket (工单) and its lifecycle rules. Plain Java: every transition is checked against
 * {@link TicketStatus} and recorded as a timeline entry with actor and reason.
 */
public final class Ticket {

    private final UUID id;
    private final UUID customerId;
    private final String serialNumber;
    private final String model;
    private final TicketType type;
    private final Channel channel;
    private final Priority priority;
    private final String faultCategory;
    private final String faultDescription;
    private final Instant openedAt;
    private TicketStatus status;
    private Instant updatedAt;
    private final long version;
    private final List<TimelineEntry> newEntries = new ArrayList<>();

    private Ticket(UUID id, UUID customerId, String serialNumber, String model, TicketType type, Channel channel,
                   Priority priority, String faultCategory, String faultDescription, Instant openedAt,
                   TicketStatus status, Instant updatedAt, long version) {
        this.id = Objects.requireNonNull(id);
        this.customerId = Objects.requireNonNull(customerId);
        this.serialNumber = Objects.requireNonNull(serialNumber);
        this.model = Objects.requireNonNull(model);
        this.type = Objects.requireNonNull(type);
        this.channel = Objects.requireNonNull(channel);
        this.priority = Objects.requireNonNull(priority);
        this.faultCategory = faultCategory;
        this.faultDescription = Objects.requireNonNull(faultDescription);
        this.openedAt = Objects.requireNonNull(openedAt);
        this.status = Objects.requireNonNull(status);
        this.updatedAt = Objects.requireNonNull(updatedAt);
        this.version = version;
    }

    /** Records a new request; nothing a customer reports is lost, so every request starts OPEN. */
    public static Ticket open(UUID id, UUID customerId, String serialNumber, String model, TicketType type,
                              Channel channel, Priority priority, String faultCategory, String faultDescription,
                              String actor, Instant now) {
        Ticket ticket = new Ticket(id, customerId, serialNumber, model, type, channel, priority, faultCategory,
                faultDescription, now, TicketStatus.OPEN, now, 0);
        ticket.newEntries.add(new TimelineEntry(now, TimelineEntry.OPENED, null, TicketStatus.OPEN, actor,
                "Opened via " + channel));
        return ticket;
    }

    /** Rebuilds a stored ticket. */
    public static Ticket restore(UUID id, UUID customerId, String serialNumber, String model, TicketType type,
                                 Channel channel, Priority priority, String faultCategory, String faultDescription,
                                 Instant openedAt, TicketStatus status, Instant updatedAt, long version) {
        return new Ticket(id, customerId, serialNumber, model, type, channel, priority, faultCategory,
                faultDescription, openedAt, status, updatedAt, version);
    }

    /**
     * Moves the ticket to {@code next}.
     *
     * @throws IllegalTransitionException when the lifecycle does not allow it
     */
    public void moveTo(TicketStatus next, String actor, String reason, Instant now) {
        if (!status.canMoveTo(next)) {
            throw new IllegalTransitionException(status, next);
        }
        newEntries.add(new TimelineEntry(now, TimelineEntry.STATUS_CHANGED, status, next, actor, reason));
        status = next;
        updatedAt = now;
    }

    /** Timeline entries added since the ticket was opened or restored, to be stored with it. */
    public List<TimelineEntry> newTimelineEntries() {
        return Collections.unmodifiableList(newEntries);
    }

    public UUID id() { return id; }
    public UUID customerId() { return customerId; }
    public String serialNumber() { return serialNumber; }
    public String model() { return model; }
    public TicketType type() { return type; }
    public Channel channel() { return channel; }
    public Priority priority() { return priority; }
    public String faultCategory() { return faultCategory; }
    public String faultDescription() { return faultDescription; }
    public Instant openedAt() { return openedAt; }
    public TicketStatus status() { return status; }
    public Instant updatedAt() { return updatedAt; }
    public long version() { return version; }
}
