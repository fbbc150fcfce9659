package com.aftersales.domain.error;

import java.util.Arrays;

/**
 * A request field that passed bean validation but breaks a domain rule (a purchase date in the future in the store's
 * zone, a score outside the survey's scale). Either with an English message, or with a message key of the service's
 * {@code problems[_zh].properties} and its {@link java.text.MessageFormat} arguments, so the client reads it in its
 * language ({@link #withKey}).
 */
public class InvalidFieldException extends RuntimeException {

    private final String field;
    private final String key;
    private final transient Object[] arguments;

    /** The field and what is wrong with it, in English. */
    public InvalidFieldException(String field, String message) {
        this(field, null, message, new Object[0]);
    }

    private InvalidFieldException(String field, String key, String message, Object[] arguments) {
        super(message);
        this.field = field;
        this.key = key;
        this.arguments = arguments.clone();
    }

    /** The field and a message key of the service's problem bundles with its arguments. */
    public static InvalidFieldException withKey(String field, String key, Object... arguments) {
        return new InvalidFieldException(field, key,
                field + ": " + key + (arguments.length == 0 ? "" : " " + Arrays.toString(arguments)), arguments);
    }

    public String field() {
        return field;
    }

    /** The message key, or null when the message is plain English. */
    public String key() {
        return key;
    }

    public Object[] arguments() {
        return arguments.clone();
    }
}
