package com.aftersales.dispatch.shared;

/** The request conflicts with the current state under a named rule (a 409 that cites the rule). */
public class RuleViolationException extends RuntimeException {

    private final String rule;

    public RuleViolationException(String rule, String message) {
        super(rule + ": " + message);
        this.rule = rule;
    }

    public String rule() {
        return rule;
    }
}
