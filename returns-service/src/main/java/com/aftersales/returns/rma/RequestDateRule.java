package com.aftersales.returns.rma;

import java.time.LocalDate;

/**
 * Which calendar date a return is requested on, the date the policy counts its windows from (fraud by date: a day-40
 * request back-dated to day 15 turns a free repair into a refund). Plain Java.
 * <ul>
 *   <li>{@value #TODAY}: the request date is today at the store (its time zone from configuration), whatever the
 *       client sends, unless</li>
 *   <li>{@value #SET_BY_SUPERVISOR}: a SUPERVISOR sets another date, with a reason; the override is kept on the return
 *       and published with it;</li>
 *   <li>{@value #NOT_IN_FUTURE}: a date after today at the store is refused for everyone.</li>
 * </ul>
 */
public final class RequestDateRule {

    public static final String TODAY = "request-date-is-today";
    public static final String SET_BY_SUPERVISOR = "request-date-set-by-supervisor";
    public static final String NOT_IN_FUTURE = "request-date-not-in-future";

    private RequestDateRule() {
    }

    /** The date to decide on and, when it is not today, the override to record. */
    public record Outcome(LocalDate requestDate, ReturnOrder.RequestDateOverride override) {
    }

    /** Why a requested date was refused: {@code forbidden} when only the role is missing, else a field error. */
    public static final class Refused extends RuntimeException {
        private final String rule;
        private final String field;
        private final boolean forbidden;

        Refused(String rule, String field, boolean forbidden, String message) {
            super(message);
            this.rule = rule;
            this.field = field;
            this.forbidden = forbidden;
        }

        public String rule() { return rule; }
        public String field() { return field; }
        public boolean forbidden() { return forbidden; }
    }

    /**
     * @param asked      the date the client sent, or null
     * @param storeToday today at the store
     * @param supervisor whether the caller is a SUPERVISOR
     * @param who        the caller's label, recorded with an override
     * @param reason     the caller's reason for another date
     */
    public static Outcome decide(LocalDate asked, LocalDate storeToday, boolean supervisor, String who, String reason,
                                 java.time.Instant now) {
        if (asked == null || asked.equals(storeToday)) {
            return new Outcome(storeToday, null);
        }
        if (asked.isAfter(storeToday)) {
            throw new Refused(NOT_IN_FUTURE, "facts.requestDate", false, "must not be after today at the store ("
                    + storeToday + "; rule " + NOT_IN_FUTURE + ")");
        }
        if (!supervisor) {
            throw new Refused(SET_BY_SUPERVISOR, "facts.requestDate", true, "Only a supervisor sets a request date other "
                    + "than today at the store (" + storeToday + "), with a reason (rule " + SET_BY_SUPERVISOR + ")");
        }
        if (reason == null || reason.isBlank()) {
            throw new Refused(SET_BY_SUPERVISOR, "requestDateReason", false, "must be given when the request date is not "
                    + "today at the store (" + storeToday + "; rule " + SET_BY_SUPERVISOR + ")");
        }
        return new Outcome(asked, new ReturnOrder.RequestDateOverride(who, reason.strip(), storeToday, asked, now));
    }
}
