package com.aftersales.returns.policy;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;

/**
 * A decision as the API shows it: the remedy, every rule that fired or blocked with the dates it compared. Stored
 * with the return; {@link #localized(Locale)} renders descriptions, keyed details and the explanation in the
 * reader's language.
 */
public record PolicyDecisionView(
        Remedy remedy,
        PolicyRule decidingRule,
        String policyVersion,
        ReturnChannel channel,
        LocalDate purchaseDate,
        LocalDate requestDate,
        long daysSincePurchase,
        List<PolicyWindow> windows,
        List<Rule> rules,
        FreightDecision freight,
        Dealer dealer,
        String explanation,
        UUID productId,
        String serialNumber,
        String explanationKey,
        List<String> explanationArgs) {

    public PolicyDecisionView {
        explanationArgs = explanationArgs == null ? List.of() : List.copyOf(explanationArgs);
    }

    public record Rule(PolicyRule rule, RuleOutcome.Verdict verdict, String description, String detail, Set<Remedy> blockedRemedies,
                       String detailKey, List<String> detailArgs) {

        public Rule {
            detailArgs = detailArgs == null ? List.of() : List.copyOf(detailArgs);
        }

        Rule localized(Locale locale) {
            return new Rule(rule, verdict, PolicyTexts.description(rule, locale),
                    PolicyTexts.has(detailKey) ? PolicyTexts.render(detailKey, detailArgs, locale) : detail,
                    blockedRemedies, detailKey, detailArgs);
        }
    }

    /** Dealer terms; see {@link DealerTerms}. */
    public record Dealer(int creditPercent, boolean photoApprovalRequired, Duration photoApprovalTime, Integer windowCreditPercent,
                         List<DealerTerms.Deduction> deductions, BigDecimal creditAmount, String currency) {
    }

    public static PolicyDecisionView of(PolicyDecision d, UUID productId, String serialNumber) {
        return new PolicyDecisionView(d.remedy(), d.decidingRule(), d.policyVersion(), d.channel(), d.purchaseDate(),
                d.requestDate(), d.daysSincePurchase(), d.windows(),
                d.rules().stream().map(r -> new Rule(r.rule(), r.verdict(), r.description(), r.detail(), r.blockedRemedies(),
                        r.detailKey(), r.detailArgs())).toList(),
                d.freight(),
                d.dealer() == null ? null : new Dealer(d.dealer().creditPercent(), d.dealer().photoApprovalRequired(),
                        d.dealer().photoApprovalTime(), d.dealer().windowCreditPercent(), d.dealer().deductions(),
                        d.dealer().creditAmount(), d.dealer().currency()),
                d.explanation(), productId, serialNumber, d.explanationKey(), d.explanationArgs());
    }

    /** Rules applied after a decision, with their texts in {@code locale}. */
    public static List<Rule> localizedRules(List<Rule> rules, Locale locale) {
        return rules.stream().map(r -> r.localized(locale)).toList();
    }

    /** The same decision with its texts in {@code locale} (Chinese for any zh locale, else English). */
    public PolicyDecisionView localized(Locale locale) {
        return new PolicyDecisionView(remedy, decidingRule, policyVersion, channel, purchaseDate, requestDate, daysSincePurchase,
                windows, rules.stream().map(r -> r.localized(locale)).toList(), freight, dealer,
                PolicyTexts.has(explanationKey) ? PolicyTexts.render(explanationKey, explanationArgs, locale) : explanation,
                productId, serialNumber, explanationKey, explanationArgs);
    }
}
