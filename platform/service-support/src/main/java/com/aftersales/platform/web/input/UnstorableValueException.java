package com.aftersales.platform.web.input;

import tools.jackson.core.JsonParser;
import tools.jackson.databind.JavaType;
import tools.jackson.databind.exc.MismatchedInputException;

/**
 * A value in a request body that {@link StorableInput} refuses. Jackson adds the property path as the exception
 * travels up, so the problem names the field ({@code lines[2].note}); the message never contains the value.
 */
public class UnstorableValueException extends MismatchedInputException {

    private final transient StorableInput.Finding finding;

    UnstorableValueException(JsonParser parser, JavaType type, StorableInput.Finding finding) {
        super(parser, "value cannot be stored: " + finding.violation(), type);
        this.finding = finding;
    }

    public StorableInput.Violation violation() {
        return finding.violation();
    }

    /** Where below the deserialised value the offending part is (for maps and untyped values), else empty. */
    public String innerPath() {
        return finding.path();
    }
}
