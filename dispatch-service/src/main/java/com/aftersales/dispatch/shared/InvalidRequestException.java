package com.aftersales.dispatch.shared;

/** A request value that no rule could accept (a 400 with the field named). */
public class InvalidRequestException extends RuntimeException {

    private final String field;

    public InvalidRequestException(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
