package com.aftersales.feedback.shared;

import java.util.Arrays;

/**
 * A request field breaks a domain rule that bean validation cannot express; a 400 naming the field. The message is a
 * key of {@code problems[_zh].properties} (with {@link java.text.MessageFormat} arguments), so the client reads it in
 * its language.
 */
public class InvalidFieldException extends RuntimeException {

    private final String field;
    private final String key;
    private final transient Object[] arguments;

    public InvalidFieldException(String field, String key, Object... arguments) {
        super(field + ": " + key + (arguments.length == 0 ? "" : " " + Arrays.toString(arguments)));
        this.field = field;
        this.key = key;
        this.arguments = arguments.clone();
    }

    public String field() {
        return field;
    }

    public String key() {
        return key;
    }

    public Object[] arguments() {
        return arguments.clone();
    }
}
