package com.aftersales.returns.policy;

import java.util.Set;

/**
 * One rule's part in a decision.
 *
 * @param verdict         FIRED: the rule applied (a window that decided, an exclusion that held, a freight rule);
 *                        BLOCKED: the rule's window contained the request but an exclusion blocked its remedy
 * @param blockedRemedies for an exclusion, the remedies it rules out
 * @param detail          the facts and dates the rule compared, in words
 */
public record RuleOutcome(PolicyRule rule, Verdict verdict, Set<Remedy> blockedRemedies, String detail) {

    public enum Verdict { FIRED, BLOCKED }

    public RuleOutcome {
        blockedRemedies = blockedRemedies == null ? Set.of() : Set.copyOf(blockedRemedies);
    }

    public String description() {
        return rule.description();
    }
}
