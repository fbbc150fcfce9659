package com.aftersales.feedback.shared;

/** A request field breaks a domain rule that bean validation cannot express; a 400 naming the field. */
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
