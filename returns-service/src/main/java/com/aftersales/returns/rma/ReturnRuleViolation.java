package com.aftersales.returns.rma;

import com.aftersales.returns.policy.PolicyRule;

/** A step a named rule refuses (a 409 that names the rule), e.g. a repaired unit handed back before QC's check. */
public class ReturnRuleViolation extends RuntimeException {

    private final PolicyRule rule;

    public ReturnRuleViolation(PolicyRule rule, String message) {
        super(message);
        this.rule = rule;
    }

    public PolicyRule rule() {
        return rule;
    }
}
