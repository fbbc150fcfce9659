package com.aftersales.returns.policy;

import com.aftersales.contracts.warranty.Coverage;
import com.aftersales.contracts.warranty.WarrantyCheck;
import com.aftersales.contracts.warranty.WarrantyTerms;

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
 * <p>
 * The deciding rule is the one that decided: the window whose remedy was chosen; or, when no window's
 * remedy is allowed, the first exclusion that ruled out a remedy whose window still held on the request
 * date (e.g. {@code EXCLUSION_NOT_SOLD_BY_US} on day 5 without a fault); only when no such window held is it
 * a window having passed ({@code NO_REASON_WINDOW_PASSED}, {@code PAID_REPAIR_AFTER_WARRANTY}). The
 * free-repair window is the unit's warranty under the shared terms (the same cover ticket entitlement
 * uses), from the purchase date to its inclusive last day.
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
        PolicyWindow noReason = window(PolicyRule.NO_REASON_RETURN_WINDOW, purchase,
                WarrantyTerms.lastDay(purchase, policy.noReasonReturnDays()), policy.noReasonReturnDays() + " days", request);
        PolicyWindow refund = window(PolicyRule.QUALITY_FAULT_REFUND_WINDOW, purchase,
                WarrantyTerms.lastDay(purchase, policy.refundDays()), policy.refundDays() + " days", request);
        PolicyWindow exchange = window(PolicyRule.QUALITY_FAULT_EXCHANGE_WINDOW, purchase,
                WarrantyTerms.lastDay(purchase, policy.exchangeDays()), policy.exchangeDays() + " days", request);
        // The shared terms' unit cover; period arithmetic clamps to the month end: 30 Nov + 3 months is 28 Feb.
        WarrantyCheck cover = settings.terms().check(facts.category(), purchase, facts.installationDate(), request);
        Coverage unit = cover.unit();
        PolicyWindow warranty = window(PolicyRule.QUALITY_FAULT_FREE_REPAIR_WINDOW, purchase, unit.lastDay(),
                unit.length() + (unit.startDate().equals(purchase) ? "" : " from installation on " + unit.startDate())
                        + " (" + cover.termsKey() + " warranty terms " + cover.termsVersion() + ")", request);

        Candidate chosen;
        if (facts.qualityFaultClaimed()) {
            windows.addAll(List.of(refund, exchange, warranty));
            chosen = firstAllowed(rules, blocked, request,
                    new Candidate(Remedy.REFUND, refund),
                    new Candidate(Remedy.EXCHANGE, exchange),
                    new Candidate(Remedy.FREE_REPAIR, warranty));
            if (chosen == null) {
                chosen = new Candidate(Remedy.PAID_REPAIR, null);
                if (!warranty.containsRequest()) {
                    rules.add(new RuleOutcome(PolicyRule.PAID_REPAIR_AFTER_WARRANTY, RuleOutcome.Verdict.FIRED, Set.of(),
                            "request date " + request + " is after the warranty's last day " + warranty.lastDay()));
                }
            }
        } else {
            windows.add(noReason);
            chosen = firstAllowed(rules, blocked, request, new Candidate(Remedy.NO_REASON_RETURN, noReason));
            if (chosen == null && facts.customerCausedDamage() && policy.applies(PolicyRule.EXCLUSION_CUSTOMER_DAMAGE)) {
                // Damage caused by the customer can only be repaired at the customer's charge: the exclusion decides.
                chosen = new Candidate(Remedy.PAID_REPAIR, null);
            } else if (chosen == null) {
                chosen = new Candidate(Remedy.REJECTED, null);
                if (!noReason.containsRequest()) {
                    rules.add(new RuleOutcome(PolicyRule.NO_REASON_WINDOW_PASSED, RuleOutcome.Verdict.FIRED, Set.of(),
                            "no quality fault claimed and request date " + request + " is after the no-reason window's last day "
                                    + noReason.lastDay() + " (day " + days + " of " + policy.noReasonReturnDays() + ")"));
                }
            }
        }
        PolicyRule deciding = chosen.window() != null ? chosen.window().rule() : decidingWithoutWindow(rules, chosen.remedy(),
                facts.qualityFaultClaimed() ? List.of(refund, exchange, warranty) : List.of(noReason));
        FreightDecision freight = freight(facts, rules);
        String ruledOut = ruledOut(rules, deciding);
        List<String> args = new ArrayList<>(List.of(chosen.remedy().name(), deciding.name(), policy.versionTag(),
                purchase.toString(), request.toString(), Long.toString(days)));
        String key = explanation(deciding, windows, rules, args);
        args.add(ruledOut);
        return new PolicyDecision(chosen.remedy(), deciding, policy.versionTag(), ReturnChannel.CONSUMER, purchase, request,
                days, windows, rules, freight, null, PolicyTexts.english(key, args), key, args);
    }

    /**
     * No window's remedy was allowed. The windows nest, so the least generous window that still held on the request
     * date is the last the customer could have had: the first exclusion that ruled out its remedy decided. When no
     * window held, the rule saying the last window passed decided (or, for a paid repair of damage the customer
     * caused, that exclusion).
     */
    private static PolicyRule decidingWithoutWindow(List<RuleOutcome> rules, Remedy chosen, List<PolicyWindow> windows) {
        PolicyWindow lastHeld = null;
        for (PolicyWindow w : windows) {
            if (w.containsRequest()) {
                lastHeld = w;
            }
        }
        for (RuleOutcome outcome : rules) {
            boolean firedExclusion = outcome.rule().isExclusion() && outcome.verdict() == RuleOutcome.Verdict.FIRED;
            if (firedExclusion && lastHeld != null && outcome.blockedRemedies().contains(remedyOf(lastHeld.rule()))) {
                return outcome.rule();
            }
            if (firedExclusion && lastHeld == null && chosen == Remedy.PAID_REPAIR
                    && outcome.rule() == PolicyRule.EXCLUSION_CUSTOMER_DAMAGE) {
                return outcome.rule();
            }
        }
        return rules.stream().map(RuleOutcome::rule)
                .filter(r -> r == PolicyRule.NO_REASON_WINDOW_PASSED || r == PolicyRule.PAID_REPAIR_AFTER_WARRANTY)
                .findFirst().orElseThrow(() -> new IllegalStateException("no rule decided " + chosen));
    }

    private static Remedy remedyOf(PolicyRule window) {
        return switch (window) {
            case NO_REASON_RETURN_WINDOW -> Remedy.NO_REASON_RETURN;
            case QUALITY_FAULT_REFUND_WINDOW -> Remedy.REFUND;
            case QUALITY_FAULT_EXCHANGE_WINDOW -> Remedy.EXCHANGE;
            case QUALITY_FAULT_FREE_REPAIR_WINDOW -> Remedy.FREE_REPAIR;
            default -> throw new IllegalArgumentException(window + " is not a window");
        };
    }

    /**
     * The explanation's text key, by what decided: a window (its first and last day), an exclusion (its detail and the
     * windows it closed) or the last window having passed. Appends that variant's arguments to {@code args}.
     */
    private static String explanation(PolicyRule deciding, List<PolicyWindow> windows, List<RuleOutcome> rules, List<String> args) {
        for (PolicyWindow w : windows) {
            if (w.rule() == deciding) {
                args.addAll(List.of(w.firstDay().toString(), w.lastDay().toString(), w.length()));
                return "explanation.consumer.window";
            }
        }
        if (deciding.isExclusion()) {
            RuleOutcome exclusion = rules.stream().filter(r -> r.rule() == deciding).findFirst().orElseThrow();
            List<String> held = windows.stream().filter(PolicyWindow::containsRequest)
                    .filter(w -> exclusion.blockedRemedies().contains(remedyOf(w.rule())))
                    .map(w -> w.rule() + " " + w.firstDay() + " .. " + w.lastDay()).toList();
            args.addAll(List.of(exclusion.detail(), held.isEmpty() ? "" : ", although the request is within " + String.join(", ", held)));
            return "explanation.consumer.exclusion";
        }
        PolicyWindow last = windows.get(windows.size() - 1);
        args.addAll(List.of(last.rule().name(), last.lastDay().toString(), last.length()));
        return "explanation.consumer.window-passed";
    }

    /** Remedies whose windows held but that exclusions ruled out, other than by the deciding rule itself. */
    private static String ruledOut(List<RuleOutcome> rules, PolicyRule deciding) {
        List<String> blocked = rules.stream().filter(r -> r.verdict() == RuleOutcome.Verdict.BLOCKED)
                .map(r -> r.rule().name()).toList();
        List<String> by = rules.stream().filter(r -> r.rule().isExclusion() && r.rule() != deciding).map(r -> r.rule().name()).toList();
        if (blocked.isEmpty() || by.isEmpty()) {
            return "";
        }
        return "; ruled out " + String.join(", ", blocked) + " by " + String.join(", ", by);
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
        return new PolicyWindow(rule, first, last, length, !request.isBefore(first) && !request.isAfter(last));
    }

    private record Candidate(Remedy remedy, PolicyWindow window) {
    }
}
