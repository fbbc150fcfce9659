package com.aftersales.returns.policy;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/** A decision as the API shows it: the remedy, every rule that fired or blocked with the dates it compared. */
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
        String serialNumber) {

    public record Rule(PolicyRule rule, RuleOutcome.Verdict verdict, String description, String detail, Set<Remedy> blockedRemedies) {
    }

    public record Dealer(int creditPercent, boolean photoApprovalRequired, Duration photoApprovalTime) {
    }

    /**
     * This decision as the API client reads it: in Chinese (rule descriptions, explanation; per-rule details, which
     * the engine writes in English, left out: the windows carry the dates) when Accept-Language asks for zh, else as is.
     */
    public PolicyDecisionView inRequestLanguage() {
        if (!PolicyLanguage.chineseRequested()) {
            return this;
        }
        java.util.ResourceBundle zh = PolicyLanguage.chinese();
        List<Rule> chineseRules = rules == null ? null : rules.stream().map(r -> new Rule(r.rule(), r.verdict(),
                PolicyLanguage.word(zh, "rule." + r.rule(), r.rule() == null ? null : r.rule().name()), null,
                r.blockedRemedies())).toList();
        String chineseExplanation = remedy == null || decidingRule == null ? explanation : PolicyLanguage.format(zh, "explanation",
                PolicyLanguage.word(zh, "remedy." + remedy, remedy.name()), decidingRule.name(),
                PolicyLanguage.word(zh, "rule." + decidingRule, decidingRule.name()), policyVersion, purchaseDate, requestDate,
                Long.toString(daysSincePurchase));
        return new PolicyDecisionView(remedy, decidingRule, policyVersion, channel, purchaseDate, requestDate, daysSincePurchase,
                windows, chineseRules, freight, dealer, chineseExplanation, productId, serialNumber);
    }

    public static PolicyDecisionView of(PolicyDecision d, UUID productId, String serialNumber) {
        return new PolicyDecisionView(d.remedy(), d.decidingRule(), d.policyVersion(), d.channel(), d.purchaseDate(),
                d.requestDate(), d.daysSincePurchase(), d.windows(),
                d.rules().stream().map(r -> new Rule(r.rule(), r.verdict(), r.description(), r.detail(), r.blockedRemedies())).toList(),
                d.freight(),
                d.dealer() == null ? null : new Dealer(d.dealer().creditPercent(), d.dealer().photoApprovalRequired(),
                        d.dealer().photoApprovalTime()),
                d.explanation(), productId, serialNumber);
    }
}
