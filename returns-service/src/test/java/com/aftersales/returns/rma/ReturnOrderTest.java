package com.aftersales.returns.rma;

import com.aftersales.returns.policy.CaseFacts;
import com.aftersales.returns.policy.CategoryPolicy;
import com.aftersales.returns.policy.DealerPolicy;
import com.aftersales.returns.policy.FreightPayer;
import com.aftersales.returns.policy.PolicyDecisionView;
import com.aftersales.returns.policy.PolicyRule;
import com.aftersales.returns.policy.PolicySettings;
import com.aftersales.returns.policy.Remedy;
import com.aftersales.returns.policy.ReturnChannel;
import com.aftersales.returns.policy.ReturnPolicyEngine;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The RMA lifecycle rules without Spring or a database. */
class ReturnOrderTest {

    private static final Instant NOW = Instant.parse("2026-03-20T02:00:00Z");
    private static final LocalDate BOUGHT = LocalDate.of(2026, 3, 1);
    private static final FeeSchedule FEES = new FeeSchedule("CNY", new BigDecimal("30.00"),
            Map.of(InspectionReport.Area.APPEARANCE, new BigDecimal("80.00"), InspectionReport.Area.PACKAGING, new BigDecimal("20.00")),
            new BigDecimal("25.00"));
    private final ReturnPolicyEngine engine = new ReturnPolicyEngine(new PolicySettings("t",
            new CategoryPolicy(PolicySettings.DEFAULT_CATEGORY, "t", 7, 15, 30, Set.of(), false),
            Map.of("SOFA", new CategoryPolicy("SOFA", "t", 7, 15, 30, Set.of(), true)),
            new DealerPolicy(Period.ofMonths(3), 80, Period.ofMonths(6), Duration.ofHours(24), "CNY",
                new java.math.BigDecimal("5.00"), 20, java.util.Set.of(), java.util.Set.of(PolicyRule.DEALER_EXCLUSION_SPECIAL_PRICE,
                PolicyRule.DEALER_EXCLUSION_CUSTOM_MADE, PolicyRule.DEALER_EXCLUSION_SEASONAL, PolicyRule.DEALER_EXCLUSION_DISCONTINUED)),
            com.aftersales.contracts.warranty.WarrantyTerms.bundled()));

    private ReturnOrder order(CaseFacts facts) {
        PolicyDecisionView decision = PolicyDecisionView.of(engine.evaluate(facts), null, "SN1");
        ReturnOrder.Request request = new ReturnOrder.Request("SN1", null, null, facts.category(), "M", facts.channel(), "S1",
                "SP", "r", facts.qualityFaultClaimed(), false, false, facts.requestDate(), null, null, null);
        return ReturnOrder.request(UUID.randomUUID(), request, decision, Duration.ofHours(24), NOW);
    }

    private static InspectionReport report(boolean faultConfirmed, boolean damage, InspectionReport.Area... failed) {
        List<InspectionReport.Item> items = java.util.Arrays.stream(InspectionReport.Area.values())
                .map(a -> new InspectionReport.Item(a, !List.of(failed).contains(a), null)).toList();
        return new InspectionReport(items, faultConfirmed, damage, false, "qc", NOW);
    }

    @Test
    void aQualityFaultRefundGoesThroughReceiptAndInspectionToOneRefund() {
        ReturnOrder order = order(CaseFacts.consumer("KETTLE", BOUGHT, BOUGHT.plusDays(10)).withQualityFault(true));
        assertThat(order.status()).isEqualTo(ReturnStatus.AUTHORIZED);

        assertThatThrownBy(() -> order.inspect(report(true, false), FEES, NOW)).isInstanceOf(IllegalReturnTransitionException.class);
        order.receive("ok", "clerk", NOW);
        assertThat(order.inspect(report(true, false, InspectionReport.Area.FUNCTION), FEES, NOW)).isFalse();
        order.refund("POS-1", NOW);

        assertThat(order.status()).isEqualTo(ReturnStatus.REFUNDED);
        assertThat(order.refund().creditPercent()).isEqualTo(100);
        assertThatThrownBy(() -> order.refund("POS-2", NOW)).isInstanceOf(IllegalReturnTransitionException.class)
                .satisfies(e -> assertThat(((IllegalReturnTransitionException) e).allowed()).isEmpty());
    }

    @Test
    void noFaultFoundMovesTheFreightToTheCustomerAndComputesTheFee() {
        ReturnOrder order = order(CaseFacts.consumer("KETTLE", BOUGHT, BOUGHT.plusDays(40)).withQualityFault(true));
        order.receive("scratched", "clerk", NOW);

        boolean contradicted = order.inspect(report(false, false, InspectionReport.Area.APPEARANCE, InspectionReport.Area.PACKAGING),
                FEES, NOW);

        assertThat(contradicted).isTrue();
        assertThat(order.status()).isEqualTo(ReturnStatus.FEE_NEGOTIATION);
        assertThat(order.freightPayer()).isEqualTo(FreightPayer.CUSTOMER);
        assertThat(order.fee().amount()).isEqualByComparingTo("155.00");
        order.settleFee(false, NOW);
        assertThat(order.status()).isEqualTo(ReturnStatus.SHIPPED_BACK);
        assertThat(order.shipBack().reason()).isEqualTo("FEE_DECLINED");
    }

    @Test
    void aNoReasonReturnThatCannotBeResoldContradictsTheClaim() {
        ReturnOrder order = order(CaseFacts.consumer("KETTLE", BOUGHT, BOUGHT.plusDays(3)));
        order.receive("opened", "clerk", NOW);
        assertThat(order.inspect(report(false, false, InspectionReport.Area.PACKAGING), FEES, NOW)).isTrue();
    }

    @Test
    void anExchangeShipsOnceAndCannotBeRefundedUnlessOutOfStock() {
        ReturnOrder order = order(CaseFacts.consumer("KETTLE", BOUGHT, BOUGHT.plusDays(20)).withQualityFault(true));
        order.receive("ok", "clerk", NOW);
        order.inspect(report(true, false, InspectionReport.Area.FUNCTION), FEES, NOW);

        assertThatThrownBy(() -> order.refund(null, NOW)).isInstanceOf(IllegalReturnTransitionException.class);
        assertThatThrownBy(() -> order.startRepair(NOW)).isInstanceOf(IllegalReturnTransitionException.class);
        Instant contactDue = Instant.parse("2026-03-26T16:00:00Z");
        order.registerOutOfStock(LocalDate.of(2026, 4, 1), LocalDate.of(2026, 3, 27), contactDue, NOW);
        assertThat(order.followUp()).isEqualTo(new ReturnOrder.FollowUp(ReturnOrder.FollowUpReason.OUT_OF_STOCK_CONTACT, contactDue));
        order.shipExchange("SN2", null, null, NOW);
        assertThat(order.followUp()).as("moving on clears what was due").isNull();
        assertThatThrownBy(() -> order.shipExchange("SN3", null, null, NOW)).isInstanceOf(IllegalReturnTransitionException.class);
        order.dispose(ReturnOrder.UnitDisposition.SCRAPPED, NOW);
        assertThat(order.disposition()).isEqualTo(ReturnOrder.UnitDisposition.SCRAPPED);
    }

    @Test
    void theOverrideKeepsTheAutomatedRemedyAndIsOnlyAllowedBeforeReceipt() {
        ReturnOrder order = order(CaseFacts.consumer("KETTLE", BOUGHT, BOUGHT.plusDays(20)));
        assertThat(order.status()).isEqualTo(ReturnStatus.REJECTED);

        order.overrideBy("sup", Remedy.REFUND, "goodwill", NOW);
        order.overrideBy("sup2", Remedy.EXCHANGE, "customer prefers a new one", NOW);

        assertThat(order.status()).isEqualTo(ReturnStatus.AUTHORIZED);
        assertThat(order.override().automatedRemedy()).isEqualTo(Remedy.REJECTED);
        assertThat(order.override().supervisor()).isEqualTo("sup2");
        order.receive("ok", "clerk", NOW);
        assertThatThrownBy(() -> order.overrideBy("sup", Remedy.REJECTED, "no", NOW))
                .isInstanceOf(IllegalReturnTransitionException.class);
    }

    @Test
    void aDealersLargeItemWaitsForPhotoApprovalWithinTheApprovalTime() {
        ReturnOrder order = order(CaseFacts.dealer("SOFA", BOUGHT, BOUGHT.plusDays(100)).withChannel(ReturnChannel.DEALER));

        assertThat(order.status()).isEqualTo(ReturnStatus.REQUESTED);
        assertThat(order.photoApprovalDueAt()).isEqualTo(NOW.plus(Duration.ofHours(24)));
        assertThat(order.followUp().reason()).isEqualTo(ReturnOrder.FollowUpReason.PHOTO_APPROVAL_OVERDUE);
        assertThat(order.decision().dealer().creditPercent()).isEqualTo(80);
        order.decidePhotos(ReturnOrder.PhotoOutcome.CREDIT, "qc", null, "CNY", null, NOW);
        assertThat(order.status()).isEqualTo(ReturnStatus.AUTHORIZED);
        assertThatThrownBy(() -> order.decidePhotos(ReturnOrder.PhotoOutcome.SEND_BACK, "qc", null, "CNY", null, NOW)).isInstanceOf(IllegalReturnTransitionException.class);
    }

    @org.junit.jupiter.params.ParameterizedTest(name = "[{index}] {0}")
    @org.junit.jupiter.params.provider.CsvSource(delimiter = '|', textBlock = """
            # case                                          | category | shipped days ago | photo outcome | signed by | damaged | status             | remedy           | rule                               | freight
            photos approved: credit                         | SOFA     | 10               | CREDIT        | -         | false   | AUTHORIZED         | REFUND           | DEALER_PHOTO_APPROVED_CREDIT       | FREIGHT_CUSTOMER_OTHERWISE
            photos reviewed: price adjustment               | SOFA     | 10               | PRICE         | -         | false   | PRICE_ADJUSTED     | PRICE_ADJUSTMENT | DEALER_PHOTO_PRICE_ADJUSTMENT      | FREIGHT_CUSTOMER_OTHERWISE
            photos reviewed: send back                      | SOFA     | 10               | SEND_BACK     | -         | false   | REJECTED           | REJECTED         | DEALER_PHOTO_SEND_BACK             | FREIGHT_CUSTOMER_OTHERWISE
            arrived before approval, signed                 | SOFA     | 10               | -             | qian      | false   | RECEIVED           | REFUND           | DEALER_UNAPPROVED_RETURN_SIGNED    | FREIGHT_CUSTOMER_OTHERWISE
            arrived before approval, unsigned               | SOFA     | 10               | -             | -         | false   | SHIPPED_BACK       | REJECTED         | DEALER_UNAPPROVED_RETURN_SENT_BACK | DEALER_UNAPPROVED_RETURN_SENT_BACK
            arrived after a refusal (after 6 months), signed| KETTLE   | 200              | -             | qian      | false   | SHIPPED_BACK       | REJECTED         | DEALER_UNAPPROVED_RETURN_SENT_BACK | DEALER_UNAPPROVED_RETURN_SENT_BACK
            authorized, damaged in transit                  | KETTLE   | 10               | -             | -         | true    | REFUSED_AT_RECEIPT | REFUND           | DEALER_TRANSIT_DAMAGE_REFUSED      | FREIGHT_CUSTOMER_OTHERWISE
            awaiting photos, damaged in transit             | SOFA     | 10               | -             | qian      | true    | REFUSED_AT_RECEIPT | REFUND           | DEALER_TRANSIT_DAMAGE_REFUSED      | FREIGHT_CUSTOMER_OTHERWISE
            """)
    void aDealersPhotoReviewAndArrivalApplyTheirNamedRule(String name, String category, int shippedDaysAgo, String photo,
                                                          String signedBy, boolean damaged, ReturnStatus status, Remedy remedy,
                                                          PolicyRule rule, PolicyRule freight) {
        LocalDate today = LocalDate.of(2026, 9, 20);
        ReturnOrder order = order(CaseFacts.dealer(category, today.minusDays(shippedDaysAgo), today));
        if (!photo.equals("-")) {
            order.decidePhotos(photo.equals("PRICE") ? ReturnOrder.PhotoOutcome.PRICE_ADJUSTMENT : ReturnOrder.PhotoOutcome.valueOf(photo),
                    "wh", photo.equals("PRICE") ? new BigDecimal("50.00") : null, "CNY", null, NOW);
        } else {
            order.receiveDealerGoods(new ReturnOrder.Arrival("as is", "clerk", signedBy.equals("-") ? null : signedBy, damaged,
                    null, null), NOW);
        }
        assertThat(order.status()).as(name).isEqualTo(status);
        assertThat(order.remedy()).as(name).isEqualTo(remedy);
        assertThat(order.rulings()).as(name).extracting(PolicyDecisionView.Rule::rule).containsExactly(rule);
        assertThat(order.rulings().get(0).detail()).as(name).isNotBlank();
        assertThat(order.freightRule()).as(name).isEqualTo(freight);
        assertThat(order.photoApprovalDueAt()).as(name).isNull();
    }

    @Test
    void aConsumersRejectedReturnIsNeverReceivedNorRefusedAtReceipt() {
        ReturnOrder order = order(CaseFacts.consumer("KETTLE", BOUGHT, BOUGHT.plusDays(40)));
        assertThat(order.status()).isEqualTo(ReturnStatus.REJECTED);
        assertThatThrownBy(() -> order.receiveDealerGoods(new ReturnOrder.Arrival("x", "c", "boss", false, null, null), NOW))
                .isInstanceOf(IllegalReturnTransitionException.class);
        assertThatThrownBy(() -> order.receive("x", "c", NOW)).isInstanceOf(IllegalReturnTransitionException.class);
    }

    @Test
    void aRepairedUnitIsRemindedThenAwaitsPostingAfterTheThirdNotice() {
        ReturnOrder order = order(CaseFacts.consumer("KETTLE", BOUGHT, BOUGHT.plusDays(50)).withQualityFault(true));
        order.receive("ok", "clerk", NOW);
        order.inspect(report(true, false, InspectionReport.Area.FUNCTION), FEES, NOW);
        order.startRepair(NOW);
        order.repaired(NOW);
        Duration every = Duration.ofDays(3);
        order.readyForPickup(every, NOW);

        assertThat(order.reminderDue(3, NOW.plus(Duration.ofDays(2)))).isFalse();
        assertThat(order.reminderDue(3, NOW.plus(every))).isTrue();
        assertThat(order.remind(every, NOW.plus(every))).isEqualTo(2);
        assertThat(order.remind(every, NOW.plus(every.multipliedBy(2)))).isEqualTo(3);
        assertThat(order.reminderDue(3, NOW.plus(every.multipliedBy(3)))).isFalse();
        assertThat(order.postingDue(3, NOW.plus(every.multipliedBy(3)).minusSeconds(1))).isFalse();
        assertThat(order.postingDue(3, NOW.plus(every.multipliedBy(3)))).isTrue();

        order.awaitPosting(LocalDate.of(2026, 1, 1), NOW.plus(every.multipliedBy(3)));
        assertThat(order.status()).isEqualTo(ReturnStatus.AWAITING_POSTING);
        assertThat(order.followUp().reason()).isEqualTo(ReturnOrder.FollowUpReason.POSTING_DUE);
        assertThat(order.rulings()).extracting(r -> r.rule()).containsExactly(PolicyRule.PICKUP_NOT_COLLECTED_POST);
        assertThat(order.rulings().get(0).detailArgs()).containsExactly("3", "2026-01-01");
    }

    @Test
    void aCustomersReasonToWaitHoldsNoticesAndPostingThenEndsWithOneMoreNotice() {
        ReturnOrder order = order(CaseFacts.consumer("KETTLE", BOUGHT, BOUGHT.plusDays(50)).withQualityFault(true));
        order.receive("ok", "clerk", NOW);
        order.inspect(report(true, false, InspectionReport.Area.FUNCTION), FEES, NOW);
        order.startRepair(NOW);
        order.repaired(NOW);
        Duration every = Duration.ofDays(3);
        order.readyForPickup(every, NOW);
        order.remind(every, NOW.plus(every));
        order.remind(every, NOW.plus(every.multipliedBy(2)));
        Instant postingAt = NOW.plus(every.multipliedBy(3));
        order.awaitPosting(LocalDate.of(2026, 1, 1), postingAt);

        Instant holdEnds = postingAt.plus(Duration.ofDays(10));
        order.hold(new ReturnOrder.Hold("在外地出差，月底回来取", LocalDate.of(2026, 1, 20), holdEnds, "store:clerk", postingAt), postingAt);

        assertThat(order.status()).isEqualTo(ReturnStatus.READY_FOR_PICKUP);
        assertThat(order.rulings()).extracting(r -> r.rule())
                .containsExactly(PolicyRule.PICKUP_NOT_COLLECTED_POST, PolicyRule.PICKUP_HELD_BY_CUSTOMER);
        assertThat(order.reminderDue(3, holdEnds.minusSeconds(1))).isFalse();
        assertThat(order.postingDue(3, holdEnds.plus(every))).as("held: never posted").isFalse();
        assertThat(order.reminderDue(3, holdEnds)).as("the hold ends with a notice").isTrue();
        assertThat(order.remind(every, holdEnds)).isEqualTo(4);
        assertThat(order.reminderDue(3, holdEnds.plus(every))).isFalse();
        assertThat(order.postingDue(3, holdEnds.plus(every).minusSeconds(1))).isFalse();
        assertThat(order.postingDue(3, holdEnds.plus(every))).isTrue();
    }

    @Test
    void aFailedRepairCheckSendsTheUnitBackToRepairAndOnlyAPassedOneLetsItGo() {
        ReturnOrder order = order(CaseFacts.consumer("KETTLE", BOUGHT, BOUGHT.plusDays(50)).withQualityFault(true));
        order.receive("ok", "clerk", NOW);
        order.inspect(report(true, false, InspectionReport.Area.FUNCTION), FEES, NOW);
        order.startRepair(NOW);
        assertThatThrownBy(() -> order.checkRepair(true, "qc", null, NOW)).isInstanceOf(IllegalReturnTransitionException.class);
        order.repaired(NOW);
        assertThat(order.repairChecked()).isFalse();

        order.checkRepair(false, "qc:li", "still leaks", NOW);
        assertThat(order.status()).isEqualTo(ReturnStatus.IN_REPAIR);
        assertThat(order.rulings()).extracting(r -> r.rule()).containsExactly(PolicyRule.REPAIR_CHECK_FAILED);
        order.repaired(NOW);
        assertThat(order.repairChecked()).as("a new repair needs a new check").isFalse();
        order.checkRepair(true, "qc:li", null, NOW);
        assertThat(order.repairChecked()).isTrue();
        assertThat(order.status()).isEqualTo(ReturnStatus.REPAIRED);
    }

    @Test
    void anUnrepairableUnitGoesBackWithCompensationWhenTheSupervisorSettlesSo() {
        ReturnOrder order = order(CaseFacts.consumer("KETTLE", BOUGHT, BOUGHT.plusDays(50)).withQualityFault(true));
        order.receive("ok", "clerk", NOW);
        order.inspect(report(true, false, InspectionReport.Area.FUNCTION), FEES, NOW);
        order.startRepair(NOW);
        order.unrepairable("part discontinued", "qc:li", "service-supervisor", NOW);
        assertThat(order.status()).isEqualTo(ReturnStatus.SETTLEMENT_PENDING);
        assertThat(order.followUp().reason()).isEqualTo(ReturnOrder.FollowUpReason.SETTLEMENT_DUE);

        order.settle(ReturnOrder.SettlementOutcome.RETURN_WITH_COMPENSATION, new BigDecimal("80.00"), "CNY", "supervisor:wang",
                "goodwill", Duration.ofDays(3), NOW);
        assertThat(order.status()).isEqualTo(ReturnStatus.READY_FOR_PICKUP);
        assertThat(order.pickup().noticesSent()).isEqualTo(1);
        assertThat(order.settlement().compensation()).isEqualByComparingTo("80.00");
        assertThat(order.remedy()).isEqualTo(Remedy.FREE_REPAIR);
        assertThat(order.rulings()).extracting(r -> r.rule())
                .containsExactly(PolicyRule.UNREPAIRABLE_ESCALATED, PolicyRule.SETTLEMENT_DECIDED);
    }

    @Test
    void theReturnRateCountsConsumerReturnsNotRejectedNorShippingErrorsNorFactoryBatchFaults() {
        ReturnOrder counted = order(CaseFacts.consumer("KETTLE", BOUGHT, BOUGHT.plusDays(10)).withQualityFault(true));
        assertThat(counted.countsInReturnRate()).isTrue();
        counted.receive("ok", "clerk", NOW);
        counted.inspect(new InspectionReport(List.of(new InspectionReport.Item(InspectionReport.Area.FUNCTION, false, "dead")),
                true, false, true, "qc", NOW), FEES, NOW);
        assertThat(counted.countsInReturnRate()).as("a factory batch fault found at inspection").isFalse();
        ReturnOrder rejected = order(CaseFacts.consumer("KETTLE", BOUGHT, BOUGHT.plusDays(200)));
        assertThat(rejected.status()).isEqualTo(ReturnStatus.REJECTED);
        assertThat(rejected.countsInReturnRate()).isFalse();
    }

    @Test
    void onlyAUnitWaitingAtTheStoreCanBeHeld() {
        ReturnOrder order = order(CaseFacts.consumer("KETTLE", BOUGHT, BOUGHT.plusDays(50)).withQualityFault(true));
        assertThatThrownBy(() -> order.hold(new ReturnOrder.Hold("later", LocalDate.of(2026, 1, 20), NOW.plus(Duration.ofDays(3)),
                "store:clerk", NOW), NOW)).isInstanceOf(IllegalReturnTransitionException.class);
    }
}
