package com.aftersales.returns.rma;

import com.aftersales.returns.policy.CaseFacts;
import com.aftersales.returns.policy.CategoryPolicy;
import com.aftersales.returns.policy.DealerPolicy;
import com.aftersales.returns.policy.FreightPayer;
import com.aftersales.returns.policy.PolicyDecisionView;
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
            new DealerPolicy(Period.ofMonths(3), 80, Period.ofMonths(6), Duration.ofHours(24)),
            com.aftersales.contracts.warranty.WarrantyTerms.bundled()));

    private ReturnOrder order(CaseFacts facts) {
        PolicyDecisionView decision = PolicyDecisionView.of(engine.evaluate(facts), null, "SN1");
        ReturnOrder.Request request = new ReturnOrder.Request("SN1", null, null, facts.category(), "M", facts.channel(), "S1",
                "SP", "r", facts.qualityFaultClaimed(), false, false, facts.requestDate(), null);
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
        order.decidePhotos(true, NOW);
        assertThat(order.status()).isEqualTo(ReturnStatus.AUTHORIZED);
        assertThatThrownBy(() -> order.decidePhotos(false, NOW)).isInstanceOf(IllegalReturnTransitionException.class);
    }

    @Test
    void aRepairedUnitIsRemindedThenShippedBackAfterTheThirdNotice() {
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
        assertThat(order.shipBackDue(3, NOW.plus(every.multipliedBy(3)).minusSeconds(1))).isFalse();
        assertThat(order.shipBackDue(3, NOW.plus(every.multipliedBy(3)))).isTrue();
    }
}
