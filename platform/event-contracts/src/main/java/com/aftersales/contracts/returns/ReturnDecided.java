package com.aftersales.contracts.returns;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The policy decided a return, or a supervisor overrode the decision. Carries every rule that fired or
 * blocked and the policy version, so that the decision can be explained without asking returns-service.
 *
 * @param status        AUTHORIZED, REJECTED, or REQUESTED while a dealer's photos await approval
 * @param creditPercent dealer returns: share of the invoice credited; null for consumers
 * @param override      present when a supervisor overrode the automated remedy
 * @param ticketId      v1.1: the ticket the return comes from, when requested for one; null otherwise
 * @param requestedByStore v1.2: as in {@code ReturnRequested}: the requesting clerk's store, null for unscoped roles
 * @param countsInReturnRate v1.3: as in {@code ReturnStatusChanged}; null from producers before v1.3
 */
public record ReturnDecided(UUID returnId, String remedy, String decidingRule, String policyVersion, String status,
                            List<RuleCitation> rules, String freightPayer, String freightRule, Integer creditPercent,
                            boolean photoApprovalRequired, Override override, String explanation, Instant decidedAt,
                            UUID ticketId, String requestedByStore, Boolean countsInReturnRate) {

    /** The fields of v1.2. */
    public ReturnDecided(UUID returnId, String remedy, String decidingRule, String policyVersion, String status,
                         List<RuleCitation> rules, String freightPayer, String freightRule, Integer creditPercent,
                         boolean photoApprovalRequired, Override override, String explanation, Instant decidedAt,
                         UUID ticketId, String requestedByStore) {
        this(returnId, remedy, decidingRule, policyVersion, status, rules, freightPayer, freightRule, creditPercent,
                photoApprovalRequired, override, explanation, decidedAt, ticketId, requestedByStore, null);
    }

    /** The fields of v1.1. */
    public ReturnDecided(UUID returnId, String remedy, String decidingRule, String policyVersion, String status,
                         List<RuleCitation> rules, String freightPayer, String freightRule, Integer creditPercent,
                         boolean photoApprovalRequired, Override override, String explanation, Instant decidedAt,
                         UUID ticketId) {
        this(returnId, remedy, decidingRule, policyVersion, status, rules, freightPayer, freightRule, creditPercent,
                photoApprovalRequired, override, explanation, decidedAt, ticketId, null);
    }

    /** The fields of v1.0. */
    public ReturnDecided(UUID returnId, String remedy, String decidingRule, String policyVersion, String status,
                         List<RuleCitation> rules, String freightPayer, String freightRule, Integer creditPercent,
                         boolean photoApprovalRequired, Override override, String explanation, Instant decidedAt) {
        this(returnId, remedy, decidingRule, policyVersion, status, rules, freightPayer, freightRule, creditPercent,
                photoApprovalRequired, override, explanation, decidedAt, null, null);
    }

    /** @param verdict FIRED or BLOCKED */
    public record RuleCitation(String rule, String verdict, String detail) {
    }

    /** @param automatedRemedy what the policy had decided before the override */
    public record Override(String supervisor, String reason, String automatedRemedy) {
    }
}
