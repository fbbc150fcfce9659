package com.aftersales.returns.policy;

import com.aftersales.contracts.warranty.WarrantyTerms;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The policy, case by case: every window boundary (day 7/8, 15/16, 30/31, 3 months / 3 months + 1 day,
 * one year), leap years and month ends, every exclusion and the dealer rules. Flags: FAULT (quality fault
 * claimed), USED, CUSTOM, PACKAGING (damaged), ACCESSORIES (incomplete), NO_CARD, DAMAGE (customer),
 * SPECIAL, GIFT, NOT_OURS, DEALER, LARGE, SMALL.
 */
class ReturnPolicyTableTest {

    private final ReturnPolicyEngine engine = new ReturnPolicyEngine(PolicyFixtures.briefDefaults());

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', textBlock = """
            # case                                   | category         | purchased  | requested  | flags              | remedy           | deciding rule                     | fired exclusions
            day 0, no reason                         | KETTLE           | 2026-03-01 | 2026-03-01 | -                  | NO_REASON_RETURN | NO_REASON_RETURN_WINDOW           | -
            day 7, last no-reason day                | KETTLE           | 2026-03-01 | 2026-03-08 | -                  | NO_REASON_RETURN | NO_REASON_RETURN_WINDOW           | -
            day 8, no fault: rejected                | KETTLE           | 2026-03-01 | 2026-03-09 | -                  | REJECTED         | NO_REASON_WINDOW_PASSED           | -
            day 7, quality fault: refund             | KETTLE           | 2026-03-01 | 2026-03-08 | FAULT              | REFUND           | QUALITY_FAULT_REFUND_WINDOW       | -
            day 8, quality fault: refund             | KETTLE           | 2026-03-01 | 2026-03-09 | FAULT              | REFUND           | QUALITY_FAULT_REFUND_WINDOW       | -
            day 15, last refund day                  | KETTLE           | 2026-03-01 | 2026-03-16 | FAULT              | REFUND           | QUALITY_FAULT_REFUND_WINDOW       | -
            day 16, first exchange day               | KETTLE           | 2026-03-01 | 2026-03-17 | FAULT              | EXCHANGE         | QUALITY_FAULT_EXCHANGE_WINDOW     | -
            day 30, last exchange day                | KETTLE           | 2026-03-01 | 2026-03-31 | FAULT              | EXCHANGE         | QUALITY_FAULT_EXCHANGE_WINDOW     | -
            day 31, first free-repair day            | KETTLE           | 2026-03-01 | 2026-04-01 | FAULT              | FREE_REPAIR      | QUALITY_FAULT_FREE_REPAIR_WINDOW  | -
            3 months, last free-repair day           | KETTLE           | 2026-03-01 | 2026-06-01 | FAULT              | FREE_REPAIR      | QUALITY_FAULT_FREE_REPAIR_WINDOW  | -
            3 months + 1 day: paid                   | KETTLE           | 2026-03-01 | 2026-06-02 | FAULT              | PAID_REPAIR      | PAID_REPAIR_AFTER_WARRANTY        | -
            30 Nov + 3 months = 28 Feb               | KETTLE           | 2025-11-30 | 2026-02-28 | FAULT              | FREE_REPAIR      | QUALITY_FAULT_FREE_REPAIR_WINDOW  | -
            30 Nov + 3 months + 1 day = 1 Mar        | KETTLE           | 2025-11-30 | 2026-03-01 | FAULT              | PAID_REPAIR      | PAID_REPAIR_AFTER_WARRANTY        | -
            30 Nov + 3 months = 29 Feb in leap year  | KETTLE           | 2027-11-30 | 2028-02-29 | FAULT              | FREE_REPAIR      | QUALITY_FAULT_FREE_REPAIR_WINDOW  | -
            leap year: 1 Mar is 3 months + 1 day     | KETTLE           | 2027-11-30 | 2028-03-01 | FAULT              | PAID_REPAIR      | PAID_REPAIR_AFTER_WARRANTY        | -
            31 Dec + 3 months = 31 Mar               | KETTLE           | 2025-12-31 | 2026-03-31 | FAULT              | FREE_REPAIR      | QUALITY_FAULT_FREE_REPAIR_WINDOW  | -
            bought 29 Feb, day 7 is 7 Mar            | KETTLE           | 2028-02-29 | 2028-03-07 | -                  | NO_REASON_RETURN | NO_REASON_RETURN_WINDOW           | -
            bought 29 Feb, day 8 is 8 Mar            | KETTLE           | 2028-02-29 | 2028-03-08 | -                  | REJECTED         | NO_REASON_WINDOW_PASSED           | -
            leap February: day 15 is 6 Mar           | KETTLE           | 2028-02-20 | 2028-03-06 | FAULT              | REFUND           | QUALITY_FAULT_REFUND_WINDOW       | -
            leap February: day 16 is 7 Mar           | KETTLE           | 2028-02-20 | 2028-03-07 | FAULT              | EXCHANGE         | QUALITY_FAULT_EXCHANGE_WINDOW     | -
            common February: day 15 is 7 Mar         | KETTLE           | 2027-02-20 | 2027-03-07 | FAULT              | REFUND           | QUALITY_FAULT_REFUND_WINDOW       | -
            common February: day 16 is 8 Mar         | KETTLE           | 2027-02-20 | 2027-03-08 | FAULT              | EXCHANGE         | QUALITY_FAULT_EXCHANGE_WINDOW     | -
            across the year end: day 30 is 30 Jan    | KETTLE           | 2025-12-31 | 2026-01-30 | FAULT              | EXCHANGE         | QUALITY_FAULT_EXCHANGE_WINDOW     | -
            across the year end: day 31 is 31 Jan    | KETTLE           | 2025-12-31 | 2026-01-31 | FAULT              | FREE_REPAIR      | QUALITY_FAULT_FREE_REPAIR_WINDOW  | -
            electrical: day 100 still free           | AIR_CONDITIONER  | 2026-03-01 | 2026-06-09 | FAULT              | FREE_REPAIR      | QUALITY_FAULT_FREE_REPAIR_WINDOW  | -
            phone: last day of the one-year warranty | MOBILE_PHONE         | 2026-01-15 | 2027-01-15 | FAULT              | FREE_REPAIR      | QUALITY_FAULT_FREE_REPAIR_WINDOW  | -
            phone: one year + 1 day is paid          | MOBILE_PHONE         | 2026-01-15 | 2027-01-16 | FAULT              | PAID_REPAIR      | PAID_REPAIR_AFTER_WARRANTY        | -
            bought 29 Feb + 1 year = 28 Feb          | AIR_CONDITIONER  | 2028-02-29 | 2029-02-28 | FAULT              | FREE_REPAIR      | QUALITY_FAULT_FREE_REPAIR_WINDOW  | -
            bought 29 Feb + 1 year + 1 day = 1 Mar   | AIR_CONDITIONER  | 2028-02-29 | 2029-03-01 | FAULT              | PAID_REPAIR      | PAID_REPAIR_AFTER_WARRANTY        | -
            no no-reason window: day 0 still allowed | MATTRESS         | 2026-03-01 | 2026-03-01 | -                  | NO_REASON_RETURN | NO_REASON_RETURN_WINDOW           | -
            no no-reason window: day 1 rejected      | MATTRESS         | 2026-03-01 | 2026-03-02 | -                  | REJECTED         | NO_REASON_WINDOW_PASSED           | -
            used, no fault                           | KETTLE           | 2026-03-01 | 2026-03-03 | USED               | REJECTED         | EXCLUSION_USED_WITHOUT_FAULT      | EXCLUSION_USED_WITHOUT_FAULT
            used, with fault: refund all the same    | KETTLE           | 2026-03-01 | 2026-03-03 | FAULT USED         | REFUND           | QUALITY_FAULT_REFUND_WINDOW       | -
            custom-made, no fault                    | KETTLE           | 2026-03-01 | 2026-03-03 | CUSTOM             | REJECTED         | EXCLUSION_CUSTOM_MADE_WITHOUT_FAULT| EXCLUSION_CUSTOM_MADE_WITHOUT_FAULT
            custom-made, with fault                  | KETTLE           | 2026-03-01 | 2026-03-03 | FAULT CUSTOM       | REFUND           | QUALITY_FAULT_REFUND_WINDOW       | -
            packaging damaged, no fault              | KETTLE           | 2026-03-01 | 2026-03-03 | PACKAGING          | REJECTED         | EXCLUSION_INCOMPLETE_PACKAGING    | EXCLUSION_INCOMPLETE_PACKAGING
            packaging damaged, fault: repair only    | KETTLE           | 2026-03-01 | 2026-03-11 | FAULT PACKAGING    | FREE_REPAIR      | QUALITY_FAULT_FREE_REPAIR_WINDOW  | EXCLUSION_INCOMPLETE_PACKAGING
            accessories missing, fault day 20        | KETTLE           | 2026-03-01 | 2026-03-21 | FAULT ACCESSORIES  | FREE_REPAIR      | QUALITY_FAULT_FREE_REPAIR_WINDOW  | EXCLUSION_INCOMPLETE_PACKAGING
            no warranty card, fault day 5            | KETTLE           | 2026-03-01 | 2026-03-06 | FAULT NO_CARD      | FREE_REPAIR      | QUALITY_FAULT_FREE_REPAIR_WINDOW  | EXCLUSION_INCOMPLETE_PACKAGING
            customer damage with fault claimed       | KETTLE           | 2026-03-01 | 2026-03-06 | FAULT DAMAGE       | PAID_REPAIR      | EXCLUSION_CUSTOMER_DAMAGE         | EXCLUSION_CUSTOMER_DAMAGE
            customer damage, no fault claimed        | KETTLE           | 2026-03-01 | 2026-03-03 | DAMAGE             | PAID_REPAIR      | EXCLUSION_CUSTOMER_DAMAGE         | EXCLUSION_CUSTOMER_DAMAGE
            special price, no fault                  | KETTLE           | 2026-03-01 | 2026-03-03 | SPECIAL            | REJECTED         | EXCLUSION_SPECIAL_PRICE_OR_GIFT   | EXCLUSION_SPECIAL_PRICE_OR_GIFT
            special price, fault day 10              | KETTLE           | 2026-03-01 | 2026-03-11 | FAULT SPECIAL      | FREE_REPAIR      | QUALITY_FAULT_FREE_REPAIR_WINDOW  | EXCLUSION_SPECIAL_PRICE_OR_GIFT
            special price, fault after warranty      | KETTLE           | 2026-03-01 | 2026-07-01 | FAULT SPECIAL      | PAID_REPAIR      | PAID_REPAIR_AFTER_WARRANTY        | EXCLUSION_SPECIAL_PRICE_OR_GIFT
            gift, no fault                           | KETTLE           | 2026-03-01 | 2026-03-02 | GIFT               | REJECTED         | EXCLUSION_SPECIAL_PRICE_OR_GIFT   | EXCLUSION_SPECIAL_PRICE_OR_GIFT
            gift, fault day 20                       | KETTLE           | 2026-03-01 | 2026-03-21 | FAULT GIFT         | FREE_REPAIR      | QUALITY_FAULT_FREE_REPAIR_WINDOW  | EXCLUSION_SPECIAL_PRICE_OR_GIFT
            not sold by us, fault day 5              | KETTLE           | 2026-03-01 | 2026-03-06 | FAULT NOT_OURS     | PAID_REPAIR      | EXCLUSION_NOT_SOLD_BY_US          | EXCLUSION_NOT_SOLD_BY_US
            not sold by us, no fault                 | KETTLE           | 2026-03-01 | 2026-03-02 | NOT_OURS           | REJECTED         | EXCLUSION_NOT_SOLD_BY_US          | EXCLUSION_NOT_SOLD_BY_US
            used and unpacked: both exclusions cited | KETTLE           | 2026-03-01 | 2026-03-02 | USED PACKAGING     | REJECTED         | EXCLUSION_USED_WITHOUT_FAULT      | EXCLUSION_USED_WITHOUT_FAULT EXCLUSION_INCOMPLETE_PACKAGING
            category without the special-price rule  | CLEARANCE_OUTLET | 2026-03-01 | 2026-03-03 | SPECIAL            | NO_REASON_RETURN | NO_REASON_RETURN_WINDOW           | -
            dealer: 3 months after shipment, full    | KETTLE           | 2026-01-31 | 2026-04-30 | DEALER             | REFUND           | DEALER_FULL_CREDIT_WINDOW         | -
            dealer: 3 months + 1 day, reduced        | KETTLE           | 2026-01-31 | 2026-05-01 | DEALER             | REFUND           | DEALER_REDUCED_CREDIT_WINDOW      | -
            dealer: 6 months, last accepted day      | KETTLE           | 2026-01-31 | 2026-07-31 | DEALER             | REFUND           | DEALER_REDUCED_CREDIT_WINDOW      | -
            dealer: 6 months + 1 day, refused        | KETTLE           | 2026-01-31 | 2026-08-01 | DEALER             | REJECTED         | DEALER_REFUSED_AFTER_WINDOW       | -
            dealer: 31 Aug + 6 months = 29 Feb leap  | KETTLE           | 2027-08-31 | 2028-02-29 | DEALER             | REFUND           | DEALER_REDUCED_CREDIT_WINDOW      | -
            dealer: large item by category           | AIR_CONDITIONER  | 2026-03-01 | 2026-03-10 | DEALER             | REFUND           | DEALER_FULL_CREDIT_WINDOW         | -
            """)
    void decides(String name, String category, LocalDate purchased, LocalDate requested, String flags, Remedy remedy,
                 PolicyRule decidingRule, String firedExclusions) {
        PolicyDecision decision = engine.evaluate(facts(category, purchased, requested, flags));

        assertThat(decision.remedy()).as(name).isEqualTo(remedy);
        assertThat(decision.decidingRule()).as(name).isEqualTo(decidingRule);
        assertThat(decision.rulesWith(RuleOutcome.Verdict.FIRED)).as(name).contains(decidingRule);
        assertThat(decision.rulesWith(RuleOutcome.Verdict.FIRED).stream().filter(PolicyRule::isExclusion)
                .collect(Collectors.toSet())).as(name + ": exclusions").isEqualTo(rules(firedExclusions));
        assertThat(decision.daysSincePurchase()).isEqualTo(ChronoUnit.DAYS.between(purchased, requested));
        assertThat(decision.purchaseDate()).isEqualTo(purchased);
        assertThat(decision.requestDate()).isEqualTo(requested);
        assertThat(decision.explanation()).contains(remedy.name(), decidingRule.name(), purchased.toString(), requested.toString());
        assertThat(decision.windows()).isNotEmpty().allSatisfy(window ->
                assertThat(window.containsRequest()).isEqualTo(!requested.isAfter(window.lastDay())));
    }

    @Test
    void everyNamedExclusionIsCoveredByTheTable() {
        // Guards the table above: a new exclusion rule must come with its cases.
        Set<PolicyRule> exclusions = Arrays.stream(PolicyRule.values()).filter(PolicyRule::isExclusion).collect(Collectors.toSet());
        assertThat(exclusions).hasSize(6);
    }

    @Test
    void aDecisionCitesTheWindowBoundariesItComparedAndThePolicyVersion() {
        PolicyDecision decision = engine.evaluate(CaseFacts.consumer("PHONE", LocalDate.of(2026, 3, 1), LocalDate.of(2026, 3, 17))
                .withQualityFault(true));

        assertThat(decision.policyVersion()).as("an alias is decided under its code").isEqualTo("MOBILE_PHONE@2026.2");
        assertThat(decision.windows()).extracting(PolicyWindow::rule, PolicyWindow::lastDay, PolicyWindow::containsRequest)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(PolicyRule.QUALITY_FAULT_REFUND_WINDOW, LocalDate.of(2026, 3, 16), false),
                        org.assertj.core.groups.Tuple.tuple(PolicyRule.QUALITY_FAULT_EXCHANGE_WINDOW, LocalDate.of(2026, 3, 31), true),
                        org.assertj.core.groups.Tuple.tuple(PolicyRule.QUALITY_FAULT_FREE_REPAIR_WINDOW, LocalDate.of(2027, 3, 1), true));
        assertThat(decision.rules()).filteredOn(r -> r.rule() == PolicyRule.QUALITY_FAULT_EXCHANGE_WINDOW).singleElement()
                .satisfies(r -> assertThat(r.detail()).contains("2026-03-17", "2026-03-01", "2026-03-31"));
        assertThat(engine.evaluate(CaseFacts.consumer("UNKNOWN_CATEGORY", LocalDate.of(2026, 3, 1), LocalDate.of(2026, 3, 2)))
                .policyVersion()).isEqualTo("DEFAULT@2026.1");
    }

    @Test
    void theExclusionThatDecidedIsCitedWithItsDatesNotAWindowThatHadNotPassed() {
        PolicyDecision notOurs = engine.evaluate(CaseFacts.consumer("KETTLE", LocalDate.of(2026, 3, 1), LocalDate.of(2026, 3, 6))
                .withSoldByUs(false));

        assertThat(notOurs.remedy()).isEqualTo(Remedy.REJECTED);
        assertThat(notOurs.decidingRule()).isEqualTo(PolicyRule.EXCLUSION_NOT_SOLD_BY_US);
        assertThat(notOurs.rulesWith(RuleOutcome.Verdict.FIRED)).doesNotContain(PolicyRule.NO_REASON_WINDOW_PASSED);
        assertThat(notOurs.explanation()).startsWith("REJECTED by EXCLUSION_NOT_SOLD_BY_US")
                .contains("day 5", "not sold by us", "NO_REASON_RETURN_WINDOW 2026-03-01 .. 2026-03-08");

        PolicyDecision repairOnly = engine.evaluate(CaseFacts.consumer("KETTLE", LocalDate.of(2026, 3, 1), LocalDate.of(2026, 3, 6))
                .withQualityFault(true).withSoldByUs(false).withPackaging(false, true, true));
        assertThat(repairOnly.remedy()).isEqualTo(Remedy.PAID_REPAIR);
        assertThat(repairOnly.decidingRule()).as("packaging rules out refund, but only not-sold-by-us rules out the free repair")
                .isEqualTo(PolicyRule.EXCLUSION_NOT_SOLD_BY_US);
        assertThat(repairOnly.rulesWith(RuleOutcome.Verdict.FIRED)).doesNotContain(PolicyRule.PAID_REPAIR_AFTER_WARRANTY);

        PolicyDecision late = engine.evaluate(CaseFacts.consumer("KETTLE", LocalDate.of(2026, 3, 1), LocalDate.of(2026, 3, 9))
                .withSoldByUs(false));
        assertThat(late.decidingRule()).as("day 8: the window had passed whatever the exclusions")
                .isEqualTo(PolicyRule.NO_REASON_WINDOW_PASSED);
        assertThat(late.explanation()).contains("NO_REASON_RETURN_WINDOW ended on 2026-03-08");
    }

    @ParameterizedTest(name = "{0} bought {1}, installed {2}, fault on {3}: {4}")
    @CsvSource(nullValues = "-", textBlock = """
            AIR_CONDITIONER, 2026-03-01, 2026-03-20, 2027-03-20, FREE_REPAIR
            AIR_CONDITIONER, 2026-03-01, 2026-03-20, 2027-03-21, PAID_REPAIR
            AIR_CONDITIONER, 2026-03-01, -,          2027-03-02, PAID_REPAIR
            PHONE,           2026-03-01, -,          2027-03-01, FREE_REPAIR
            MOBILE_PHONE,    2026-03-01, -,          2027-03-02, PAID_REPAIR
            REFRIGERATOR,    2026-03-01, 2026-03-20, 2027-03-02, PAID_REPAIR
            """)
    void theFreeRepairWindowIsTheSharedWarrantyFromItsStartDateToTheAnniversaryInclusive(String category, LocalDate bought,
                                                                                         LocalDate installed, LocalDate fault,
                                                                                         Remedy remedy) {
        PolicyDecision decision = engine.evaluate(CaseFacts.consumer(category, bought, fault).withQualityFault(true)
                .withInstallationDate(installed));

        assertThat(decision.remedy()).isEqualTo(remedy);
        assertThat(decision.windows()).filteredOn(w -> w.rule() == PolicyRule.QUALITY_FAULT_FREE_REPAIR_WINDOW).singleElement()
                .satisfies(w -> assertThat(w.length()).contains("warranty terms " + WarrantyTerms.bundled().version()));
    }

    @Test
    void aRemedyAnExclusionRulesOutIsReportedAsBlockedWithTheRuleThatBlockedIt() {
        PolicyDecision decision = engine.evaluate(CaseFacts.consumer("KETTLE", LocalDate.of(2026, 3, 1), LocalDate.of(2026, 3, 4))
                .withQualityFault(true).withPriceType(PriceType.GIFT));

        assertThat(decision.rulesWith(RuleOutcome.Verdict.BLOCKED))
                .containsExactly(PolicyRule.QUALITY_FAULT_REFUND_WINDOW, PolicyRule.QUALITY_FAULT_EXCHANGE_WINDOW);
        assertThat(decision.rules()).filteredOn(r -> r.verdict() == RuleOutcome.Verdict.BLOCKED)
                .allSatisfy(r -> assertThat(r.detail()).contains("EXCLUSION_SPECIAL_PRICE_OR_GIFT"));
        assertThat(decision.rules()).filteredOn(r -> r.rule() == PolicyRule.EXCLUSION_SPECIAL_PRICE_OR_GIFT).singleElement()
                .satisfies(r -> assertThat(r.blockedRemedies()).containsExactlyInAnyOrder(
                        Remedy.NO_REASON_RETURN, Remedy.REFUND, Remedy.EXCHANGE));
    }

    @Test
    void dealerReturnsAreCreditedInFullThenAtTheReducedRateAndLargeItemsNeedPhotoApproval() {
        LocalDate shipped = LocalDate.of(2026, 1, 31);
        PolicyDecision full = engine.evaluate(CaseFacts.dealer("AIR_CONDITIONER", shipped, LocalDate.of(2026, 4, 30)));
        PolicyDecision reduced = engine.evaluate(CaseFacts.dealer("KETTLE", shipped, LocalDate.of(2026, 5, 1)));
        PolicyDecision refused = engine.evaluate(CaseFacts.dealer("AIR_CONDITIONER", shipped, LocalDate.of(2026, 8, 1)));
        PolicyDecision smallByRequest = engine.evaluate(CaseFacts.dealer("AIR_CONDITIONER", shipped, LocalDate.of(2026, 2, 2))
                .withLargeItem(false));

        assertThat(full.dealer().creditPercent()).isEqualTo(100);
        assertThat(full.dealer().photoApprovalRequired()).isTrue();
        assertThat(full.dealer().photoApprovalTime()).hasHours(24);
        assertThat(full.rulesWith(RuleOutcome.Verdict.FIRED)).contains(PolicyRule.DEALER_LARGE_ITEM_PHOTO_APPROVAL);
        assertThat(reduced.dealer().creditPercent()).isEqualTo(80);
        assertThat(reduced.dealer().photoApprovalRequired()).isFalse();
        assertThat(refused.remedy()).isEqualTo(Remedy.REJECTED);
        assertThat(refused.dealer().creditPercent()).isZero();
        assertThat(refused.dealer().photoApprovalRequired()).isFalse();
        assertThat(smallByRequest.dealer().photoApprovalRequired()).isFalse();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            quality fault                    | FAULT              | COMPANY  | FREIGHT_QUALITY_FAULT
            shipping or picking error        | SHIPPING_ERROR     | COMPANY  | FREIGHT_SHIPPING_OR_PICKING_ERROR
            sales-order error                | ORDER_ERROR        | COMPANY  | FREIGHT_SALES_ORDER_ERROR
            change of mind                   | -                  | CUSTOMER | FREIGHT_CUSTOMER_OTHERWISE
            fault claimed on customer damage | FAULT DAMAGE       | CUSTOMER | FREIGHT_CUSTOMER_OTHERWISE
            """)
    void freightIsPaidByWhoeverCausedTheReturn(String name, String flags, FreightPayer payer, PolicyRule rule) {
        PolicyDecision decision = engine.evaluate(facts("KETTLE", LocalDate.of(2026, 3, 1), LocalDate.of(2026, 3, 3), flags));

        assertThat(decision.freight()).isEqualTo(new FreightDecision(payer, rule));
        assertThat(decision.rulesWith(RuleOutcome.Verdict.FIRED)).contains(rule);
    }

    @Test
    void aRequestBeforeThePurchaseIsAMistakeNotADecision() {
        assertThatThrownBy(() -> engine.evaluate(CaseFacts.consumer("KETTLE", LocalDate.of(2026, 3, 2), LocalDate.of(2026, 3, 1))))
                .isInstanceOf(InvalidReturnCaseException.class)
                .satisfies(e -> assertThat(((InvalidReturnCaseException) e).field()).isEqualTo("requestDate"));
    }

    @Test
    void windowsThatDoNotNestAreRefusedAtStartUp() {
        assertThatThrownBy(() -> new CategoryPolicy("X", "1", 16, 15, 30, Set.of(), false))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no-reason");
        PolicySettings brief = PolicyFixtures.briefDefaults();
        assertThatThrownBy(() -> new PolicySettings("1", new CategoryPolicy("DEFAULT", "1", 7, 15, 100, Set.of(), false),
                java.util.Map.of(), brief.dealer(), brief.terms()))
                .as("the shared 3-month warranty is shorter than a 100-day exchange window")
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("warranty");
        assertThatThrownBy(() -> new CategoryPolicy("X", "1", 7, 15, 30,
                Set.of(PolicyRule.QUALITY_FAULT_REFUND_WINDOW), false))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("exclusion");
    }

    @Test
    void daysAreCountedByCalendarDateInTheStoresTimeZone() {
        StoreTimeZones zones = new StoreTimeZones(java.time.ZoneId.of("Asia/Shanghai"),
                java.util.Map.of("URUMQI-01", java.time.ZoneId.of("Asia/Urumqi")));
        java.time.Instant lateEvening = java.time.Instant.parse("2026-03-08T16:30:00Z");

        // 00:30 on 9 March in Shanghai: day 8, too late for a no-reason return bought on 1 March.
        LocalDate shanghai = zones.dateAt("SH-001", lateEvening);
        // 22:30 on 8 March in Urumqi: still day 7.
        LocalDate urumqi = zones.dateAt("URUMQI-01", lateEvening);

        assertThat(shanghai).isEqualTo(LocalDate.of(2026, 3, 9));
        assertThat(urumqi).isEqualTo(LocalDate.of(2026, 3, 8));
        assertThat(engine.evaluate(CaseFacts.consumer("KETTLE", LocalDate.of(2026, 3, 1), shanghai)).remedy()).isEqualTo(Remedy.REJECTED);
        assertThat(engine.evaluate(CaseFacts.consumer("KETTLE", LocalDate.of(2026, 3, 1), urumqi)).remedy())
                .isEqualTo(Remedy.NO_REASON_RETURN);
    }

    static CaseFacts facts(String category, LocalDate purchased, LocalDate requested, String flags) {
        Set<String> f = flags == null || flags.equals("-") ? Set.of() : Set.of(flags.trim().split("\\s+"));
        CaseFacts facts = f.contains("DEALER") ? CaseFacts.dealer(category, purchased, requested)
                : CaseFacts.consumer(category, purchased, requested);
        return facts.withQualityFault(f.contains("FAULT"))
                .withSignsOfUse(f.contains("USED"))
                .withCustomMade(f.contains("CUSTOM"))
                .withPackaging(!f.contains("PACKAGING"), !f.contains("ACCESSORIES"), !f.contains("NO_CARD"))
                .withCustomerCausedDamage(f.contains("DAMAGE"))
                .withPriceType(f.contains("SPECIAL") ? PriceType.SPECIAL_PRICE : f.contains("GIFT") ? PriceType.GIFT : PriceType.REGULAR)
                .withSoldByUs(!f.contains("NOT_OURS"))
                .withCompanyErrors(f.contains("SHIPPING_ERROR"), f.contains("ORDER_ERROR"))
                .withLargeItem(f.contains("LARGE") ? Boolean.TRUE : f.contains("SMALL") ? Boolean.FALSE : null);
    }

    private static Set<PolicyRule> rules(String names) {
        if (names == null || names.equals("-")) {
            return Set.of();
        }
        return Arrays.stream(names.trim().split("\\s+")).map(PolicyRule::valueOf).collect(Collectors.toSet());
    }
}
