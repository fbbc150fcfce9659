package com.aftersales.ticket.shared;

/**
 * Every metric ticket-service registers, in one place (docs/metrics.md describes each). Micrometer names with
 * dots; Prometheus shows them with underscores, counters with {@code _total}. Tags are low-cardinality enums
 * only, never ids or free text; every series also carries {@code application}.
 */
public final class TicketMetrics {

    /** Counter, tags type, channel. */
    public static final String TICKETS_OPENED = "aftersales.tickets.opened";
    /** Calls without a registered unit logged, by topic and outcome. */
    public static final String CALLS_LOGGED = "aftersales.calls.logged";
    /** Counter, tags type, channel: tickets that reached CLOSED. */
    public static final String TICKETS_CLOSED = "aftersales.tickets.closed";
    /** Gauge, tag status: tickets not closed, by status (from the database, refreshed on an interval). */
    public static final String TICKETS_OPEN = "aftersales.tickets.open";
    /** Counter, tag to: status changes. */
    public static final String TICKETS_TRANSITIONS = "aftersales.tickets.transitions";
    /** Counter, tags entitlement, rule: warranty decision at intake. */
    public static final String TICKETS_ENTITLEMENT = "aftersales.tickets.entitlement";
    public static final String TICKETS_CHARGE_BASIS_COMMUNICATED = "aftersales.tickets.charge.basis.communicated";
    /** Counter, tag target. */
    public static final String TICKETS_ESCALATED = "aftersales.tickets.escalated";
    /** Counter, tag clock: SLA clocks that reached their warning point. */
    public static final String SLA_WARNINGS = "aftersales.sla.warnings";
    /** Counter, tag clock: SLA clocks that breached. */
    public static final String SLA_BREACHES = "aftersales.sla.breaches";
    /** Gauge, tags clock, state (warning, breached): running clocks of open tickets past their warning point or due time. */
    public static final String SLA_CLOCKS = "aftersales.sla.clocks";
    /** Counter, tag tier. */
    public static final String CUSTOMERS_REGISTERED = "aftersales.customers.registered";
    /** Counter, tag priceType. */
    public static final String PRODUCTS_REGISTERED = "aftersales.products.registered";
    /** Counter, tag solved: remote fixes tried from the knowledge base. */
    public static final String KNOWLEDGE_OUTCOMES = "aftersales.knowledge.outcomes";
    public static final String KNOWLEDGE_PROPOSALS = "aftersales.knowledge.proposals";
    /**
     * Counter, tag source ({@code system:returns-service}, {@code system:feedback-service}): reports a store clerk started
     * on a ticket of another store, refused by rule {@code linked-ticket-in-originator-scope} (should stay at zero).
     */
    public static final String REPORTS_OUT_OF_SCOPE = "aftersales.tickets.reports.out.of.scope";

    /**
     * Tickets whose fault category the technician's diagnosis corrected (rule {@code fault-category-from-diagnosis}): a
     * high rate says intake classifies callers' faults poorly.
     */
    public static final String FAULT_CATEGORY_DIAGNOSED = "aftersales.tickets.fault.category.diagnosed";

    private TicketMetrics() {
    }
}
