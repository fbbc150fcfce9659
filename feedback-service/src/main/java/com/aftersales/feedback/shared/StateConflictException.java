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

    public StateConflictException(String type, int status, String title, String message, Map<String, Object> details) {
        super(message);
        this.type = type;
        this.status = status;
        this.title = title;
        this.details = Map.copyOf(details);
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
