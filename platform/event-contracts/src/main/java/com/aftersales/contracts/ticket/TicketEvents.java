package com.aftersales.contracts.ticket;

import com.aftersales.contracts.EventType;
import com.aftersales.contracts.Topics;
import com.aftersales.contracts.calendar.CalendarDayChanged;
import com.aftersales.contracts.customer.CustomerRegistered;
import com.aftersales.contracts.customer.CustomerUpdated;
import com.aftersales.contracts.product.ProductRegistered;
import com.aftersales.contracts.product.ProductUpdated;

import java.util.List;

/** Event types ticket-service publishes, all on {@link Topics#TICKETS}. */
public final class TicketEvents {

    public static final EventType<TicketOpened> TICKET_OPENED =
            new EventType<>("aftersales.ticket.opened.v1", Topics.TICKETS, TicketOpened.class);
    public static final EventType<TicketStatusChanged> TICKET_STATUS_CHANGED =
            new EventType<>("aftersales.ticket.status-changed.v1", Topics.TICKETS, TicketStatusChanged.class);
    public static final EventType<TicketAmended> TICKET_AMENDED =
            new EventType<>("aftersales.ticket.amended.v1", Topics.TICKETS, TicketAmended.class);
    public static final EventType<TicketChargeBasisCommunicated> TICKET_CHARGE_BASIS_COMMUNICATED =
            new EventType<>("aftersales.ticket.charge-basis-communicated.v1", Topics.TICKETS, TicketChargeBasisCommunicated.class);
    public static final EventType<TicketSlaWarning> TICKET_SLA_WARNING =
            new EventType<>("aftersales.ticket.sla-warning.v1", Topics.TICKETS, TicketSlaWarning.class);
    public static final EventType<TicketSlaBreached> TICKET_SLA_BREACHED =
            new EventType<>("aftersales.ticket.sla-breached.v1", Topics.TICKETS, TicketSlaBreached.class);
    public static final EventType<CustomerRegistered> CUSTOMER_REGISTERED =
            new EventType<>("aftersales.customer.registered.v1", Topics.TICKETS, CustomerRegistered.class);
    public static final EventType<CustomerUpdated> CUSTOMER_UPDATED =
            new EventType<>("aftersales.customer.updated.v1", Topics.TICKETS, CustomerUpdated.class);
    public static final EventType<ProductRegistered> PRODUCT_REGISTERED =
            new EventType<>("aftersales.product.registered.v1", Topics.TICKETS, ProductRegistered.class);
    public static final EventType<ProductUpdated> PRODUCT_UPDATED =
            new EventType<>("aftersales.product.updated.v1", Topics.TICKETS, ProductUpdated.class);

    /** The public calendar (holidays, make-up working days) changed; ticket-service owns it. Keyed by the date. */
    public static final EventType<CalendarDayChanged> CALENDAR_DAY_CHANGED =
            new EventType<>("aftersales.calendar.day-changed.v1", Topics.TICKETS, CalendarDayChanged.class);

    public static final List<EventType<?>> ALL = List.of(TICKET_OPENED, TICKET_STATUS_CHANGED, TICKET_AMENDED,
            TICKET_CHARGE_BASIS_COMMUNICATED, TICKET_SLA_WARNING, TICKET_SLA_BREACHED, CUSTOMER_REGISTERED,
            CUSTOMER_UPDATED, PRODUCT_REGISTERED, PRODUCT_UPDATED, CALENDAR_DAY_CHANGED);

    private TicketEvents() {
    }
}
