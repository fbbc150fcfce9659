package com.aftersales.ticket.shared;

/**
 * A request field that passed bean validation but breaks a domain rule (e.g. a purchase date in the
 * future in the configured time zone). Rendered as a {@code validation-failed} problem naming the field.
 */
public class InvalidFieldException extends RuntimeException {

    private final String field;

    public InvalidFieldException(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
