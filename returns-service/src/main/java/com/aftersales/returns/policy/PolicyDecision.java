package com.aftersales.returns.policy;

import java.time.LocalDate;
import java.util.List;

/**
 * The answer of the policy with its reasons.
 *
 * @param decidingRule      the rule whose remedy was chosen
 * @param policyVersion     which version of which category policy decided, e.g. {@code AIR_CONDITIONER@2026.1}
 * @param daysSincePurchase calendar days from the purchase (or shipment) date to the request date
 * @param windows           every window the request date was compared with, and its boundaries
 * @param rules             every rule that fired or was blocked, in evaluation order
 * @param dealer            dealer terms; null for consumer returns
 * @param explanationKey    when not null, the explanation's key in the {@code policy-texts} bundles
 */
public record PolicyDecision(
        Remedy remedy,
        PolicyRule decidingRule,
        String policyVersion,
        ReturnChannel channel,
        LocalDate purchaseDate,
        LocalDate requestDate,
        long daysSincePurchase,
        List<PolicyWindow> windows,
        List<RuleOutcome> rules,
        FreightDecision freight,
        DealerTerms dealer,
        String explanation,
        String explanationKey,
        List<String> explanationArgs) {

    public PolicyDecision {
        windows = List.copyOf(windows);
        rules = List.copyOf(rules);
        explanationArgs = explanationArgs == null ? List.of() : List.copyOf(explanationArgs);
    }

    /** An explanation in English only. */
    public PolicyDecision(Remedy remedy, PolicyRule decidingRule, String policyVersion, ReturnChannel channel,
                          LocalDate purchaseDate, LocalDate requestDate, long daysSincePurchase, List<PolicyWindow> windows,
                          List<RuleOutcome> rules, FreightDecision freight, DealerTerms dealer, String explanation) {
        this(remedy, decidingRule, policyVersion, channel, purchaseDate, requestDate, daysSincePurchase, windows, rules,
                freight, dealer, explanation, null, List.of());
    }

    public List<PolicyRule> rulesWith(RuleOutcome.Verdict verdict) {
        return rules.stream().filter(r -> r.verdict() == verdict).map(RuleOutcome::rule).toList();
    }
}
