package com.aftersales.contracts;

import java.util.List;

/**
 * An event that does not meet its contract (not a CloudEvent, unknown attributes missing, or data
 * that fails its JSON Schema). Retrying cannot help: such a record goes straight to the dead-letter topic.
 */
public class InvalidEventException extends RuntimeException {

    private final List<String> violations;

    public InvalidEventException(String message, List<String> violations) {
        super(violations.isEmpty() ? message : message + ": " + String.join("; ", violations));
        this.violations = List.copyOf(violations);
    }

    public InvalidEventException(String message, Throwable cause) {
        super(message, cause);
        this.violations = List.of();
    }

    public List<String> violations() {
        return violations;
    }
}
