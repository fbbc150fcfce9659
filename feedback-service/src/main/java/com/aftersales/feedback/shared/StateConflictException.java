package com.aftersales.feedback.shared;

import java.util.Map;

/**
 * The request conflicts with the resource's current state. {@code type} is the problem slug
 * (e.g. {@code survey-already-answered}); {@code status} the HTTP status it maps to (409, or 410 for gone).
 */
public class StateConflictException extends RuntimeException {

    private final String type;
    private final int status;
    private final String title;
    private final Map<String, Object> details;
    private final String key;
    private final transient Object[] arguments;

    /**
     * @param message   the English detail (logs)
     * @param key       the detail's key in {@code problems[_zh].properties}, written in the client's language
     * @param arguments its {@link java.text.MessageFormat} arguments
     */
    public StateConflictException(String type, int status, String title, String message, Map<String, Object> details,
                                  String key, Object... arguments) {
        super(message);
        this.type = type;
        this.status = status;
        this.title = title;
        this.details = Map.copyOf(details);
        this.key = key;
        this.arguments = arguments.clone();
    }

    public String key() {
        return key;
    }

    public Object[] arguments() {
        return arguments.clone();
    }

    public String type() {
        return type;
    }

    public int status() {
        return status;
    }

    public String title() {
        return title;
    }

    public Map<String, Object> details() {
        return details;
    }
}
