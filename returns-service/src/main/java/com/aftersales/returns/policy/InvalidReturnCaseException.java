package com.aftersales.returns.policy;

/** The facts of a case contradict each other (a request before the purchase); a client mistake, not a decision. */
public class InvalidReturnCaseException extends RuntimeException {

    private final String field;

    public InvalidReturnCaseException(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
