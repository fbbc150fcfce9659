package com.aftersales.contracts.returns;

import com.aftersales.contracts.EventType;
import com.aftersales.contracts.Topics;

import java.util.List;

/**
 * Event types returns-service publishes, on {@link Topics#RETURNS} keyed by return id (depot repair events
 * by the repair's return id, or its ticket id when it came from a ticket). Depot-bound events
 * ({@link #DEPOT_REPAIR_STATUS_CHANGED}, {@link #DEPOT_REPAIR_PROMISE_AT_RISK}) are also delivered, as the
 * same CloudEvent, to the depot's partner topic {@link Topics#partnerTopic(String)}.
 */
public final class ReturnsEvents {

    public static final EventType<ReturnRequested> RETURN_REQUESTED =
            new EventType<>("aftersales.return.requested.v1", Topics.RETURNS, ReturnRequested.class);
    public static final EventType<ReturnStatusChanged> RETURN_STATUS_CHANGED =
            new EventType<>("aftersales.return.status-changed.v1", Topics.RETURNS, ReturnStatusChanged.class);
    public static final EventType<ReturnDecided> RETURN_DECIDED =
            new EventType<>("aftersales.return.decided.v1", Topics.RETURNS, ReturnDecided.class);
    public static final EventType<ReturnReceived> RETURN_RECEIVED =
            new EventType<>("aftersales.return.received.v1", Topics.RETURNS, ReturnReceived.class);
    public static final EventType<InspectionCompleted> INSPECTION_COMPLETED =
            new EventType<>("aftersales.inspection.completed.v1", Topics.RETURNS, InspectionCompleted.class);
    public static final EventType<RefundIssued> REFUND_ISSUED =
            new EventType<>("aftersales.return.refund-issued.v1", Topics.RETURNS, RefundIssued.class);
    public static final EventType<ExchangeShipped> EXCHANGE_SHIPPED =
            new EventType<>("aftersales.return.exchange-shipped.v1", Topics.RETURNS, ExchangeShipped.class);
    public static final EventType<OutOfStockRegistered> OUT_OF_STOCK_REGISTERED =
            new EventType<>("aftersales.return.out-of-stock-registered.v1", Topics.RETURNS, OutOfStockRegistered.class);
    public static final EventType<ReplacementArrived> REPLACEMENT_ARRIVED =
            new EventType<>("aftersales.return.replacement-arrived.v1", Topics.RETURNS, ReplacementArrived.class);
    public static final EventType<UnitDisposed> UNIT_DISPOSED =
            new EventType<>("aftersales.return.unit-disposed.v1", Topics.RETURNS, UnitDisposed.class);
    public static final EventType<UnitReadyForPickup> UNIT_READY_FOR_PICKUP =
            new EventType<>("aftersales.return.unit-ready-for-pickup.v1", Topics.RETURNS, UnitReadyForPickup.class);
    public static final EventType<PickupReminderSent> PICKUP_REMINDER_SENT =
            new EventType<>("aftersales.return.pickup-reminder-sent.v1", Topics.RETURNS, PickupReminderSent.class);
    public static final EventType<UnitShippedBack> UNIT_SHIPPED_BACK =
            new EventType<>("aftersales.return.unit-shipped-back.v1", Topics.RETURNS, UnitShippedBack.class);
    public static final EventType<ReturnAgeingAlert> RETURN_AGEING_ALERT =
            new EventType<>("aftersales.return.ageing-alert.v1", Topics.RETURNS, ReturnAgeingAlert.class);
    public static final EventType<ReturnFollowUpDue> RETURN_FOLLOW_UP_DUE =
            new EventType<>("aftersales.return.follow-up-due.v1", Topics.RETURNS, ReturnFollowUpDue.class);
    public static final EventType<DepotRepairStatusChanged> DEPOT_REPAIR_STATUS_CHANGED =
            new EventType<>("aftersales.depot-repair.status-changed.v1", Topics.RETURNS, DepotRepairStatusChanged.class);
    public static final EventType<DepotRepairPromiseAtRisk> DEPOT_REPAIR_PROMISE_AT_RISK =
            new EventType<>("aftersales.depot-repair.promise-at-risk.v1", Topics.RETURNS, DepotRepairPromiseAtRisk.class);

    public static final List<EventType<?>> ALL = List.of(RETURN_REQUESTED, RETURN_DECIDED, RETURN_STATUS_CHANGED, RETURN_RECEIVED,
            INSPECTION_COMPLETED, REFUND_ISSUED, EXCHANGE_SHIPPED, OUT_OF_STOCK_REGISTERED, REPLACEMENT_ARRIVED, UNIT_DISPOSED,
            UNIT_READY_FOR_PICKUP,
            PICKUP_REMINDER_SENT, UNIT_SHIPPED_BACK, RETURN_AGEING_ALERT, RETURN_FOLLOW_UP_DUE, DEPOT_REPAIR_STATUS_CHANGED,
            DEPOT_REPAIR_PROMISE_AT_RISK);

    /** Types that are also delivered to the partner topic of the depot they concern. */
    public static final List<EventType<?>> PARTNER_BOUND = List.of(DEPOT_REPAIR_STATUS_CHANGED, DEPOT_REPAIR_PROMISE_AT_RISK);

    private ReturnsEvents() {
    }
}
