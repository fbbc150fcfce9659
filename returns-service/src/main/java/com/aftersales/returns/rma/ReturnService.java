package com.aftersales.returns.rma;

import com.aftersales.returns.shared.ReturnsMetrics;
import com.aftersales.contracts.returns.ExchangeShipped;
import com.aftersales.contracts.returns.InspectionCompleted;
import com.aftersales.contracts.returns.OutOfStockRegistered;
import com.aftersales.contracts.returns.RefundIssued;
import com.aftersales.contracts.returns.ReplacementArrived;
import com.aftersales.contracts.returns.ReturnDecided;
import com.aftersales.contracts.returns.ReturnReceived;
import com.aftersales.contracts.returns.ReturnRequested;
import com.aftersales.contracts.returns.ReturnStatusChanged;
import com.aftersales.contracts.returns.ReturnsEvents;
import com.aftersales.contracts.returns.UnitDisposed;
import com.aftersales.contracts.returns.UnitReadyForPickup;
import com.aftersales.contracts.returns.UnitShippedBack;
import com.aftersales.platform.outbox.EventPublisher;
import com.aftersales.platform.web.ProblemException;
import com.aftersales.platform.web.ProblemType;
import com.aftersales.returns.policy.PolicyDecisionView;
import com.aftersales.returns.policy.PolicyEvaluator;
import com.aftersales.returns.policy.ReturnPolicyEngine;
import com.aftersales.returns.policy.Remedy;
import com.aftersales.returns.policy.StoreTimeZones;
import com.aftersales.returns.ticketref.TicketReferences;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import com.aftersales.returns.policy.PolicyRule;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Use cases on returns. Each runs in one transaction with the events it publishes (outbox). */
@Service
public class ReturnService {

    private final ReturnRepository returns;
    private final TicketReferences ticketReferences;
    private final PolicyEvaluator evaluator;
    private final EventPublisher events;
    private final ReturnProperties properties;
    private final ReturnPolicyEngine policy;
    private final StoreTimeZones zones;
    private final FeeSchedule fees;
    private final Clock clock;
    private final MeterRegistry meters;

    ReturnService(ReturnRepository returns, TicketReferences ticketReferences, PolicyEvaluator evaluator, EventPublisher events, ReturnProperties properties,
                  ReturnPolicyEngine policy, StoreTimeZones zones, Clock clock, MeterRegistry meters) {
        this.returns = returns;
        this.ticketReferences = ticketReferences;
        this.evaluator = evaluator;
        this.events = events;
        this.properties = properties;
        this.policy = policy;
        this.zones = zones;
        this.fees = properties.feeSchedule();
        this.clock = clock;
        this.meters = meters;
    }

    /**
     * Who requests a return, from his token.
     *
     * @param label      how records name him
     * @param onlyStore  the store a STORE clerk is limited to, null for roles that see every store
     * @param supervisor whether he may set another request date (rule {@link RequestDateRule#SET_BY_SUPERVISOR})
     */
    public record Requester(String label, String onlyStore, boolean supervisor) {
    }

    /** Records a return decided by the policy; must run inside the caller's transaction (Idempotency-Key). */
    @Transactional(propagation = Propagation.MANDATORY)
    public ReturnOrder request(CreateReturnRequest body, Requester requester) {
        Instant now = now();
        // Decided on today at the store unless a supervisor dates it otherwise: the store (and so its day) comes from
        // the unit, so evaluate for today first.
        LocalDate asked = body.facts().requestDate();
        PolicyEvaluator.Evaluation evaluation = evaluator.evaluate(body.withRequestDate(null).facts(), requester.onlyStore());
        RequestDateRule.Outcome date = RequestDateRule.decide(asked, evaluation.facts().requestDate(), requester.supervisor(),
                requester.label(), body.requestDateReason(), now);
        if (date.override() != null) {
            evaluation = evaluator.evaluate(body.withRequestDate(date.requestDate()).facts(), requester.onlyStore());
        }
        if (body.ticketId() != null && requester.onlyStore() != null
                && !ticketReferences.storeOf(body.ticketId()).map(requester.onlyStore()::equals).orElse(false)) {
            // A clerk links a return only to his own store's tickets; another store's ticket is as unknown as a random id.
            throw ProblemException.notFound("ticket", body.ticketId());
        }
        var facts = evaluation.facts();
        var product = evaluation.product();
        ReturnOrder.Request request = new ReturnOrder.Request(
                product != null ? product.serialNumber() : null, evaluation.productId(),
                product != null ? product.customerId() : body.customerId(), facts.category(),
                product != null ? product.model() : body.model(), facts.channel(), evaluation.storeCode(),
                // The salesperson the request names, else the one who sold the unit (the rate per salesperson counts it).
                body.salespersonCode() != null && !body.salespersonCode().isBlank() ? body.salespersonCode()
                        : product != null ? product.salespersonCode() : null,
                body.reason(), facts.qualityFaultClaimed(), facts.shippingOrPickingError(),
                facts.salesOrderError(), facts.requestDate(), body.ticketId(), requester.onlyStore(), date.override());
        ReturnOrder order = ReturnOrder.request(UUID.randomUUID(), request, evaluation.view(),
                policy.settings().dealer().photoApprovalTime(), now);
        returns.insert(order);
        ReturnOrder.RequestDateOverride o = date.override();
        events.publish(ReturnsEvents.RETURN_REQUESTED, order.id().toString(), new ReturnRequested(order.id(),
                request.serialNumber(), request.productId(), request.customerId(), request.category(), request.channel().name(),
                request.storeCode(), request.salespersonCode(), request.qualityFaultClaimed(), request.reason(),
                request.requestDate(), now, request.ticketId(), request.requestedByStore(),
                o == null ? null : new ReturnRequested.RequestDateOverride(o.supervisor(), o.reason(), o.storeToday())));
        publishDecided(order, now);
        meters.counter(ReturnsMetrics.RETURNS_REQUESTED, "channel", request.channel().name(), "remedy", order.remedy().name())
                .increment();
        if (o != null) {
            meters.counter(ReturnsMetrics.REQUEST_DATES_SET_BY_SUPERVISOR).increment();
        }
        return order;
    }

    @Transactional(readOnly = true)
    public ReturnOrder get(UUID id) {
        return returns.find(id).orElseThrow(() -> ProblemException.notFound("return", id));
    }

    @Transactional(readOnly = true)
    public List<ReturnOrder> list(ReturnStatus status, String storeCode, Instant afterCreatedAt, UUID afterId,
                                  int limit) {
        return returns.list(status, storeCode, afterCreatedAt, afterId, limit);
    }

    @Transactional
    public ReturnOrder override(UUID id, String supervisor, Remedy remedy, String reason) {
        ReturnOrder order = load(id);
        ReturnStatus from = order.status();
        Instant now = now();
        order.overrideBy(supervisor, remedy, reason, now);
        returns.update(order);
        publishDecided(order, now);
        meters.counter(ReturnsMetrics.RETURNS_OVERRIDES, "remedy", remedy.name()).increment();
        publishMove(order, from);
        return order;
    }

    /** A dealer's photos reviewed: credit, price adjustment (in the policy's currency) or send back. */
    @Transactional
    public ReturnOrder decidePhotos(UUID id, ReturnOrder.PhotoOutcome outcome, String approver, BigDecimal priceAdjustment,
                                    String note) {
        ReturnOrder order = load(id);
        ReturnStatus from = order.status();
        Instant now = now();
        order.decidePhotos(outcome, approver, priceAdjustment, policy.settings().dealer().currency(), note, now);
        returns.update(order);
        publishDecided(order, now);
        publishMove(order, from);
        return order;
    }

    /**
     * The goods arrived. A dealer's goods may arrive unapproved (accepted on the purchasing manager's signature, else
     * sent back at the customer's freight) or damaged in transit (refused); the rule applied is published as a decision.
     */
    @Transactional
    public ReturnOrder receive(UUID id, ReturnOrder.Arrival arrival) {
        ReturnOrder order = load(id);
        ReturnStatus from = order.status();
        Instant now = now();
        PolicyRule applied = order.receiveDealerGoods(arrival, now);
        returns.update(order);
        if (order.status() == ReturnStatus.RECEIVED) {
            events.publish(ReturnsEvents.RETURN_RECEIVED, id.toString(), new ReturnReceived(id, order.request().serialNumber(),
                    arrival.condition(), arrival.receivedBy(), now));
        }
        if (applied != null) {
            publishDecided(order, now);
        }
        if (order.status() == ReturnStatus.SHIPPED_BACK) {
            events.publish(ReturnsEvents.UNIT_SHIPPED_BACK, id.toString(), new UnitShippedBack(id,
                    ReturnOrder.ShipBackReason.UNAPPROVED_RETURN.name(), arrival.carrier(), arrival.trackingNumber(), now));
        }
        publishMove(order, from);
        return order;
    }

    @Transactional
    public ReturnOrder inspect(UUID id, InspectionReport report) {
        ReturnOrder order = load(id);
        ReturnStatus from = order.status();
        Instant now = now();
        InspectionReport stamped = new InspectionReport(report.items(), report.faultConfirmed(), report.customerDamageFound(),
                report.factoryBatchFault(), report.inspector(), now);
        boolean contradicted = order.inspect(stamped, fees, now);
        returns.update(order);
        events.publish(ReturnsEvents.INSPECTION_COMPLETED, id.toString(), new InspectionCompleted(id,
                stamped.items().stream().map(i -> new InspectionCompleted.Item(i.area().name(), i.passed(), i.notes())).toList(),
                stamped.passed(), stamped.faultConfirmed(), stamped.customerDamageFound(), contradicted,
                order.fee() == null ? null : order.fee().amount(), order.fee() == null ? null : order.fee().currency(),
                order.freightPayer().name(), stamped.inspector(), now));
        meters.counter(ReturnsMetrics.INSPECTIONS, "result", stamped.passed() ? "pass" : "fail",
                "contradictsClaim", String.valueOf(contradicted)).increment();
        publishMove(order, from);
        return order;
    }

    @Transactional
    public ReturnOrder settleFee(UUID id, boolean accepted) {
        ReturnOrder order = load(id);
        ReturnStatus from = order.status();
        Instant now = now();
        order.settleFee(accepted, now);
        returns.update(order);
        if (!accepted) {
            events.publish(ReturnsEvents.UNIT_SHIPPED_BACK, id.toString(), new UnitShippedBack(id,
                    ReturnOrder.ShipBackReason.FEE_DECLINED.name(), null, null, now));
        }
        publishMove(order, from);
        return order;
    }

    @Transactional
    public ReturnOrder refund(UUID id, String reference) {
        ReturnOrder order = load(id);
        ReturnStatus from = order.status();
        Instant now = now();
        order.refund(reference, now);
        returns.update(order);
        events.publish(ReturnsEvents.REFUND_ISSUED, id.toString(), new RefundIssued(id, order.refund().creditPercent(),
                reference, now));
        publishMove(order, from);
        return order;
    }

    @Transactional
    public ReturnOrder shipExchange(UUID id, String replacementSerial, String carrier, String trackingNumber) {
        ReturnOrder order = load(id);
        ReturnStatus from = order.status();
        Instant now = now();
        order.shipExchange(replacementSerial, carrier, trackingNumber, now);
        returns.update(order);
        events.publish(ReturnsEvents.EXCHANGE_SHIPPED, id.toString(), new ExchangeShipped(id, replacementSerial, carrier,
                trackingNumber, now));
        publishMove(order, from);
        return order;
    }

    /** No replacement in stock: the customer is contacted again within the follow-up period, whatever the arrival date. */
    @Transactional
    public ReturnOrder registerOutOfStock(UUID id, LocalDate expectedArrival) {
        ReturnOrder order = load(id);
        ReturnStatus from = order.status();
        Instant now = now();
        LocalDate today = zones.dateAt(order.request().storeCode(), now);
        LocalDate followUp = today.plus(properties.outOfStock().followUpWithin());
        LocalDate contactBy = expectedArrival.isBefore(followUp) ? expectedArrival : followUp;
        order.registerOutOfStock(expectedArrival, contactBy,
                contactBy.atStartOfDay(zones.zoneOf(order.request().storeCode())).toInstant(), now);
        returns.update(order);
        events.publish(ReturnsEvents.OUT_OF_STOCK_REGISTERED, id.toString(), new OutOfStockRegistered(id,
                order.request().model(), expectedArrival, order.outOfStock().followUpDueDate(), now));
        publishMove(order, from);
        return order;
    }

    /**
     * A contact with the customer about the replacement out of stock. The next contact is due before the expected
     * arrival (the day before it, or the day itself when that is today or tomorrow) and within the follow-up period.
     */
    @Transactional
    public ReturnOrder stockContact(UUID id, ReturnOrder.StockContactOutcome outcome, LocalDate expectedArrival, String note,
                                    String by) {
        ReturnOrder order = load(id);
        Instant now = now();
        LocalDate today = zones.dateAt(order.request().storeCode(), now);
        if (expectedArrival != null && expectedArrival.isBefore(today)) {
            throw invalidField("expectedArrivalDate", "field.date-out-of-range", today, today.plusYears(1));
        }
        LocalDate expected = expectedArrival != null ? expectedArrival
                : order.outOfStock() == null ? today : order.outOfStock().expectedArrivalDate();
        LocalDate beforeArrival = expected.minusDays(1).isAfter(today) ? expected.minusDays(1) : expected.isAfter(today) ? expected
                : today.plusDays(1);
        LocalDate within = today.plus(properties.outOfStock().followUpWithin());
        LocalDate next = beforeArrival.isBefore(within) ? beforeArrival : within;
        order.stockContact(new ReturnOrder.StockContact(outcome, expectedArrival, note, by, now), next,
                next.atStartOfDay(zones.zoneOf(order.request().storeCode())).toInstant(), now);
        returns.update(order);
        meters.counter(ReturnsMetrics.STOCK_CONTACTS, "outcome", outcome.name()).increment();
        return order;
    }

    /** The replacement arrived: the customer is notified (ReplacementArrived), the exchange follows. */
    @Transactional
    public ReturnOrder replacementArrived(UUID id) {
        ReturnOrder order = load(id);
        Instant now = now();
        order.replacementArrived(now);
        returns.update(order);
        events.publish(ReturnsEvents.REPLACEMENT_ARRIVED, id.toString(), new ReplacementArrived(id, order.request().model(),
                order.request().storeCode(), now));
        return order;
    }

    @Transactional
    public ReturnOrder startRepair(UUID id) {
        ReturnOrder order = load(id);
        ReturnStatus from = order.status();
        order.startRepair(now());
        returns.update(order);
        publishMove(order, from);
        return order;
    }

    @Transactional
    public ReturnOrder repaired(UUID id) {
        ReturnOrder order = load(id);
        ReturnStatus from = order.status();
        order.repaired(now());
        returns.update(order);
        publishMove(order, from);
        return order;
    }

    /** QC's check of a repaired unit; a failed check sends it back to repair. */
    @Transactional
    public ReturnOrder checkRepair(UUID id, boolean passed, String inspector, String notes) {
        ReturnOrder order = load(id);
        ReturnStatus from = order.status();
        order.checkRepair(passed, inspector, notes, now());
        returns.update(order);
        meters.counter(ReturnsMetrics.REPAIR_CHECKS, "passed", Boolean.toString(passed)).increment();
        if (from != order.status()) {
            publishMove(order, from);
        }
        return order;
    }

    /** The unit cannot be repaired: escalated for a settlement (rule UNREPAIRABLE_ESCALATED). */
    @Transactional
    public ReturnOrder unrepairable(UUID id, String reason, String reportedBy) {
        ReturnOrder order = load(id);
        ReturnStatus from = order.status();
        order.unrepairable(reason, reportedBy, properties.repairs().settlementBy(), now());
        returns.update(order);
        meters.counter(ReturnsMetrics.UNREPAIRABLE).increment();
        publishMove(order, from);
        return order;
    }

    /** A supervisor's settlement of an unrepairable unit (rule SETTLEMENT_DECIDED). */
    @Transactional
    public ReturnOrder settle(UUID id, ReturnOrder.SettlementOutcome outcome, BigDecimal compensation, String supervisor,
                              String note) {
        ReturnOrder order = load(id);
        ReturnStatus from = order.status();
        Instant now = now();
        order.settle(outcome, compensation, properties.fees().currency(), supervisor, note, properties.pickup().reminderInterval(), now);
        returns.update(order);
        meters.counter(ReturnsMetrics.SETTLEMENTS, "outcome", outcome.name()).increment();
        if (order.status() == ReturnStatus.READY_FOR_PICKUP) {
            events.publish(ReturnsEvents.UNIT_READY_FOR_PICKUP, id.toString(), new UnitReadyForPickup(id,
                    order.request().serialNumber(), order.request().storeCode(), now));
        }
        publishMove(order, from);
        return order;
    }

    /** Rule REPAIR_CHECK_BEFORE_RETURN: a repaired unit goes back to the customer only after QC's check passed. */
    private void requireRepairChecked(ReturnOrder order) {
        if (properties.repairs().checkBeforeReturn() && order.status() == ReturnStatus.REPAIRED && !order.repairChecked()) {
            throw new ReturnRuleViolation(PolicyRule.REPAIR_CHECK_BEFORE_RETURN,
                    "The repair of return " + order.id() + " has not passed QC's check yet (POST /api/returns/" + order.id()
                            + "/repair-check)", order.id());
        }
    }

    @Transactional
    public ReturnOrder readyForPickup(UUID id) {
        ReturnOrder order = load(id);
        ReturnStatus from = order.status();
        requireRepairChecked(order);
        Instant now = now();
        order.readyForPickup(properties.pickup().reminderInterval(), now);
        returns.update(order);
        events.publish(ReturnsEvents.UNIT_READY_FOR_PICKUP, id.toString(), new UnitReadyForPickup(id,
                order.request().serialNumber(), order.request().storeCode(), now));
        publishMove(order, from);
        return order;
    }

    @Transactional
    public ReturnOrder collected(UUID id) {
        ReturnOrder order = load(id);
        ReturnStatus from = order.status();
        order.collected(now());
        returns.update(order);
        publishMove(order, from);
        return order;
    }

    /**
     * Posts the unit to the customer. After the last pick-up notice (AWAITING_POSTING) the post is the rule's outcome and
     * needs the carrier and tracking number; before it, it is the customer's request.
     */
    @Transactional
    public ReturnOrder shipBack(UUID id, String carrier, String trackingNumber) {
        ReturnOrder order = load(id);
        ReturnStatus from = order.status();
        Instant now = now();
        boolean notCollected = from == ReturnStatus.AWAITING_POSTING;
        requireRepairChecked(order);
        if (notCollected && (carrier == null || carrier.isBlank() || trackingNumber == null || trackingNumber.isBlank())) {
            throw invalidField(carrier == null || carrier.isBlank() ? "carrier" : "trackingNumber",
                    "returns.pickup.posting-details-required");
        }
        ReturnOrder.ShipBackReason reason = notCollected ? ReturnOrder.ShipBackReason.NOT_COLLECTED_AFTER_NOTICES
                : ReturnOrder.ShipBackReason.CUSTOMER_REQUEST;
        order.shipBack(reason, carrier, trackingNumber, now);
        returns.update(order);
        events.publish(ReturnsEvents.UNIT_SHIPPED_BACK, id.toString(), new UnitShippedBack(id, reason.name(), carrier,
                trackingNumber, now));
        if (notCollected) {
            meters.counter(ReturnsMetrics.PICKUP_SHIPPED_BACK).increment();
        }
        publishMove(order, from);
        return order;
    }

    /**
     * The customer gave a reason to collect later (rule PICKUP_HELD_BY_CUSTOMER): no notice and no posting before the
     * start of {@code until} at the store, at most {@code pickup.max-hold} ahead; a pending posting is called off.
     */
    @Transactional
    public ReturnOrder holdPickup(UUID id, String reason, LocalDate until, String recordedBy) {
        ReturnOrder order = load(id);
        ReturnStatus from = order.status();
        Instant now = now();
        LocalDate today = zones.dateAt(order.request().storeCode(), now);
        if (!until.isAfter(today) || until.isAfter(today.plus(properties.pickup().maxHold()))) {
            throw invalidField("until", "field.date-out-of-range", today.plusDays(1), today.plus(properties.pickup().maxHold()));
        }
        Instant endsAt = until.atStartOfDay(zones.zoneOf(order.request().storeCode())).toInstant();
        order.hold(new ReturnOrder.Hold(reason, until, endsAt, recordedBy, now), now);
        returns.update(order);
        meters.counter(ReturnsMetrics.PICKUP_HOLDS).increment();
        if (from != order.status()) {
            publishMove(order, from);
        }
        return order;
    }

    @Transactional
    public ReturnOrder dispose(UUID id, ReturnOrder.UnitDisposition disposition) {
        ReturnOrder order = load(id);
        ReturnStatus from = order.status();
        Instant now = now();
        order.dispose(disposition, now);
        returns.update(order);
        events.publish(ReturnsEvents.UNIT_DISPOSED, id.toString(), new UnitDisposed(id, order.request().serialNumber(),
                order.request().model(), disposition.name(), now));
        meters.counter(ReturnsMetrics.UNITS_DISPOSED, "disposition", disposition.name()).increment();
        publishMove(order, from);
        return order;
    }

    private ReturnOrder load(UUID id) {
        return returns.findForUpdate(id).orElseThrow(() -> ProblemException.notFound("return", id));
    }

    private static ProblemException invalidField(String field, String key, Object... arguments) {
        return new ProblemException(ProblemType.VALIDATION_FAILED.uri(), ProblemType.VALIDATION_FAILED.status(),
                ProblemType.VALIDATION_FAILED.title(), "1 field is invalid (" + field + ")", Map.of())
                .localized("detail.validation-failed", 1).fieldError(field, key, arguments);
    }

    /** Every move of a return is also published as such, after the event of the step that caused it. */
    private void publishMove(ReturnOrder order, ReturnStatus from) {
        if (order.status() != from) {
            events.publish(ReturnsEvents.RETURN_STATUS_CHANGED, order.id().toString(), new ReturnStatusChanged(order.id(),
                    from.name(), order.status().name(), order.remedy().name(), order.updatedAt(), order.request().ticketId(),
                    order.request().requestedByStore(), order.countsInReturnRate()));
            meters.counter(ReturnsMetrics.RETURNS_TRANSITIONS, "to", order.status().name()).increment();
        }
    }

    private void publishDecided(ReturnOrder order, Instant now) {
        PolicyDecisionView d = order.decision();
        ReturnOrder.Override o = order.override();
        List<PolicyDecisionView.Rule> rulings = order.rulings();
        PolicyDecisionView.Rule latest = rulings.isEmpty() ? null : rulings.get(rulings.size() - 1);
        List<ReturnDecided.RuleCitation> citations = new java.util.ArrayList<>(d.rules().stream()
                .map(r -> new ReturnDecided.RuleCitation(r.rule().name(), r.verdict().name(), r.detail())).toList());
        rulings.forEach(r -> citations.add(new ReturnDecided.RuleCitation(r.rule().name(), r.verdict().name(), r.detail())));
        String decidingRule = latest != null ? latest.rule().name() : o != null ? "SUPERVISOR_OVERRIDE" : d.decidingRule().name();
        String explanation = o == null ? d.explanation() : "Overridden by " + o.supervisor() + " to " + o.remedy() + ": "
                + o.reason() + " (automated: " + d.explanation() + ")";
        if (latest != null) {
            explanation = latest.detail() + " (" + d.explanation() + ")";
        }
        Integer credit = d.dealer() == null ? null : order.receipt() != null && order.receipt().creditPercent() != null
                ? order.receipt().creditPercent() : order.remedy().refundsMoney() ? d.dealer().creditPercent() : 0;
        events.publish(ReturnsEvents.RETURN_DECIDED, order.id().toString(), new ReturnDecided(order.id(), order.remedy().name(),
                decidingRule, d.policyVersion(), order.status().name(), citations,
                order.freightPayer().name(), order.freightRule().name(), credit,
                order.status() == ReturnStatus.REQUESTED && order.photoApprovalDueAt() != null,
                o == null ? null : new ReturnDecided.Override(o.supervisor(), o.reason(), o.automatedRemedy().name()),
                explanation, now, order.request().ticketId(), order.request().requestedByStore(), order.countsInReturnRate()));
    }

    /** Microseconds: what PostgreSQL keeps, so that a response and a later read agree. */
    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
