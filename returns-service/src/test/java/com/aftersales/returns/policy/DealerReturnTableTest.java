package com.aftersales.returns.policy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Dealer (store-to-warehouse) returns, case by case at every boundary: the shipment-date windows (3 months full credit,
 * 80 % until 6 months, refused after), each of the six exclusions with and without a claimed quality fault, a two-piece
 * set returned incomplete, display samples and large items waiting for photos, packaging deductions (bag 5 CNY each,
 * box 20 % of the cost) and the credit amount. Flags: FAULT, SPECIAL, GIFT, CUSTOM, SEASONAL, DISCONTINUED,
 * NO_PACKAGING, FILM, SAMPLE, LARGE, SET=returned/pieces, BAGS=n, BOXES=n, COST=amount, QTY=n.
 */
class DealerReturnTableTest {

    private final ReturnPolicyEngine engine = new ReturnPolicyEngine(PolicyFixtures.briefDefaults());

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', textBlock = """
            # case                                        | shipped    | requested  | flags                              | remedy   | deciding rule                           | credit % | credit amount | photos
            day 0, full credit                            | 2026-01-31 | 2026-01-31 | COST=100                           | REFUND   | DEALER_FULL_CREDIT_WINDOW               | 100      | 100.00        | false
            3 months (month end clamps): full             | 2026-01-31 | 2026-04-30 | COST=100                           | REFUND   | DEALER_FULL_CREDIT_WINDOW               | 100      | 100.00        | false
            3 months + 1 day: 80 %                        | 2026-01-31 | 2026-05-01 | COST=100                           | REFUND   | DEALER_REDUCED_CREDIT_WINDOW            | 80       | 80.00         | false
            6 months: last day at 80 %                    | 2026-01-31 | 2026-07-31 | COST=100                           | REFUND   | DEALER_REDUCED_CREDIT_WINDOW            | 80       | 80.00         | false
            6 months + 1 day: not accepted                | 2026-01-31 | 2026-08-01 | COST=100                           | REJECTED | DEALER_REFUSED_AFTER_WINDOW             | 0        | 0.00          | false
            special price                                 | 2026-03-01 | 2026-03-10 | SPECIAL                            | REJECTED | DEALER_EXCLUSION_SPECIAL_PRICE          | 0        | -             | false
            gift stock counts as special price            | 2026-03-01 | 2026-03-10 | GIFT                               | REJECTED | DEALER_EXCLUSION_SPECIAL_PRICE          | 0        | -             | false
            special price with quality fault: waived      | 2026-03-01 | 2026-03-10 | SPECIAL FAULT                      | REFUND   | DEALER_FULL_CREDIT_WINDOW               | 100      | -             | false
            custom-made                                   | 2026-03-01 | 2026-03-10 | CUSTOM                             | REJECTED | DEALER_EXCLUSION_CUSTOM_MADE            | 0        | -             | false
            custom-made with quality fault: waived        | 2026-03-01 | 2026-03-10 | CUSTOM FAULT                       | REFUND   | DEALER_FULL_CREDIT_WINDOW               | 100      | -             | false
            seasonal                                      | 2026-03-01 | 2026-03-10 | SEASONAL                           | REJECTED | DEALER_EXCLUSION_SEASONAL               | 0        | -             | false
            seasonal with quality fault, 80 %             | 2026-03-01 | 2026-07-10 | SEASONAL FAULT COST=50             | REFUND   | DEALER_REDUCED_CREDIT_WINDOW            | 80       | 40.00         | false
            discontinued                                  | 2026-03-01 | 2026-03-10 | DISCONTINUED                       | REJECTED | DEALER_EXCLUSION_DISCONTINUED           | 0        | -             | false
            discontinued with quality fault: waived       | 2026-03-01 | 2026-03-10 | DISCONTINUED FAULT                 | REFUND   | DEALER_FULL_CREDIT_WINDOW               | 100      | -             | false
            no original packaging                         | 2026-03-01 | 2026-03-10 | NO_PACKAGING                       | REJECTED | DEALER_EXCLUSION_NO_ORIGINAL_PACKAGING  | 0        | -             | false
            no original packaging, fault: still refused   | 2026-03-01 | 2026-03-10 | NO_PACKAGING FAULT                 | REJECTED | DEALER_EXCLUSION_NO_ORIGINAL_PACKAGING  | 0        | -             | false
            protective film torn                          | 2026-03-01 | 2026-03-10 | FILM                               | REJECTED | DEALER_EXCLUSION_PROTECTIVE_FILM_TORN   | 0        | -             | false
            film torn, fault: still refused               | 2026-03-01 | 2026-03-10 | FILM FAULT                         | REJECTED | DEALER_EXCLUSION_PROTECTIVE_FILM_TORN   | 0        | -             | false
            exclusion decides, not the late date          | 2026-01-01 | 2026-09-01 | SEASONAL                           | REJECTED | DEALER_EXCLUSION_SEASONAL               | 0        | -             | false
            two exclusions: the first decides             | 2026-03-01 | 2026-03-10 | SEASONAL FILM                      | REJECTED | DEALER_EXCLUSION_SEASONAL               | 0        | -             | false
            two-piece set, one piece returned             | 2026-03-01 | 2026-03-10 | SET=1/2                            | REJECTED | DEALER_SET_INCOMPLETE                   | 0        | -             | false
            two-piece set, both pieces returned           | 2026-03-01 | 2026-03-10 | SET=2/2 COST=300                   | REFUND   | DEALER_FULL_CREDIT_WINDOW               | 100      | 300.00        | false
            two-piece set, one piece, quality fault       | 2026-03-01 | 2026-03-10 | SET=1/2 FAULT                      | REJECTED | DEALER_SET_INCOMPLETE                   | 0        | -             | false
            display sample waits for photos               | 2026-03-01 | 2026-03-10 | SAMPLE                             | REFUND   | DEALER_FULL_CREDIT_WINDOW               | 100      | -             | true
            display sample after 6 months: no photos      | 2026-03-01 | 2026-09-02 | SAMPLE                             | REJECTED | DEALER_REFUSED_AFTER_WINDOW             | 0        | -             | false
            large item waits for photos                   | 2026-03-01 | 2026-03-10 | LARGE                              | REFUND   | DEALER_FULL_CREDIT_WINDOW               | 100      | -             | true
            large item, excluded: no photos               | 2026-03-01 | 2026-03-10 | LARGE SEASONAL                     | REJECTED | DEALER_EXCLUSION_SEASONAL               | 0        | -             | false
            one bag to replace: 5 off                     | 2026-03-01 | 2026-03-10 | BAGS=1 COST=100                    | REFUND   | DEALER_FULL_CREDIT_WINDOW               | 100      | 95.00         | false
            three bags to replace: 15 off                 | 2026-03-01 | 2026-03-10 | BAGS=3 COST=100                    | REFUND   | DEALER_FULL_CREDIT_WINDOW               | 100      | 85.00         | false
            one box to replace: 20 % of 250 off           | 2026-03-01 | 2026-03-10 | BOXES=1 COST=250                   | REFUND   | DEALER_FULL_CREDIT_WINDOW               | 100      | 200.00        | false
            box and bag on 80 % credit of 2 units         | 2026-03-01 | 2026-06-02 | BOXES=1 BAGS=2 COST=99.99 QTY=2    | REFUND   | DEALER_REDUCED_CREDIT_WINDOW            | 80       | 129.98        | false
            deductions above the credit: nothing          | 2026-03-01 | 2026-03-10 | BAGS=10 COST=20                    | REFUND   | DEALER_FULL_CREDIT_WINDOW               | 100      | 0.00          | false
            refused: nothing deducted                     | 2026-03-01 | 2026-03-10 | SEASONAL BAGS=2 COST=100           | REJECTED | DEALER_EXCLUSION_SEASONAL               | 0        | 0.00          | false
            """)
    void decides(String name, LocalDate shipped, LocalDate requested, String flags, Remedy remedy, PolicyRule deciding,
                 int credit, String amount, boolean photos) {
        Map<String, String> f = flags(flags);
        CaseFacts facts = CaseFacts.dealer("KETTLE", shipped, requested)
                .withQualityFault(f.containsKey("FAULT"))
                .withPriceType(f.containsKey("SPECIAL") ? PriceType.SPECIAL_PRICE : f.containsKey("GIFT") ? PriceType.GIFT : PriceType.REGULAR)
                .withCustomMade(f.containsKey("CUSTOM"))
                .withPackaging(!f.containsKey("NO_PACKAGING"), true, true)
                .withLargeItem(f.containsKey("LARGE"));
        String[] set = f.getOrDefault("SET", "1/1").split("/");
        DealerFacts stock = new DealerFacts(f.containsKey("SEASONAL"), f.containsKey("DISCONTINUED"), f.containsKey("FILM"),
                f.containsKey("SAMPLE"), Integer.parseInt(set[1]), Integer.parseInt(set[0]),
                Integer.parseInt(f.getOrDefault("BAGS", "0")), Integer.parseInt(f.getOrDefault("BOXES", "0")),
                f.containsKey("COST") ? new BigDecimal(f.get("COST")) : null, Integer.parseInt(f.getOrDefault("QTY", "1")));

        PolicyDecision decision = engine.evaluate(facts, stock);

        assertThat(decision.remedy()).as(name).isEqualTo(remedy);
        assertThat(decision.decidingRule()).as(name).isEqualTo(deciding);
        assertThat(decision.dealer().creditPercent()).as(name).isEqualTo(credit);
        assertThat(decision.dealer().photoApprovalRequired()).as(name).isEqualTo(photos);
        if ("-".equals(amount)) {
            assertThat(decision.dealer().creditAmount()).as(name).isNull();
        } else {
            assertThat(decision.dealer().creditAmount()).as(name).isEqualByComparingTo(amount);
        }
        assertThat(decision.rulesWith(RuleOutcome.Verdict.FIRED)).as(name + ": the deciding rule is cited").contains(deciding);
        assertThat(decision.explanation()).as(name).contains(deciding.name()).contains(shipped.toString()).contains(requested.toString());
        assertThat(decision.windows()).extracting(PolicyWindow::rule)
                .containsExactly(PolicyRule.DEALER_FULL_CREDIT_WINDOW, PolicyRule.DEALER_REDUCED_CREDIT_WINDOW);
    }

    @Test
    void deductionsNameTheirRuleCountAndAmount() {
        PolicyDecision decision = engine.evaluate(CaseFacts.dealer("KETTLE", LocalDate.of(2026, 3, 1), LocalDate.of(2026, 3, 2)),
                new DealerFacts(false, false, false, false, 1, 1, 2, 1, new BigDecimal("80.00"), 1));
        assertThat(decision.dealer().deductions()).extracting(DealerTerms.Deduction::rule, DealerTerms.Deduction::count)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(PolicyRule.DEALER_PACKAGING_DEDUCTION_BAG, 2),
                        org.assertj.core.groups.Tuple.tuple(PolicyRule.DEALER_PACKAGING_DEDUCTION_BOX, 1));
        assertThat(decision.dealer().deductionTotal()).isEqualByComparingTo("26.00");
        assertThat(decision.dealer().creditAmount()).isEqualByComparingTo("54.00");
        assertThat(decision.dealer().currency()).isEqualTo("CNY");
    }

    @Test
    void aBoxDeductionNeedsTheCostAndASetCannotReturnMorePiecesThanItHas() {
        CaseFacts facts = CaseFacts.dealer("KETTLE", LocalDate.of(2026, 3, 1), LocalDate.of(2026, 3, 2));
        assertThatThrownBy(() -> engine.evaluate(facts, new DealerFacts(false, false, false, false, 1, 1, 0, 1, null, 1)))
                .isInstanceOfSatisfying(InvalidReturnCaseException.class, e -> assertThat(e.field()).isEqualTo("dealer.unitCost"));
        assertThatThrownBy(() -> new DealerFacts(false, false, false, false, 2, 3, 0, 0, null, 1))
                .isInstanceOfSatisfying(InvalidReturnCaseException.class, e -> assertThat(e.field()).isEqualTo("dealer.piecesReturned"));
    }

    @Test
    void aDisabledExclusionDoesNotFire() {
        DealerPolicy base = PolicyFixtures.briefDefaults().dealer();
        DealerPolicy withoutSeasonal = new DealerPolicy(base.fullCreditPeriod(), base.reducedCreditPercent(), base.acceptancePeriod(),
                base.photoApprovalTime(), base.currency(), base.bagDeduction(), base.boxDeductionPercent(),
                java.util.Set.of(PolicyRule.DEALER_EXCLUSION_SEASONAL), base.waivedByQualityFault());
        PolicySettings settings = PolicyFixtures.briefDefaults();
        ReturnPolicyEngine relaxed = new ReturnPolicyEngine(new PolicySettings(settings.version(), settings.defaults(),
                settings.categories(), withoutSeasonal, settings.terms()));
        PolicyDecision decision = relaxed.evaluate(CaseFacts.dealer("KETTLE", LocalDate.of(2026, 3, 1), LocalDate.of(2026, 3, 2)),
                new DealerFacts(true, false, false, false, 1, 1, 0, 0, null, 1));
        assertThat(decision.remedy()).isEqualTo(Remedy.REFUND);
        assertThat(decision.rules()).extracting(RuleOutcome::rule).doesNotContain(PolicyRule.DEALER_EXCLUSION_SEASONAL);
    }

    @Test
    void everyDealerTextExistsInChineseWithoutEnglishWords() {
        PolicyDecision decision = engine.evaluate(CaseFacts.dealer("KETTLE", LocalDate.of(2026, 3, 1), LocalDate.of(2026, 6, 15))
                        .withPriceType(PriceType.SPECIAL_PRICE),
                new DealerFacts(true, true, true, true, 2, 2, 1, 1, new BigDecimal("100"), 1));
        PolicyDecisionView zh = PolicyDecisionView.of(decision, null, null).localized(Locale.SIMPLIFIED_CHINESE);
        PolicyDecisionView en = PolicyDecisionView.of(decision, null, null).localized(Locale.ENGLISH);
        for (int i = 0; i < zh.rules().size(); i++) {
            PolicyDecisionView.Rule rule = zh.rules().get(i);
            if (rule.detailKey() != null) {
                assertThat(rule.detail()).as(rule.rule() + " detail").isNotEqualTo(en.rules().get(i).detail())
                        .doesNotContainPattern("[A-Za-z]{3,}");
            }
            assertThat(rule.description()).as(rule.rule() + " description").containsPattern("\\p{IsHan}");
        }
        assertThat(zh.explanation().replace(zh.policyVersion(), "")).contains("特价商品不予退仓").doesNotContainPattern("[A-Za-z]{3,}");
        assertThat(en.explanation()).startsWith("REJECTED by DEALER_EXCLUSION_SPECIAL_PRICE (dealer, DEFAULT@");
    }

    private static Map<String, String> flags(String flags) {
        if (flags.equals("-")) {
            return Map.of();
        }
        return Arrays.stream(flags.trim().split("\\s+")).collect(Collectors.toMap(
                s -> s.contains("=") ? s.substring(0, s.indexOf('=')) : s, s -> s.contains("=") ? s.substring(s.indexOf('=') + 1) : ""));
    }
}
