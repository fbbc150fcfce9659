package com.aftersales.returns.policy;

import java.util.List;
import java.util.Set;

/**
 * One rule's part in a decision.
 *
 * @param verdict         FIRED: the rule applied (a window that decided, an exclusion that held, a freight rule);
 *                        BLOCKED: the rule's window contained the request but an exclusion blocked its remedy
 * @param blockedRemedies for an exclusion, the remedies it rules out
 * @param detail          the facts and dates the rule compared, in words (English)
 * @param detailKey       when not null, the key of the detail in the {@code policy-texts} bundles (both languages)
 * @param detailArgs      the arguments of that text
 */
public record RuleOutcome(PolicyRule rule, Verdict verdict, Set<Remedy> blockedRemedies, String detail, String detailKey,
                          List<String> detailArgs) {

    public enum Verdict { FIRED, BLOCKED }

    public RuleOutcome {
        blockedRemedies = blockedRemedies == null ? Set.of() : Set.copyOf(blockedRemedies);
        detailArgs = detailArgs == null ? List.of() : List.copyOf(detailArgs);
    }

    /** A detail in English only (no message key). */
    public RuleOutcome(PolicyRule rule, Verdict verdict, Set<Remedy> blockedRemedies, String detail) {
        this(rule, verdict, blockedRemedies, detail, null, List.of());
    }

    /**
     * A detail rendered from the {@code policy-texts} bundle by {@code key} with {@code args} in the reader's language;
     * {@code english} is what is stored and published.
     */
    public static RuleOutcome keyed(PolicyRule rule, Verdict verdict, Set<Remedy> blocked, String key, List<String> args) {
        return new RuleOutcome(rule, verdict, blocked, PolicyTexts.english(key, args), key, args);
    }

    public String description() {
        return rule.description();
    }
}
