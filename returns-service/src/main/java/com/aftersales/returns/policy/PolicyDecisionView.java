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
