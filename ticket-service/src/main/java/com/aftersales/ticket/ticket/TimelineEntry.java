package com.aftersales.ticket.ticket;

import java.time.Instant;

/**
 * One line of a ticket's history: who did what, when and why.
 *
 * @param fromStatus null for entries that do not change the status
 * @param reasonKey  key of {@code timeline[_zh].properties} for the reason, null when it exists in one language only
 */
public record TimelineEntry(Instant occurredAt, String kind, TicketStatus fromStatus, TicketStatus toStatus,
                            String actor, String reason, String reasonKey, java.util.List<String> reasonArgs) {

    public TimelineEntry {
        reasonArgs = reasonArgs == null ? java.util.List.of() : java.util.List.copyOf(reasonArgs);
    }

    /** An entry whose reason exists in one language (typed by a person, or not yet in the bundles). */
    public TimelineEntry(Instant occurredAt, String kind, TicketStatus fromStatus, TicketStatus toStatus, String actor,
                         String reason) {
        this(occurredAt, kind, fromStatus, toStatus, actor, reason, null, null);
    }

    /** The same entry, also writable in the reader's language from {@code timeline[_zh].properties}. */
    public TimelineEntry describedBy(TimelineText text) {
        return new TimelineEntry(occurredAt, kind, fromStatus, toStatus, actor, reason, text.key(), text.args());
    }

    public static final String OPENED = "OPENED";
    public static final String STATUS_CHANGED = "STATUS_CHANGED";
    public static final String CHARGE_BASIS_COMMUNICATED = "CHARGE_BASIS_COMMUNICATED";
    public static final String ESCALATED = "ESCALATED";
    public static final String ESCALATION_ENDED = "ESCALATION_ENDED";
    public static final String TECHNICIAN_ASSIGNED = "TECHNICIAN_ASSIGNED";
    /** What another service reported about the ticket (visit scheduled, parts used, survey answered...). */
    public static final String REPORT = "REPORT";
    public static final String KNOWLEDGE_OUTCOME = "KNOWLEDGE_OUTCOME";
    public static final String AMENDED = "AMENDED";
    /** Rule repeat-call-links-open-ticket: the customer called again about this ticket's unit. */
    public static final String REPEAT_CALL = "REPEAT_CALL";
    /** A new priority gave the ticket's running SLA clocks new targets. */
    public static final String SLA_RETARGETED = "SLA_RETARGETED";
    /** The ticket's SLA clocks started: each with its target, what it counts (clock hours, business hours, days) and due time. */
    public static final String SLA_STARTED = "SLA_STARTED";
}
