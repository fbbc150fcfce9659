package com.aftersales.returns.rma;

import com.aftersales.returns.policy.FreightPayer;
import com.aftersales.returns.policy.PolicyDecisionView;
import com.aftersales.returns.policy.PolicyRule;
import com.aftersales.returns.policy.PolicyTexts;
import com.aftersales.returns.policy.Remedy;
import com.aftersales.returns.policy.ReturnChannel;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

/**
 * One return (RMA) and its lifecycle rules. Plain Java: every step checks where the return stands and
 * what its remedy allows, and throws {@link IllegalReturnTransitionException} for a step out of order
 * (inspection before receipt, a second refund, a second exchange shipment...).
 */
public final class ReturnOrder {

    private static final Set<Remedy> REPAIRS = EnumSet.of(Remedy.FREE_REPAIR, Remedy.PAID_REPAIR);

    /** What the customer brought back and under which facts it was decided. */
    public record Request(String serialNumber, UUID productId, UUID customerId, String category, String model,
                          ReturnChannel channel, String storeCode, String salespersonCode, String reason,
                          boolean qualityFaultClaimed, boolean shippingOrPickingError, boolean salesOrderError,
                          LocalDate requestDate, UUID ticketId, String requestedByStore,
                          RequestDateOverride requestDateOverride) {
    }

    /**
     * A supervisor's request date other than the day of the request (rule {@link RequestDateRule#SET_BY_SUPERVISOR}).
     *
     * @param storeToday the day it really was at the store
     */
    public record RequestDateOverride(String supervisor, String reason, LocalDate storeToday, LocalDate requestDate,
                                      Instant at) {
    }

    public record Override(String supervisor, String reason, Remedy automatedRemedy, Remedy remedy, Instant at) {
    }

    /**
     * @param rule               for a dealer's goods that arrived without approval or damaged: the rule applied at receipt
     * @param purchasingManager  who signed for goods returned without approval
     * @param creditPercent      the credit of goods accepted on that signature (the shipment-date window's)
     */
    public record Receipt(String condition, String receivedBy, Instant at, PolicyRule rule, String purchasingManager,
                          Boolean damagedInTransit, Integer creditPercent) {

        public Receipt(String condition, String receivedBy, Instant at) {
            this(condition, receivedBy, at, null, null, null, null);
        }
    }

    /** A dealer's photos reviewed: credit (send the goods), price adjustment (the store keeps them), or send back (refused). */
    public record PhotoDecision(PhotoOutcome outcome, String approver, BigDecimal priceAdjustment, String currency, String note,
                                PolicyRule rule, Instant at) {
    }

    public enum PhotoOutcome { CREDIT, PRICE_ADJUSTMENT, SEND_BACK }

    /** What a dealer's goods were found like at receipt. */
    public record Arrival(String condition, String receivedBy, String purchasingManager, boolean damagedInTransit,
                          String carrier, String trackingNumber) {
    }

    public record Fee(BigDecimal amount, String currency, Boolean accepted) {
    }

    public record Refund(int creditPercent, String reference, Instant at) {
    }

    public record ExchangeShipment(String replacementSerialNumber, String carrier, String trackingNumber, Instant at) {
    }

    /**
     * @param expectedArrivalDate the latest date the customer was told
     * @param followUpDueDate     the next contact is due by this day
     * @param contacts            the contacts with the customer since, oldest first
     * @param arrivedAt           when the replacement arrived (the customer is notified)
     */
    public record OutOfStock(LocalDate expectedArrivalDate, LocalDate followUpDueDate, Instant at, List<StockContact> contacts,
                             Instant arrivedAt) {

        public OutOfStock(LocalDate expectedArrivalDate, LocalDate followUpDueDate, Instant at) {
            this(expectedArrivalDate, followUpDueDate, at, List.of(), null);
        }

        public OutOfStock {
            contacts = contacts == null ? List.of() : List.copyOf(contacts);
        }
    }

    /** A contact with the customer about a replacement out of stock. */
    public record StockContact(StockContactOutcome outcome, LocalDate expectedArrivalDate, String note, String by, Instant at) {
    }

    public enum StockContactOutcome {
        /** The customer was told (and accepted) the arrival date. */
        ARRIVAL_DATE_CONFIRMED,
        /** Still on order: the customer was told the (new) expected date. */
        STILL_ON_ORDER,
        /** Nobody answered; the contact is due again. */
        NOT_REACHED
    }

    /**
     * @param nextNoticeDueAt the next notice, or (after the last notice) when the unit is to be posted
     * @param hold            the customer's reason to collect later, while it runs
     */
    public record Pickup(Instant readyAt, int noticesSent, Instant nextNoticeDueAt, Instant collectedAt, Hold hold) {

        public Pickup(Instant readyAt, int noticesSent, Instant nextNoticeDueAt, Instant collectedAt) {
            this(readyAt, noticesSent, nextNoticeDueAt, collectedAt, null);
        }

        boolean heldAt(Instant now) {
            return hold != null && hold.endsAt().isAfter(now);
        }
    }

    /**
     * A customer's reason to collect later (rule {@link PolicyRule#PICKUP_HELD_BY_CUSTOMER}): no notice and no posting
     * before {@code until} (a day at the store); when it ends the customer gets one more notice.
     */
    public record Hold(String reason, LocalDate until, Instant endsAt, String recordedBy, Instant at) {
    }

    public record ShipBack(String reason, String carrier, String trackingNumber, Instant at) {
    }

    /** QC's check of a repaired unit before it goes back to the customer. */
    public record RepairCheck(boolean passed, String inspector, String notes, Instant at) {
    }

    /** What a supervisor settles for a unit that cannot be repaired. */
    public enum SettlementOutcome { EXCHANGE, REFUND, RETURN_WITH_COMPENSATION }

    /**
     * A unit found unrepairable and escalated ({@code reason}, {@code reportedBy}, {@code escalatedTo}), then settled by a
     * supervisor ({@code outcome} ... {@code decidedAt}, empty until then).
     */
    public record Settlement(String reason, String reportedBy, String escalatedTo, Instant reportedAt,
                             SettlementOutcome outcome, BigDecimal compensation, String currency, String supervisor,
                             String note, Instant decidedAt) {
    }

    public enum UnitDisposition { RESTOCKED, SCRAPPED }

    public enum ShipBackReason { NOT_COLLECTED_AFTER_NOTICES, FEE_DECLINED, CUSTOMER_REQUEST, UNAPPROVED_RETURN }

    /** What is due next on this return, and when; cleared once raised or when the return moves on. */
    public record FollowUp(FollowUpReason reason, Instant dueAt) {
    }

    public enum FollowUpReason { OUT_OF_STOCK_CONTACT, PHOTO_APPROVAL_OVERDUE, POSTING_DUE, SETTLEMENT_DUE }

    private final UUID id;
    private final Request request;
    private final Instant createdAt;
    private final long version;
    private ReturnStatus status;
    private Remedy remedy;
    private PolicyDecisionView decision;
    private FreightPayer freightPayer;
    private PolicyRule freightRule;
    private Instant photoApprovalDueAt;
    private PhotoDecision photoDecision;
    private List<PolicyDecisionView.Rule> rulings = new ArrayList<>();
    private Override override;
    private Receipt receipt;
    private InspectionReport inspection;
    private Fee fee;
    private Refund refund;
    private ExchangeShipment exchange;
    private OutOfStock outOfStock;
    private Pickup pickup;
    private ShipBack shipBack;
    private UnitDisposition disposition;
    private RepairCheck repairCheck;
    private Settlement settlement;
    private String ageingLevel;
    private String ageingResponsible;
    private FollowUp followUp;
    private Instant updatedAt;
    private Instant lastProgressAt;

    private ReturnOrder(UUID id, Request request, Instant createdAt, long version) {
        this.id = Objects.requireNonNull(id);
        this.request = Objects.requireNonNull(request);
        this.createdAt = createdAt;
        this.version = version;
    }

    /**
     * A new return, decided by the policy at once. A dealer's large item waits in REQUESTED for photo approval.
     */
    public static ReturnOrder request(UUID id, Request request, PolicyDecisionView decision, Duration photoApprovalTime, Instant now) {
        ReturnOrder order = new ReturnOrder(id, request, now, 0);
        order.decision = decision;
        order.remedy = decision.remedy();
        order.freightPayer = decision.freight().payer();
        order.freightRule = decision.freight().rule();
        boolean photos = decision.dealer() != null && decision.dealer().photoApprovalRequired();
        order.photoApprovalDueAt = photos ? now.plus(photoApprovalTime) : null;
        order.status = photos ? ReturnStatus.REQUESTED
                : decision.remedy() == Remedy.REJECTED ? ReturnStatus.REJECTED : ReturnStatus.AUTHORIZED;
        order.followUp = photos ? new FollowUp(FollowUpReason.PHOTO_APPROVAL_OVERDUE, order.photoApprovalDueAt) : null;
        order.updatedAt = now;
        order.lastProgressAt = now;
        return order;
    }

    /** Rebuilds a stored return; no rules run. */
    public static ReturnOrder restore(UUID id, Request request, Instant createdAt, long version, ReturnStatus status, Remedy remedy,
                                      PolicyDecisionView decision, FreightPayer freightPayer, PolicyRule freightRule,
                                      Instant photoApprovalDueAt, PhotoDecision photoDecision, List<PolicyDecisionView.Rule> rulings,
                                      Override override, Receipt receipt, InspectionReport inspection,
                                      Fee fee, Refund refund, ExchangeShipment exchange, OutOfStock outOfStock, Pickup pickup,
                                      ShipBack shipBack, RepairCheck repairCheck, Settlement settlement,
                                      UnitDisposition disposition, String ageingLevel, String ageingResponsible,
                                      FollowUp followUp,
                                      Instant updatedAt, Instant lastProgressAt) {
        ReturnOrder order = new ReturnOrder(id, request, createdAt, version);
        order.status = status;
        order.remedy = remedy;
        order.decision = decision;
        order.freightPayer = freightPayer;
        order.freightRule = freightRule;
        order.photoApprovalDueAt = photoApprovalDueAt;
        order.photoDecision = photoDecision;
        order.rulings = rulings == null ? new ArrayList<>() : new ArrayList<>(rulings);
        order.override = override;
        order.receipt = receipt;
        order.inspection = inspection;
        order.fee = fee;
        order.refund = refund;
        order.exchange = exchange;
        order.outOfStock = outOfStock;
        order.pickup = pickup;
        order.shipBack = shipBack;
        order.disposition = disposition;
        order.repairCheck = repairCheck;
        order.settlement = settlement;
        order.ageingLevel = ageingLevel;
        order.ageingResponsible = ageingResponsible;
        order.followUp = followUp;
        order.updatedAt = updatedAt;
        order.lastProgressAt = lastProgressAt;
        return order;
    }

    /**
     * A dealer's photos were reviewed: CREDIT authorizes the return (the goods are sent and credited on the decided
     * terms), PRICE_ADJUSTMENT closes it with the store keeping the goods at an adjusted price, SEND_BACK refuses it.
     */
    public void decidePhotos(PhotoOutcome outcome, String approver, BigDecimal priceAdjustment, String currency, String note,
                             Instant now) {
        ReturnStatus target = switch (outcome) {
            case CREDIT -> ReturnStatus.AUTHORIZED;
            case PRICE_ADJUSTMENT -> ReturnStatus.PRICE_ADJUSTED;
            case SEND_BACK -> ReturnStatus.REJECTED;
        };
        if (status != ReturnStatus.REQUESTED) {
            throw new IllegalReturnTransitionException(status, target,
                    "Return " + id + " is " + status + "; photo approval only applies to a requested return awaiting it");
        }
        PolicyRule rule = switch (outcome) {
            case CREDIT -> PolicyRule.DEALER_PHOTO_APPROVED_CREDIT;
            case PRICE_ADJUSTMENT -> PolicyRule.DEALER_PHOTO_PRICE_ADJUSTMENT;
            case SEND_BACK -> PolicyRule.DEALER_PHOTO_SEND_BACK;
        };
        List<String> args = switch (outcome) {
            case CREDIT -> List.of(approver, Integer.toString(decision.dealer().creditPercent()));
            case PRICE_ADJUSTMENT -> List.of(approver, priceAdjustment.toPlainString(), currency);
            case SEND_BACK -> List.of(approver);
        };
        photoDecision = new PhotoDecision(outcome, approver, priceAdjustment, currency, note, rule, now);
        rule(rule, args);
        photoApprovalDueAt = null;
        remedy = switch (outcome) {
            case CREDIT -> remedy;
            case PRICE_ADJUSTMENT -> Remedy.PRICE_ADJUSTMENT;
            case SEND_BACK -> Remedy.REJECTED;
        };
        moveTo(target, now);
    }

    /**
     * A dealer's goods arrived while the return was not authorized (photos not yet approved, or refused): accepted on the
     * purchasing manager's signature when the shipment date still allows a credit, else sent back at the customer's
     * freight. Goods damaged in transit are refused at receipt, whatever the return's state. Consumer returns are only
     * received when authorized.
     */
    public PolicyRule receiveDealerGoods(Arrival arrival, Instant now) {
        if (request.channel() != ReturnChannel.DEALER) {
            receive(arrival.condition(), arrival.receivedBy(), now);
            return null;
        }
        String day = now.toString().substring(0, 10);
        if (arrival.damagedInTransit()) {
            require(ReturnStatus.REFUSED_AT_RECEIPT, "goods are refused at receipt only before they are received");
            receipt = new Receipt(arrival.condition(), arrival.receivedBy(), now, PolicyRule.DEALER_TRANSIT_DAMAGE_REFUSED, null,
                    true, null);
            rule(PolicyRule.DEALER_TRANSIT_DAMAGE_REFUSED, List.of(day));
            photoApprovalDueAt = null;
            moveTo(ReturnStatus.REFUSED_AT_RECEIPT, now);
            return PolicyRule.DEALER_TRANSIT_DAMAGE_REFUSED;
        }
        if (status == ReturnStatus.AUTHORIZED) {
            receive(arrival.condition(), arrival.receivedBy(), now);
            return null;
        }
        if (status != ReturnStatus.REQUESTED && status != ReturnStatus.REJECTED) {
            require(ReturnStatus.RECEIVED, "the goods were already received or the return is closed");
        }
        int windowCredit = decision.dealer().windowCreditPercent() == null ? 0 : decision.dealer().windowCreditPercent();
        boolean signed = arrival.purchasingManager() != null && !arrival.purchasingManager().isBlank();
        if (signed && windowCredit > 0) {
            receipt = new Receipt(arrival.condition(), arrival.receivedBy(), now, PolicyRule.DEALER_UNAPPROVED_RETURN_SIGNED,
                    arrival.purchasingManager(), false, windowCredit);
            rule(PolicyRule.DEALER_UNAPPROVED_RETURN_SIGNED, List.of(day, arrival.purchasingManager(), Integer.toString(windowCredit)));
            remedy = Remedy.REFUND;
            photoApprovalDueAt = null;
            moveTo(ReturnStatus.RECEIVED, now);
            return PolicyRule.DEALER_UNAPPROVED_RETURN_SIGNED;
        }
        receipt = new Receipt(arrival.condition(), arrival.receivedBy(), now, PolicyRule.DEALER_UNAPPROVED_RETURN_SENT_BACK,
                null, false, null);
        rule(PolicyRule.DEALER_UNAPPROVED_RETURN_SENT_BACK, List.of(day));
        shipBack = new ShipBack(ShipBackReason.UNAPPROVED_RETURN.name(), arrival.carrier(), arrival.trackingNumber(), now);
        freightPayer = FreightPayer.CUSTOMER;
        freightRule = PolicyRule.DEALER_UNAPPROVED_RETURN_SENT_BACK;
        photoApprovalDueAt = null;
        remedy = Remedy.REJECTED;
        moveTo(ReturnStatus.SHIPPED_BACK, now);
        return PolicyRule.DEALER_UNAPPROVED_RETURN_SENT_BACK;
    }

    /** Records a rule applied after the decision, with its text's arguments (rendered in the reader's language). */
    private void rule(PolicyRule rule, List<String> args) {
        String key = "detail." + rule.name();
        rulings.add(new PolicyDecisionView.Rule(rule, com.aftersales.returns.policy.RuleOutcome.Verdict.FIRED, rule.description(),
                PolicyTexts.english(key, args), java.util.Set.of(), key, args));
    }

    /** A supervisor replaces the automated remedy, with a reason; allowed until the unit is received. */
    public void overrideBy(String supervisor, Remedy newRemedy, String reason, Instant now) {
        ReturnStatus target = newRemedy == Remedy.REJECTED ? ReturnStatus.REJECTED : ReturnStatus.AUTHORIZED;
        if (!status.canMoveTo(target)) {
            throw new IllegalReturnTransitionException(status, target, "Return " + id + " is " + status
                    + "; a decision can only be overridden before the unit is received");
        }
        Remedy automated = override == null ? decision.remedy() : override.automatedRemedy();
        override = new Override(supervisor, reason, automated, newRemedy, now);
        remedy = newRemedy;
        photoApprovalDueAt = null;
        moveTo(target, now);
    }

    public void receive(String condition, String receivedBy, Instant now) {
        if (status != ReturnStatus.AUTHORIZED) {
            throw new IllegalReturnTransitionException(status, ReturnStatus.RECEIVED,
                    "Return " + id + " is " + status + ": the unit can only be received for an authorized return");
        }
        receipt = new Receipt(condition, receivedBy, now);
        moveTo(ReturnStatus.RECEIVED, now);
    }

    /**
     * Records the inspection. When it contradicts the claim (no fault found for a claimed fault, damage by
     * the customer, or a no-reason return that cannot be resold) the case goes to fee negotiation, the
     * freight moves to the customer and the fee is computed from the schedule.
     *
     * @return whether the inspection contradicted the claim
     */
    public boolean inspect(InspectionReport report, FeeSchedule fees, Instant now) {
        ReturnStatus target = contradicts(report) ? ReturnStatus.FEE_NEGOTIATION : ReturnStatus.INSPECTED;
        require(target, "inspection needs the unit received first");
        inspection = report;
        if (target == ReturnStatus.FEE_NEGOTIATION) {
            freightPayer = FreightPayer.CUSTOMER;
            freightRule = PolicyRule.FREIGHT_CUSTOMER_OTHERWISE;
            fee = new Fee(fees.feeFor(report.failedAreas(), true), fees.currency(), null);
        }
        moveTo(target, now);
        return target == ReturnStatus.FEE_NEGOTIATION;
    }

    private boolean contradicts(InspectionReport report) {
        if (report.customerDamageFound()) {
            return true;
        }
        if (request.qualityFaultClaimed() && !report.faultConfirmed()) {
            return true;
        }
        return remedy == Remedy.NO_REASON_RETURN && !report.passed();
    }

    /** The customer accepted the fee (paid repair) or declined it (the unit goes back). */
    public void settleFee(boolean accepted, Instant now) {
        ReturnStatus target = accepted ? ReturnStatus.IN_REPAIR : ReturnStatus.SHIPPED_BACK;
        require(target, "a fee can only be settled while it is being negotiated");
        fee = new Fee(fee.amount(), fee.currency(), accepted);
        if (accepted) {
            remedy = Remedy.PAID_REPAIR;
        } else {
            shipBack = new ShipBack(ShipBackReason.FEE_DECLINED.name(), null, null, now);
        }
        moveTo(target, now);
    }

    public void refund(String reference, Instant now) {
        require(ReturnStatus.REFUNDED, "a refund is issued once, after inspection");
        if (!remedy.refundsMoney() && remedy != Remedy.EXCHANGE) {
            throw new IllegalReturnTransitionException(status, ReturnStatus.REFUNDED, "Return " + id + " has remedy " + remedy
                    + ", which refunds nothing");
        }
        if (remedy == Remedy.EXCHANGE && status != ReturnStatus.OUT_OF_STOCK) {
            throw new IllegalReturnTransitionException(status, ReturnStatus.REFUNDED, "Return " + id
                    + " is an exchange; it is refunded only when no replacement is in stock");
        }
        int credit = receipt != null && receipt.creditPercent() != null ? receipt.creditPercent()
                : decision.dealer() != null ? decision.dealer().creditPercent() : 100;
        refund = new Refund(credit, reference, now);
        moveTo(ReturnStatus.REFUNDED, now);
    }

    public void shipExchange(String replacementSerial, String carrier, String trackingNumber, Instant now) {
        require(ReturnStatus.EXCHANGE_SHIPPED, "a replacement is shipped once, after inspection");
        requireRemedy(ReturnStatus.EXCHANGE_SHIPPED, EnumSet.of(Remedy.EXCHANGE));
        exchange = new ExchangeShipment(replacementSerial, carrier, trackingNumber, now);
        moveTo(ReturnStatus.EXCHANGE_SHIPPED, now);
    }

    /** @param contactDueAt when the customer must be contacted again (the start of the follow-up day at the store) */
    public void registerOutOfStock(LocalDate expectedArrival, LocalDate followUpDue, Instant contactDueAt, Instant now) {
        require(ReturnStatus.OUT_OF_STOCK, "out of stock is registered for an inspected exchange");
        requireRemedy(ReturnStatus.OUT_OF_STOCK, EnumSet.of(Remedy.EXCHANGE));
        outOfStock = new OutOfStock(expectedArrival, followUpDue, now);
        moveTo(ReturnStatus.OUT_OF_STOCK, now);
        followUp = new FollowUp(FollowUpReason.OUT_OF_STOCK_CONTACT, contactDueAt);
    }

    /**
     * A contact with the customer about the replacement (rule {@link PolicyRule#OUT_OF_STOCK_CONTACT_AGAIN}): the expected
     * date it gave (if any) becomes the one the customer was told, and the next contact is due by {@code nextDue}.
     */
    public void stockContact(StockContact contact, LocalDate nextDue, Instant nextDueAt, Instant now) {
        if (status != ReturnStatus.OUT_OF_STOCK || outOfStock.arrivedAt() != null) {
            throw new IllegalReturnTransitionException(status, ReturnStatus.OUT_OF_STOCK, "Return " + id + " is " + status
                    + (status == ReturnStatus.OUT_OF_STOCK ? " and its replacement has arrived" : "")
                    + ": contacts about a replacement are recorded while it is out of stock");
        }
        List<StockContact> contacts = new ArrayList<>(outOfStock.contacts());
        contacts.add(contact);
        LocalDate expected = contact.expectedArrivalDate() == null ? outOfStock.expectedArrivalDate() : contact.expectedArrivalDate();
        outOfStock = new OutOfStock(expected, nextDue, outOfStock.at(), contacts, null);
        rule(PolicyRule.OUT_OF_STOCK_CONTACT_AGAIN, List.of(contact.by(), contact.at().toString().substring(0, 10),
                contact.outcome().name(), expected.toString(), nextDue.toString()));
        followUp = new FollowUp(FollowUpReason.OUT_OF_STOCK_CONTACT, nextDueAt);
        updatedAt = now;
        lastProgressAt = now;
    }

    /** The replacement arrived (rule {@link PolicyRule#OUT_OF_STOCK_ARRIVED_NOTIFY}); no more contacts are due. */
    public void replacementArrived(Instant now) {
        if (status != ReturnStatus.OUT_OF_STOCK || outOfStock.arrivedAt() != null) {
            throw new IllegalReturnTransitionException(status, ReturnStatus.EXCHANGE_SHIPPED, "Return " + id + " is " + status
                    + (status == ReturnStatus.OUT_OF_STOCK ? " and its replacement has already arrived" : "")
                    + ": only a replacement out of stock can arrive");
        }
        outOfStock = new OutOfStock(outOfStock.expectedArrivalDate(), outOfStock.followUpDueDate(), outOfStock.at(),
                outOfStock.contacts(), now);
        rule(PolicyRule.OUT_OF_STOCK_ARRIVED_NOTIFY, List.of(now.toString().substring(0, 10)));
        followUp = null;
        updatedAt = now;
        lastProgressAt = now;
    }

    /** The due follow-up was raised; it is not raised again. */
    public FollowUp followUpRaised(Instant now) {
        FollowUp raised = followUp;
        followUp = null;
        updatedAt = now;
        return raised;
    }

    public void startRepair(Instant now) {
        require(ReturnStatus.IN_REPAIR, "a repair starts after inspection");
        requireRemedy(ReturnStatus.IN_REPAIR, REPAIRS);
        moveTo(ReturnStatus.IN_REPAIR, now);
    }

    public void repaired(Instant now) {
        require(ReturnStatus.REPAIRED, "only a unit in repair can be repaired");
        repairCheck = null;
        moveTo(ReturnStatus.REPAIRED, now);
    }

    /**
     * QC checked the repaired unit: passed, it may go back to the customer; failed, it goes back to repair (rule
     * {@link PolicyRule#REPAIR_CHECK_FAILED}).
     */
    public void checkRepair(boolean passed, String inspector, String notes, Instant now) {
        if (status != ReturnStatus.REPAIRED) {
            throw new IllegalReturnTransitionException(status, passed ? ReturnStatus.REPAIRED : ReturnStatus.IN_REPAIR,
                    "Return " + id + " is " + status + ": QC checks a repair once the unit is repaired");
        }
        repairCheck = new RepairCheck(passed, inspector, notes, now);
        if (passed) {
            updatedAt = now;
            lastProgressAt = now;
        } else {
            rule(PolicyRule.REPAIR_CHECK_FAILED, List.of(inspector, now.toString().substring(0, 10), notes == null ? "-" : notes));
            moveTo(ReturnStatus.IN_REPAIR, now);
        }
    }

    /** Whether the unit may go back to the customer under rule {@link PolicyRule#REPAIR_CHECK_BEFORE_RETURN}. */
    public boolean repairChecked() {
        return repairCheck != null && repairCheck.passed();
    }

    /**
     * The unit cannot be repaired: escalated to {@code escalatedTo} for a settlement (rule
     * {@link PolicyRule#UNREPAIRABLE_ESCALATED}); a SETTLEMENT_DUE follow-up is raised at once.
     */
    public void unrepairable(String reason, String reportedBy, String escalatedTo, Instant now) {
        require(ReturnStatus.SETTLEMENT_PENDING, "only a unit in repair can be found unrepairable");
        settlement = new Settlement(reason, reportedBy, escalatedTo, now, null, null, null, null, null, null);
        rule(PolicyRule.UNREPAIRABLE_ESCALATED, List.of(reportedBy, now.toString().substring(0, 10), reason, escalatedTo));
        moveTo(ReturnStatus.SETTLEMENT_PENDING, now);
        followUp = new FollowUp(FollowUpReason.SETTLEMENT_DUE, now);
    }

    /**
     * A supervisor settles an unrepairable unit (rule {@link PolicyRule#SETTLEMENT_DECIDED}): EXCHANGE or REFUND
     * become the remedy and their steps follow (SETTLED); RETURN_WITH_COMPENSATION gives the unit back with the amount,
     * ready for pick-up at once (the first notice).
     */
    public void settle(SettlementOutcome outcome, BigDecimal compensation, String currency, String supervisor, String note,
                       Duration reminderInterval, Instant now) {
        ReturnStatus target = outcome == SettlementOutcome.RETURN_WITH_COMPENSATION ? ReturnStatus.READY_FOR_PICKUP
                : ReturnStatus.SETTLED;
        require(target, "a settlement is decided for a unit found unrepairable");
        settlement = new Settlement(settlement.reason(), settlement.reportedBy(), settlement.escalatedTo(), settlement.reportedAt(),
                outcome, compensation, compensation == null ? null : currency, supervisor, note, now);
        String amount = compensation == null ? "" : " " + compensation.toPlainString() + " " + currency;
        rule(PolicyRule.SETTLEMENT_DECIDED, List.of(supervisor, now.toString().substring(0, 10), outcome.name(), amount));
        switch (outcome) {
            case EXCHANGE -> remedy = Remedy.EXCHANGE;
            case REFUND -> remedy = Remedy.REFUND;
            case RETURN_WITH_COMPENSATION -> pickup = new Pickup(now, 1, now.plus(reminderInterval), null);
        }
        moveTo(target, now);
    }

    /** The repaired unit is at the store; the ready notice is the first notice. */
    public void readyForPickup(Duration reminderInterval, Instant now) {
        require(ReturnStatus.READY_FOR_PICKUP, "only a repaired unit can be ready for pick-up");
        if (status != ReturnStatus.REPAIRED) {
            throw new IllegalReturnTransitionException(status, ReturnStatus.READY_FOR_PICKUP,
                    "Return " + id + " is " + status + ": only a repaired unit can be ready for pick-up");
        }
        pickup = new Pickup(now, 1, now.plus(reminderInterval), null);
        moveTo(ReturnStatus.READY_FOR_PICKUP, now);
    }

    /**
     * A reminder is due when the next notice date has come and fewer than {@code maxNotices} were sent, or when the
     * customer's hold has ended (one more notice).
     */
    public boolean reminderDue(int maxNotices, Instant now) {
        return status == ReturnStatus.READY_FOR_PICKUP && !pickup.heldAt(now) && !pickup.nextNoticeDueAt().isAfter(now)
                && (pickup.noticesSent() < maxNotices || pickup.hold() != null);
    }

    /** After the last notice's interval without collection and without a reason to wait, the unit is to be posted. */
    public boolean postingDue(int maxNotices, Instant now) {
        return status == ReturnStatus.READY_FOR_PICKUP && pickup.hold() == null && pickup.noticesSent() >= maxNotices
                && !pickup.nextNoticeDueAt().isAfter(now);
    }

    /** @return the number of the notice sent */
    public int remind(Duration reminderInterval, Instant now) {
        if (status != ReturnStatus.READY_FOR_PICKUP) {
            throw new IllegalReturnTransitionException(status, ReturnStatus.READY_FOR_PICKUP, "no pick-up pending for return " + id);
        }
        // A notice sent when a hold ends closes the hold: the next step is posting, one interval later.
        pickup = new Pickup(pickup.readyAt(), pickup.noticesSent() + 1, now.plus(reminderInterval), null, null);
        updatedAt = now;
        return pickup.noticesSent();
    }

    /**
     * The last notice went unanswered: the store is to post the unit (rule {@link PolicyRule#PICKUP_NOT_COLLECTED_POST});
     * it is shipped back when the store records the carrier and tracking number.
     *
     * @param lastNoticeDay the day of the last notice at the store
     */
    public void awaitPosting(LocalDate lastNoticeDay, Instant now) {
        require(ReturnStatus.AWAITING_POSTING, "posting follows the last pick-up notice");
        rule(PolicyRule.PICKUP_NOT_COLLECTED_POST, List.of(Integer.toString(pickup.noticesSent()), lastNoticeDay.toString()));
        moveTo(ReturnStatus.AWAITING_POSTING, now);
        followUp = new FollowUp(FollowUpReason.POSTING_DUE, now);
    }

    /**
     * The customer gave a reason to collect later: no notice and no posting before {@code hold.endsAt()}; a posting not
     * yet done is called off.
     */
    public void hold(Hold hold, Instant now) {
        if (status != ReturnStatus.READY_FOR_PICKUP && status != ReturnStatus.AWAITING_POSTING) {
            throw new IllegalReturnTransitionException(status, ReturnStatus.READY_FOR_PICKUP,
                    "Return " + id + " is " + status + ": a customer can only ask to collect later while the unit waits at the store");
        }
        rule(PolicyRule.PICKUP_HELD_BY_CUSTOMER, List.of(hold.at().toString().substring(0, 10), hold.until().toString(), hold.reason()));
        pickup = new Pickup(pickup.readyAt(), pickup.noticesSent(), hold.endsAt(), null, hold);
        if (status == ReturnStatus.AWAITING_POSTING) {
            moveTo(ReturnStatus.READY_FOR_PICKUP, now);
        } else {
            updatedAt = now;
            lastProgressAt = now;
        }
    }

    public void collected(Instant now) {
        require(ReturnStatus.COLLECTED, "only a unit ready for pick-up can be collected");
        pickup = new Pickup(pickup.readyAt(), pickup.noticesSent(), pickup.nextNoticeDueAt(), now, null);
        moveTo(ReturnStatus.COLLECTED, now);
    }

    public void shipBack(ShipBackReason reason, String carrier, String trackingNumber, Instant now) {
        require(ReturnStatus.SHIPPED_BACK, "only a repaired unit (or one whose fee was declined) is shipped back");
        shipBack = new ShipBack(reason.name(), carrier, trackingNumber, now);
        moveTo(ReturnStatus.SHIPPED_BACK, now);
    }

    /**
     * What happens to the unit the company took back (refund or exchange): restocked (入库) if it passed
     * inspection, or scrapped. Once.
     */
    public void dispose(UnitDisposition value, Instant now) {
        boolean keptByCompany = inspection != null && (remedy.refundsMoney() || remedy == Remedy.EXCHANGE)
                && EnumSet.of(ReturnStatus.INSPECTED, ReturnStatus.SETTLED, ReturnStatus.REFUNDED, ReturnStatus.EXCHANGE_SHIPPED,
                ReturnStatus.OUT_OF_STOCK).contains(status);
        if (!keptByCompany || disposition != null || (value == UnitDisposition.RESTOCKED && !inspection.passed())) {
            throw new IllegalReturnTransitionException(status, status, "Return " + id + ": the unit can be restocked or scrapped "
                    + "once, after an inspection, when the company keeps it (refund or exchange); restocking needs a passed inspection");
        }
        disposition = value;
        updatedAt = now;
        lastProgressAt = now;
    }

    /**
     * The return-rate rule, owned here and published with every decision and move so that every figure of the rate
     * (returns-service's stats, feedback-service's KPI) counts the same returns: a consumer return that is not rejected,
     * not caused by a shipping or picking error and not a factory batch fault found at inspection.
     */
    public boolean countsInReturnRate() {
        return request.channel() == ReturnChannel.CONSUMER && status != ReturnStatus.REJECTED
                && !request.shippingOrPickingError() && !(inspection != null && inspection.factoryBatchFault());
    }

    /**
     * Records the ageing alert raised, so that each level is raised once per return (ageing counts from the goods'
     * arrival, so a step taken meanwhile does not restart it).
     *
     * @param responsible who an escalation names, else null
     */
    public void ageingAlerted(String level, String responsible, Instant now) {
        ageingLevel = level;
        if (responsible != null) {
            ageingResponsible = responsible;
        }
        updatedAt = now;
    }

    private void require(ReturnStatus target, String why) {
        if (!status.canMoveTo(target)) {
            throw new IllegalReturnTransitionException(status, target, "Return " + id + " is " + status + ": " + why);
        }
    }

    private void requireRemedy(ReturnStatus target, Set<Remedy> allowed) {
        if (!allowed.contains(remedy)) {
            throw new IllegalReturnTransitionException(status, target, "Return " + id + " has remedy " + remedy
                    + "; " + target + " needs one of " + allowed);
        }
    }

    private void moveTo(ReturnStatus next, Instant now) {
        status = next;
        followUp = null;
        updatedAt = now;
        lastProgressAt = now;
    }

    public UUID id() { return id; }
    public Request request() { return request; }
    public Instant createdAt() { return createdAt; }
    public long version() { return version; }
    public ReturnStatus status() { return status; }
    public Remedy remedy() { return remedy; }
    public PolicyDecisionView decision() { return decision; }
    public FreightPayer freightPayer() { return freightPayer; }
    public PolicyRule freightRule() { return freightRule; }
    public Instant photoApprovalDueAt() { return photoApprovalDueAt; }
    public PhotoDecision photoDecision() { return photoDecision; }
    /** Rules applied after the decision (photo review, receipt of a dealer's goods), in order. */
    public List<PolicyDecisionView.Rule> rulings() { return List.copyOf(rulings); }
    public Override override() { return override; }
    public Receipt receipt() { return receipt; }
    public InspectionReport inspection() { return inspection; }
    public Fee fee() { return fee; }
    public Refund refund() { return refund; }
    public ExchangeShipment exchange() { return exchange; }
    public OutOfStock outOfStock() { return outOfStock; }
    public Pickup pickup() { return pickup; }
    public ShipBack shipBack() { return shipBack; }
    public UnitDisposition disposition() { return disposition; }
    public RepairCheck repairCheck() { return repairCheck; }
    public Settlement settlement() { return settlement; }
    public String ageingLevel() { return ageingLevel; }
    /** Who the ageing escalation named (the store's returns manager), once escalated. */
    public String ageingResponsible() { return ageingResponsible; }
    public FollowUp followUp() { return followUp; }
    public Instant updatedAt() { return updatedAt; }
    public Instant lastProgressAt() { return lastProgressAt; }
}
