package com.aftersales.returns.policy;

import com.aftersales.contracts.warranty.WarrantyTerms;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Dealer (B2B, store-to-warehouse) returns, counted from the shipment date. In order: the exclusions (special
 * price, custom-made, seasonal, discontinued, no original packaging, protective film torn; some waived when a quality
 * fault is claimed), a set returned incomplete, then the shipment-date windows (full credit, reduced credit, not
 * accepted). The first rule that refuses the return decides it; the windows are always shown with their dates.
 * Accepted returns of large items and display samples wait for photo approval; packaging to replace is deducted
 * (each bag a fixed amount, each outer box a share of the cost). Plain Java.
 */
final class DealerReturnRules {

    private static final int MONEY_SCALE = 2;
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private final DealerPolicy dealer;

    DealerReturnRules(DealerPolicy dealer) {
        this.dealer = dealer;
    }

    /** @param freight the freight rule, decided like a consumer's (added to {@code rules} by the caller's function) */
    PolicyDecision decide(CaseFacts facts, DealerFacts stock, CategoryPolicy policy,
                          java.util.function.BiFunction<CaseFacts, List<RuleOutcome>, FreightDecision> freight) {
        LocalDate shipped = facts.purchaseDate();
        LocalDate request = facts.requestDate();
        long days = ChronoUnit.DAYS.between(shipped, request);
        List<RuleOutcome> rules = new ArrayList<>();

        List<PolicyRule> refusals = new ArrayList<>();
        exclusion(rules, refusals, facts, PolicyRule.DEALER_EXCLUSION_SPECIAL_PRICE, facts.priceType() != PriceType.REGULAR,
                List.of(facts.priceType().name()));
        exclusion(rules, refusals, facts, PolicyRule.DEALER_EXCLUSION_CUSTOM_MADE, facts.customMade(), List.of());
        exclusion(rules, refusals, facts, PolicyRule.DEALER_EXCLUSION_SEASONAL, stock.seasonal(), List.of());
        exclusion(rules, refusals, facts, PolicyRule.DEALER_EXCLUSION_DISCONTINUED, stock.discontinued(), List.of());
        exclusion(rules, refusals, facts, PolicyRule.DEALER_EXCLUSION_NO_ORIGINAL_PACKAGING, !facts.originalPackagingIntact(),
                List.of());
        exclusion(rules, refusals, facts, PolicyRule.DEALER_EXCLUSION_PROTECTIVE_FILM_TORN, stock.protectiveFilmTorn(), List.of());
        if (stock.setIncomplete()) {
            rules.add(RuleOutcome.keyed(PolicyRule.DEALER_SET_INCOMPLETE, RuleOutcome.Verdict.FIRED, Set.of(),
                    "detail.DEALER_SET_INCOMPLETE", List.of(Integer.toString(stock.piecesReturned()),
                            Integer.toString(stock.setPieces()))));
            refusals.add(PolicyRule.DEALER_SET_INCOMPLETE);
        }

        PolicyWindow full = window(PolicyRule.DEALER_FULL_CREDIT_WINDOW, shipped, WarrantyTerms.lastDay(shipped, dealer.fullCreditPeriod()),
                dealer.fullCreditPeriod().toString(), request);
        PolicyWindow accepted = window(PolicyRule.DEALER_REDUCED_CREDIT_WINDOW, shipped, WarrantyTerms.lastDay(shipped, dealer.acceptancePeriod()),
                dealer.acceptancePeriod().toString(), request);
        PolicyRule windowRule;
        int windowCredit;
        List<String> windowArgs;
        if (full.containsRequest()) {
            windowRule = PolicyRule.DEALER_FULL_CREDIT_WINDOW;
            windowCredit = DealerPolicy.FULL_CREDIT_PERCENT;
            windowArgs = List.of(request.toString(), shipped.toString(), full.lastDay().toString(), Integer.toString(windowCredit));
        } else if (accepted.containsRequest()) {
            windowRule = PolicyRule.DEALER_REDUCED_CREDIT_WINDOW;
            windowCredit = dealer.reducedCreditPercent();
            windowArgs = List.of(request.toString(), full.lastDay().toString(), accepted.lastDay().toString(),
                    Integer.toString(windowCredit));
        } else {
            windowRule = PolicyRule.DEALER_REFUSED_AFTER_WINDOW;
            windowCredit = 0;
            windowArgs = List.of(request.toString(), accepted.lastDay().toString());
        }
        boolean windowAccepts = windowRule != PolicyRule.DEALER_REFUSED_AFTER_WINDOW;
        rules.add(RuleOutcome.keyed(windowRule, windowAccepts && !refusals.isEmpty() ? RuleOutcome.Verdict.BLOCKED
                : RuleOutcome.Verdict.FIRED, Set.of(), "detail." + windowRule.name(), windowArgs));
        if (!windowAccepts) {
            refusals.add(windowRule);
        }

        boolean refused = !refusals.isEmpty();
        Remedy remedy = refused ? Remedy.REJECTED : Remedy.REFUND;
        PolicyRule deciding = refused ? refusals.get(0) : windowRule;
        int credit = refused ? 0 : windowCredit;

        boolean large = facts.largeItem() != null ? facts.largeItem() : policy.largeItem();
        boolean photos = !refused && (large || stock.displaySample());
        if (photos && large) {
            rules.add(RuleOutcome.keyed(PolicyRule.DEALER_LARGE_ITEM_PHOTO_APPROVAL, RuleOutcome.Verdict.FIRED, Set.of(),
                    "detail.DEALER_LARGE_ITEM_PHOTO_APPROVAL", List.of(hours(dealer))));
        }
        if (photos && stock.displaySample()) {
            rules.add(RuleOutcome.keyed(PolicyRule.DEALER_DISPLAY_SAMPLE_PHOTO_APPROVAL, RuleOutcome.Verdict.FIRED, Set.of(),
                    "detail.DEALER_DISPLAY_SAMPLE_PHOTO_APPROVAL", List.of(hours(dealer))));
        }

        List<DealerTerms.Deduction> deductions = refused ? List.of() : deductions(stock, rules);
        BigDecimal creditAmount = null;
        if (stock.unitCost() != null) {
            BigDecimal gross = stock.unitCost().multiply(BigDecimal.valueOf(stock.quantity()))
                    .multiply(BigDecimal.valueOf(credit)).divide(HUNDRED, MONEY_SCALE, RoundingMode.HALF_UP);
            BigDecimal net = gross.subtract(deductions.stream().map(DealerTerms.Deduction::amount)
                    .reduce(BigDecimal.ZERO, BigDecimal::add));
            creditAmount = net.signum() < 0 ? BigDecimal.ZERO.setScale(MONEY_SCALE) : net;
        }

        FreightDecision freightDecision = freight.apply(facts, rules);
        List<String> explanationArgs = List.of(remedy.name(), deciding.name(), policy.versionTag(), shipped.toString(),
                request.toString(), Long.toString(days), Integer.toString(credit),
                creditAmount == null ? "-" : creditAmount.toPlainString(), creditAmount == null ? "" : dealer.currency());
        String explanationKey = "explanation.dealer";
        return new PolicyDecision(remedy, deciding, policy.versionTag(), ReturnChannel.DEALER, shipped, request, days,
                List.of(full, accepted), rules, freightDecision,
                new DealerTerms(credit, photos, dealer.photoApprovalTime(), windowCredit, deductions, creditAmount,
                        dealer.currency()),
                PolicyTexts.english(explanationKey, explanationArgs), explanationKey, explanationArgs);
    }

    private void exclusion(List<RuleOutcome> rules, List<PolicyRule> refusals, CaseFacts facts, PolicyRule rule,
                           boolean holds, List<String> args) {
        if (holds && dealer.applies(rule, facts.qualityFaultClaimed())) {
            rules.add(RuleOutcome.keyed(rule, RuleOutcome.Verdict.FIRED, Set.of(Remedy.REFUND), "detail." + rule.name(), args));
            refusals.add(rule);
        }
    }

    private List<DealerTerms.Deduction> deductions(DealerFacts stock, List<RuleOutcome> rules) {
        List<DealerTerms.Deduction> deductions = new ArrayList<>();
        if (stock.bagsToReplace() > 0) {
            BigDecimal each = dealer.bagDeduction().setScale(MONEY_SCALE, RoundingMode.HALF_UP);
            BigDecimal amount = each.multiply(BigDecimal.valueOf(stock.bagsToReplace()));
            deductions.add(new DealerTerms.Deduction(PolicyRule.DEALER_PACKAGING_DEDUCTION_BAG, stock.bagsToReplace(), each, amount));
            rules.add(RuleOutcome.keyed(PolicyRule.DEALER_PACKAGING_DEDUCTION_BAG, RuleOutcome.Verdict.FIRED, Set.of(),
                    "detail.DEALER_PACKAGING_DEDUCTION_BAG", List.of(Integer.toString(stock.bagsToReplace()),
                            each.toPlainString(), amount.toPlainString(), dealer.currency())));
        }
        if (stock.boxesToReplace() > 0) {
            if (stock.unitCost() == null) {
                throw new InvalidReturnCaseException("dealer.unitCost",
                        "the unit cost is needed to deduct " + stock.boxesToReplace() + " outer box(es) at "
                                + dealer.boxDeductionPercent() + " % of the cost");
            }
            BigDecimal each = stock.unitCost().multiply(BigDecimal.valueOf(dealer.boxDeductionPercent()))
                    .divide(HUNDRED, MONEY_SCALE, RoundingMode.HALF_UP);
            BigDecimal amount = each.multiply(BigDecimal.valueOf(stock.boxesToReplace()));
            deductions.add(new DealerTerms.Deduction(PolicyRule.DEALER_PACKAGING_DEDUCTION_BOX, stock.boxesToReplace(), each, amount));
            rules.add(RuleOutcome.keyed(PolicyRule.DEALER_PACKAGING_DEDUCTION_BOX, RuleOutcome.Verdict.FIRED, Set.of(),
                    "detail.DEALER_PACKAGING_DEDUCTION_BOX", List.of(Integer.toString(stock.boxesToReplace()),
                            Integer.toString(dealer.boxDeductionPercent()), stock.unitCost().toPlainString(),
                            each.toPlainString(), amount.toPlainString(), dealer.currency())));
        }
        return deductions;
    }

    private static String hours(DealerPolicy dealer) {
        return Long.toString(dealer.photoApprovalTime().toHours());
    }

    private static PolicyWindow window(PolicyRule rule, LocalDate first, LocalDate last, String length, LocalDate request) {
        return new PolicyWindow(rule, first, last, length, !request.isAfter(last));
    }
}
