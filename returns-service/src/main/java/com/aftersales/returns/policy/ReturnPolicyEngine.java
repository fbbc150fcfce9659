package com.aftersales.returns.policy;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Decides the remedy of a return case under the policy in force. Pure and thread-safe: the same
 * facts and settings always give the same decision, so store clerks can ask as often as they like.
 * <p>
 * Consumer cases: the exclusions are checked first (each a named rule, independent of the date);
 * then the remedies are tried from the most generous down, each in its window, skipping those an
 * exclusion blocks. Because the windows nest and exclusions do not depend on the date, a later
 * request never gets a more generous remedy.
 */
public final class ReturnPolicyEngine {

    private static final Set<Remedy> RETURN_OR_EXCHANGE = EnumSet.of(Remedy.NO_REASON_RETURN, Remedy.REFUND, Remedy.EXCHANGE);
    private static final Set<Remedy> ANY_FREE_REMEDY =
            EnumSet.of(Remedy.NO_REASON_RETURN, Remedy.REFUND, Remedy.EXCHANGE, Remedy.FREE_REPAIR);

    private final PolicySettings settings;

    public ReturnPolicyEngine(PolicySettings settings) {
        this.settings = Objects.requireNonNull(settings, "settings");
    }

    public PolicySettings settings() {
        return settings;
    }

    public PolicyDecision evaluate(CaseFacts facts) {
        return evaluate(facts, DealerFacts.NONE);
    }

    /** @param stock what a dealer return adds (ignored for a consumer's) */
    public PolicyDecision evaluate(CaseFacts facts, DealerFacts stock) {
        if (facts.requestDate().isBefore(facts.purchaseDate())) {
            throw new InvalidReturnCaseException("requestDate", "the request date " + facts.requestDate()
                    + " is before the purchase date " + facts.purchaseDate());
        }
        CategoryPolicy policy = settings.forCategory(facts.category());
        return facts.channel() == ReturnChannel.DEALER
                ? new DealerReturnRules(settings.dealer()).decide(facts, stock == null ? DealerFacts.NONE : stock, policy,
                ReturnPolicyEngine::freight)
                : consumer(facts, policy);
    }

    private PolicyDecision consumer(CaseFacts facts, CategoryPolicy policy) {
        LocalDate purchase = facts.purchaseDate();
        LocalDate request = facts.requestDate();
        long days = ChronoUnit.DAYS.between(purchase, request);
        List<RuleOutcome> rules = new ArrayList<>();
        Set<Remedy> blocked = EnumSet.noneOf(Remedy.class);
        exclusions(facts, policy, rules, blocked);

        List<PolicyWindow> windows = new ArrayList<>();
        PolicyWindow noReason = window(PolicyRule.NO_REASON_RETURN_WINDOW, purchase, purchase.plusDays(policy.noReasonReturnDays()),
                policy.noReasonReturnDays() + " days", request);
        PolicyWindow refund = window(PolicyRule.QUALITY_FAULT_REFUND_WINDOW, purchase, purchase.plusDays(policy.refundDays()),
                policy.refundDays() + " days", request);
        PolicyWindow exchange = window(PolicyRule.QUALITY_FAULT_EXCHANGE_WINDOW, purchase, purchase.plusDays(policy.exchangeDays()),
                policy.exchangeDays() + " days", request);
        // Period arithmetic clamps to the month end: 30 Nov + 3 months is 28 Feb (29 in a leap year).
        PolicyWindow warranty = window(PolicyRule.QUALITY_FAULT_FREE_REPAIR_WINDOW, purchase, purchase.plus(policy.warranty()),
                policy.warranty().toString(), request);

        Candidate chosen;
        if (facts.qualityFaultClaimed()) {
            windows.addAll(List.of(refund, exchange, warranty));
            chosen = firstAllowed(rules, blocked, request,
                    new Candidate(Remedy.REFUND, refund),
                    new Candidate(Remedy.EXCHANGE, exchange),
                    new Candidate(Remedy.FREE_REPAIR, warranty));
            if (chosen == null) {
                chosen = new Candidate(Remedy.PAID_REPAIR, null);
                rules.add(new RuleOutcome(PolicyRule.PAID_REPAIR_AFTER_WARRANTY, RuleOutcome.Verdict.FIRED, Set.of(),
                        warranty.containsRequest()
                                ? "free remedies are excluded; the repair is charged by the repair price list"
                                : "request date " + request + " is after the warranty's last day " + warranty.lastDay()));
            }
        } else {
            windows.add(noReason);
            chosen = firstAllowed(rules, blocked, request, new Candidate(Remedy.NO_REASON_RETURN, noReason));
            if (chosen == null && facts.customerCausedDamage()) {
                chosen = new Candidate(Remedy.PAID_REPAIR, null);
                rules.add(new RuleOutcome(PolicyRule.PAID_REPAIR_AFTER_WARRANTY, RuleOutcome.Verdict.FIRED, Set.of(),
                        "damage caused by the customer can only be repaired at the customer's charge"));
            } else if (chosen == null) {
                chosen = new Candidate(Remedy.REJECTED, null);
                rules.add(new RuleOutcome(PolicyRule.NO_REASON_WINDOW_PASSED, RuleOutcome.Verdict.FIRED, Set.of(),
                        noReason.containsRequest()
                                ? "no quality fault claimed and the return without reason is excluded"
                                : "no quality fault claimed and request date " + request + " is after the no-reason window's last day "
                                + noReason.lastDay() + " (day " + days + " of " + policy.noReasonReturnDays() + ")"));
            }
        }
        PolicyRule deciding = chosen.window() != null ? chosen.window().rule()
                : rules.get(rules.size() - 1).rule();
        FreightDecision freight = freight(facts, rules);
        String explanation = chosen.remedy() + " by " + deciding + " (" + policy.versionTag() + "): purchased " + purchase
                + ", requested " + request + " (day " + days + ")";
        return new PolicyDecision(chosen.remedy(), deciding, policy.versionTag(), ReturnChannel.CONSUMER, purchase, request,
                days, windows, rules, freight, null, explanation);
    }

    private static void exclusions(CaseFacts f, CategoryPolicy policy, List<RuleOutcome> rules, Set<Remedy> blocked) {
        if (!f.qualityFaultClaimed() && f.signsOfUse()) {
            exclude(policy, rules, blocked, PolicyRule.EXCLUSION_USED_WITHOUT_FAULT, EnumSet.of(Remedy.NO_REASON_RETURN),
                    "no quality fault claimed and the unit shows signs of use or processing");
        }
        if (!f.qualityFaultClaimed() && f.customMade()) {
            exclude(policy, rules, blocked, PolicyRule.EXCLUSION_CUSTOM_MADE_WITHOUT_FAULT, EnumSet.of(Remedy.NO_REASON_RETURN),
                    "custom-made for the customer and no quality fault claimed");
        }
        if (!f.originalPackagingIntact() || !f.accessoriesComplete() || !f.warrantyCardPresent()) {
            List<String> missing = new ArrayList<>();
            if (!f.originalPackagingIntact()) {
                missing.add("original packaging damaged or missing");
            }
            if (!f.accessoriesComplete()) {
                missing.add("accessories incomplete or damaged");
            }
            if (!f.warrantyCardPresent()) {
                missing.add("no warranty card");
            }
            exclude(policy, rules, blocked, PolicyRule.EXCLUSION_INCOMPLETE_PACKAGING, RETURN_OR_EXCHANGE, String.join("; ", missing));
        }
        if (f.customerCausedDamage()) {
            exclude(policy, rules, blocked, PolicyRule.EXCLUSION_CUSTOMER_DAMAGE, ANY_FREE_REMEDY, "the damage was caused by the customer");
        }
        if (f.priceType() != PriceType.REGULAR) {
            exclude(policy, rules, blocked, PolicyRule.EXCLUSION_SPECIAL_PRICE_OR_GIFT, RETURN_OR_EXCHANGE,
                    "sold as " + f.priceType());
        }
        if (!f.soldByUs()) {
            exclude(policy, rules, blocked, PolicyRule.EXCLUSION_NOT_SOLD_BY_US, ANY_FREE_REMEDY, "the unit was not sold by us");
        }
    }

    private static void exclude(CategoryPolicy policy, List<RuleOutcome> rules, Set<Remedy> blocked, PolicyRule rule,
                                Set<Remedy> remedies, String detail) {
        if (policy.applies(rule)) {
            rules.add(new RuleOutcome(rule, RuleOutcome.Verdict.FIRED, remedies, detail));
            blocked.addAll(remedies);
        }
    }

    private static Candidate firstAllowed(List<RuleOutcome> rules, Set<Remedy> blocked, LocalDate request, Candidate... candidates) {
        for (Candidate candidate : candidates) {
            PolicyWindow window = candidate.window();
            if (!window.containsRequest()) {
                continue;
            }
            String dates = "request date " + request + " is within " + window.firstDay() + " .. " + window.lastDay()
                    + " (" + window.length() + ")";
            if (blocked.contains(candidate.remedy())) {
                rules.add(new RuleOutcome(window.rule(), RuleOutcome.Verdict.BLOCKED, Set.of(),
                        dates + ", but " + blockers(rules, candidate.remedy()) + " rule(s) it out"));
                continue;
            }
            rules.add(new RuleOutcome(window.rule(), RuleOutcome.Verdict.FIRED, Set.of(), dates));
            return candidate;
        }
        return null;
    }

    private static String blockers(List<RuleOutcome> rules, Remedy remedy) {
        return String.join(", ", rules.stream().filter(r -> r.blockedRemedies().contains(remedy))
                .map(r -> r.rule().name()).toList());
    }

    /** The company pays when it caused the return (quality fault, shipping/picking or sales-order error). */
    private static FreightDecision freight(CaseFacts f, List<RuleOutcome> rules) {
        PolicyRule rule;
        FreightPayer payer = FreightPayer.COMPANY;
        if (f.shippingOrPickingError()) {
            rule = PolicyRule.FREIGHT_SHIPPING_OR_PICKING_ERROR;
        } else if (f.salesOrderError()) {
            rule = PolicyRule.FREIGHT_SALES_ORDER_ERROR;
        } else if (f.qualityFaultClaimed() && !f.customerCausedDamage()) {
            rule = PolicyRule.FREIGHT_QUALITY_FAULT;
        } else {
            rule = PolicyRule.FREIGHT_CUSTOMER_OTHERWISE;
            payer = FreightPayer.CUSTOMER;
        }
        rules.add(new RuleOutcome(rule, RuleOutcome.Verdict.FIRED, Set.of(), rule.description()));
        return new FreightDecision(payer, rule);
    }

    private static PolicyWindow window(PolicyRule rule, LocalDate first, LocalDate last, String length, LocalDate request) {
        return new PolicyWindow(rule, first, last, length, !request.isAfter(last));
    }

    private record Candidate(Remedy remedy, PolicyWindow window) {
    }
}
