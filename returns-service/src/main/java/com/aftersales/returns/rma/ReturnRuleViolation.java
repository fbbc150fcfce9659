package com.aftersales.returns.rma;

import com.aftersales.returns.policy.PolicyRule;

/** A step a named rule refuses (a 409 that names the rule), e.g. a repaired unit handed back before QC's check. */
public class ReturnRuleViolation extends RuntimeException {

    private final PolicyRule rule;
    private final Object[] arguments;

    /** @param arguments of the rule's detail text {@code detail.rule-violated.<RULE>} in the problem bundles */
    public ReturnRuleViolation(PolicyRule rule, String message, Object... arguments) {
        super(message);
        this.rule = rule;
        this.arguments = arguments.clone();
    }

    public Object[] arguments() {
        return arguments.clone();
    }

    public PolicyRule rule() {
        return rule;
    }
}
