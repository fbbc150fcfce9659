package com.aftersales.feedback.notification;

import com.aftersales.contracts.EventEnvelope;
import com.aftersales.contracts.Topics;
import com.aftersales.contracts.dispatch.DispatchEvents;
import com.aftersales.contracts.dispatch.VisitScheduled;
import com.aftersales.contracts.returns.DepotRepairPromiseAtRisk;
import com.aftersales.contracts.returns.ReplacementArrived;
import com.aftersales.feedback.followup.FollowUpTasks;
import com.aftersales.contracts.returns.OutOfStockRegistered;
import com.aftersales.contracts.returns.PickupReminderSent;
import com.aftersales.contracts.returns.ReturnRequested;
import com.aftersales.contracts.returns.ReturnsEvents;
import com.aftersales.contracts.returns.UnitReadyForPickup;
import com.aftersales.contracts.returns.UnitShippedBack;
import com.aftersales.contracts.ticket.TicketEvents;
import com.aftersales.contracts.ticket.TicketOpened;
import com.aftersales.platform.inbox.EventHandlers;
import com.aftersales.platform.inbox.InboundEventProcessor;
import com.aftersales.platform.kafka.KafkaPlatformConfiguration;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Turns the customer-facing events of the other services into notices: dispatch's appointment windows, returns'
 * pick-up notices and reminders, shipping back, out-of-stock registration and its follow-up, a depot repair's
 * promise at risk. Remembers whose ticket and return each is (TicketOpened, ReturnRequested); a dealer's return
 * (no consumer) makes no notice. Its own consumer group reads every partition of the three topics.
 */
@Component
class NotificationEventsListener {

    static final String GROUP = "feedback-service.notifications";
    /** The return-follow-up-due reason of the out-of-stock contact promised to the customer. */
    static final String OUT_OF_STOCK_CONTACT = "OUT_OF_STOCK_CONTACT";
    private static final Logger log = LoggerFactory.getLogger(NotificationEventsListener.class);
    private static final String NONE = "—";

    private final InboundEventProcessor inbound;
    private final NotificationRepository refs;
    private final NotificationService notifications;
    private final EventHandlers handlers;
    private final FollowUpTasks tasks;

    NotificationEventsListener(InboundEventProcessor inbound, NotificationRepository refs, NotificationService notifications,
                               FollowUpTasks tasks) {
        this.inbound = inbound;
        this.tasks = tasks;
        this.refs = refs;
        this.notifications = notifications;
        this.handlers = EventHandlers.builder()
                .on(TicketEvents.TICKET_OPENED, e -> {
                    TicketOpened t = e.data();
                    refs.rememberTicket(t.ticketId(), t.customerId());
                })
                .on(DispatchEvents.VISIT_SCHEDULED, e -> {
                    VisitScheduled s = e.data();
                    notifications.request(s.rescheduled() ? NoticeType.APPOINTMENT_RESCHEDULED : NoticeType.APPOINTMENT_CONFIRMED,
                            e.id().toString(), null, s.ticketId(), null, Map.of("windowStart", s.windowStart().toString(),
                                    "windowEnd", s.windowEnd().toString(), "ticketRef", ticketRef(s.ticketId())));
                })
                .on(ReturnsEvents.RETURN_REQUESTED, e -> {
                    ReturnRequested r = e.data();
                    refs.rememberReturn(r.returnId(), r.customerId(), r.ticketId(), r.channel());
                })
                .on(ReturnsEvents.UNIT_READY_FOR_PICKUP, e -> {
                    UnitReadyForPickup u = e.data();
                    forReturn(e, NoticeType.PICKUP_READY, u.returnId(), null, Map.of("serialNumber", orNone(u.serialNumber()),
                            "storeCode", orNone(u.storeCode())));
                })
                .on(ReturnsEvents.PICKUP_REMINDER_SENT, e -> {
                    PickupReminderSent p = e.data();
                    forReturn(e, NoticeType.PICKUP_REMINDER, p.returnId(), null, Map.of(
                            "noticeNumber", Integer.toString(p.noticeNumber()),
                            "noticesBeforeShipBack", Integer.toString(p.noticesBeforeShipBack())));
                })
                .on(ReturnsEvents.UNIT_SHIPPED_BACK, e -> {
                    UnitShippedBack u = e.data();
                    forReturn(e, NoticeType.UNIT_SHIPPED_BACK, u.returnId(), null, Map.of("carrier", orNone(u.carrier()),
                            "trackingNumber", orNone(u.trackingNumber())));
                })
                .on(ReturnsEvents.OUT_OF_STOCK_REGISTERED, e -> {
                    OutOfStockRegistered o = e.data();
                    forReturn(e, NoticeType.OUT_OF_STOCK_REGISTERED, o.returnId(), null, Map.of("model", orNone(o.model()),
                            "expectedArrivalDate", o.expectedArrivalDate().toString(),
                            "followUpDueDate", o.followUpDueDate().toString()));
                })
                .on(ReturnsEvents.REPLACEMENT_ARRIVED, e -> {
                    ReplacementArrived a = e.data();
                    forReturn(e, NoticeType.REPLACEMENT_ARRIVED, a.returnId(), null, Map.of("model", orNone(a.model()),
                            "storeCode", orNone(a.storeCode())));
                })
                .on(ReturnsEvents.RETURN_FOLLOW_UP_DUE, due -> OUT_OF_STOCK_CONTACT.equals(due.reason()),
                        e -> forReturn(e, NoticeType.OUT_OF_STOCK_FOLLOW_UP, e.data().returnId(), null, Map.of()))
                .on(ReturnsEvents.DEPOT_REPAIR_PROMISE_AT_RISK, e -> {
                    DepotRepairPromiseAtRisk r = e.data();
                    Map<String, String> values = Map.of("promisedBy", r.promisedBy().toString());
                    if (r.returnId() != null) {
                        forReturn(e, NoticeType.REPAIR_DELAYED, r.returnId(), r.ticketId(), values);
                    } else if (r.ticketId() != null) {
                        notifications.request(NoticeType.REPAIR_DELAYED, e.id().toString(), null, r.ticketId(), null, values);
                    }
                    // A notice is not a conversation: someone calls the customer about the delay before the promised day.
                    Optional<UUID> customer = r.returnId() == null ? Optional.empty()
                            : refs.returnRef(r.returnId()).map(NotificationRepository.ReturnRef::customerId);
                    if (customer.isEmpty() && r.ticketId() != null) {
                        customer = refs.customerOfTicket(r.ticketId());
                    }
                    customer.ifPresent(c -> tasks.create(c, FollowUpTasks.REPAIR_DELAY_CALL, r.repairId().toString(),
                            "Depot repair " + r.repairId() + " at " + r.depotCode() + " will probably miss " + r.promisedBy()
                                    + " (" + r.status() + ", " + r.daysLeft() + " days left): call the customer with a new date",
                            r.raisedAt(), r.raisedAt()));
                })
                .build();
    }

    /**
     * A poll at a time, in one transaction (see {@link InboundEventProcessor#processBatch}): one inbox marker and one
     * commit per poll instead of per event, for a consumer that sees every ticket opened. Notices are only recorded
     * here (delivered by {@link NotificationJobs}), so a batch that rolls back sends nothing.
     */
    @KafkaListener(topics = {Topics.TICKETS, Topics.DISPATCH, Topics.RETURNS}, groupId = GROUP,
            containerFactory = KafkaPlatformConfiguration.BATCH_LISTENER_FACTORY)
    void on(List<ConsumerRecord<String, byte[]>> records) {
        inbound.processBatch(records, handlers);
    }

    /** A notice about a return: to its consumer; a dealer's return (no customer) makes none. */
    private void forReturn(EventEnvelope<?> event, NoticeType type, UUID returnId, UUID ticketId, Map<String, String> values) {
        Optional<NotificationRepository.ReturnRef> ref = refs.returnRef(returnId);
        if (ref.isPresent() && ref.get().customerId() == null) {
            log.debug("No {} notice for return {}: a {} return has no consumer to notify", type, returnId, ref.get().channel());
            return;
        }
        notifications.request(type, event.id().toString(), ref.map(NotificationRepository.ReturnRef::customerId).orElse(null),
                ref.map(NotificationRepository.ReturnRef::ticketId).orElse(ticketId), returnId, values);
    }

    /** The short reference a customer can quote on the phone: the first 8 characters of the ticket id. */
    static String ticketRef(UUID ticketId) {
        return ticketId.toString().substring(0, 8).toUpperCase(Locale.ROOT);
    }

    private static String orNone(String value) {
        return value == null || value.isBlank() ? NONE : value;
    }
}
