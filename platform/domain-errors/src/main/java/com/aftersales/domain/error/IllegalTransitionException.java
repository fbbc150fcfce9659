package com.aftersales.domain.error;

import java.util.Comparator;
import java.util.List;
import java.util.Set;

/**
 * A step a record's lifecycle does not allow from where it stands. Says where it is, what was asked, and where it may
 * go; rendered as a 409 {@code illegal-<record>-transition} problem. Each service's lifecycle extends it with its own
 * status type (a ticket's, a return's, a complaint's).
 */
public class IllegalTransitionException extends RuntimeException {

    private final String record;
    private final Enum<?> current;
    private final Enum<?> requested;
    private final transient Set<? extends Enum<?>> allowed;

    /**
     * @param record    the record in the API's words, hyphenated: {@code ticket}, {@code return}, {@code depot-repair}
     * @param current   where it stands
     * @param requested where it was asked to go
     * @param allowed   where it may go from {@code current}
     * @param message   the English detail
     */
    public IllegalTransitionException(String record, Enum<?> current, Enum<?> requested, Set<? extends Enum<?>> allowed,
                                      String message) {
        super(message);
        this.record = record;
        this.current = current;
        this.requested = requested;
        this.allowed = Set.copyOf(allowed);
    }

    /** A message of the usual shape: "A ticket in OPEN cannot move to CLOSED". */
    protected static String cannotMove(String record, Enum<?> current, Enum<?> requested) {
        return "A " + record.replace('-', ' ') + " in " + current + " cannot move to " + requested;
    }

    public String record() {
        return record;
    }

    public String currentStatus() {
        return current.name();
    }

    public String requestedStatus() {
        return requested.name();
    }

    /** The statuses allowed next, sorted by name. */
    public List<String> allowedStatuses() {
        return allowed.stream().map(Enum::name).sorted(Comparator.naturalOrder()).toList();
    }
}
