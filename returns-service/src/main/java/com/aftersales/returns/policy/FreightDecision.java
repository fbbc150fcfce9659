package com.aftersales.returns.policy;

/** Who pays the freight and the rule that says so. */
public record FreightDecision(FreightPayer payer, PolicyRule rule) {
}
