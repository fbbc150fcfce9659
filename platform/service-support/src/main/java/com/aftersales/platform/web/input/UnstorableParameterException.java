package com.aftersales.platform.web.input;

/** A query, path or header parameter that {@link StorableInput} refuses; the problem advice makes it a field error. */
public class UnstorableParameterException extends RuntimeException {

    private final String parameter;
    private final StorableInput.Violation violation;

    public UnstorableParameterException(String parameter, StorableInput.Violation violation) {
        super("parameter " + parameter + " cannot be stored: " + violation);
        this.parameter = parameter;
        this.violation = violation;
    }

    public String parameter() {
        return parameter;
    }

    public StorableInput.Violation violation() {
        return violation;
    }
}
