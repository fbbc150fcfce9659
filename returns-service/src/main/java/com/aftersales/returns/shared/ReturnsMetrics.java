package com.aftersales.returns.shared;

/**
 * Every metric returns-service registers, in one place (docs/metrics.md describes each). Micrometer names with
 * dots; Prometheus shows them with underscores, counters with {@code _total}. Tags are low-cardinality enums
 * only, never ids, depot codes or free text; every series also carries {@code application}.
 */
public final class ReturnsMetrics {

    /** Counter, tags channel, remedy. */
    public static final String RETURNS_REQUESTED = "aftersales.returns.requested";
    /** Counter: returns a supervisor dated other than today at the store (rule request-date-set-by-supervisor). */
    public static final String REQUEST_DATES_SET_BY_SUPERVISOR = "aftersales.returns.request.dates.set.by.supervisor";
    /** Counter, tag remedy: supervisor overrides. */
    public static final String RETURNS_OVERRIDES = "aftersales.returns.overrides";
    /** Counter, tags result (pass, fail), contradictsClaim. */
    public static final String INSPECTIONS = "aftersales.returns.inspections";
    /** Counter, tag disposition. */
    public static final String UNITS_DISPOSED = "aftersales.returns.units.disposed";
    /** Counter, tag to: status changes of returns. */
    public static final String RETURNS_TRANSITIONS = "aftersales.returns.transitions";
    /** Gauge, tag status: returns in each status. */
    public static final String RETURNS_BY_STATUS = "aftersales.returns.by.status";
    /** Gauge, tag bucket (within-processing-time, overdue, escalation-due): open returns awaiting the company. */
    public static final String RETURNS_OPEN_AGEING = "aftersales.returns.open.ageing";
    /** Counter, tag level (WARNING, ESCALATED). */
    public static final String AGEING_ALERTS = "aftersales.returns.ageing.alerts";
    public static final String PICKUP_REMINDERS = "aftersales.returns.pickup.reminders";
    /** Units not collected after the last notice, now waiting to be posted. */
    public static final String PICKUP_POSTING_DUE = "aftersales.returns.pickup.posting.due";
    /** Units posted to the customer after going uncollected (carrier and tracking number recorded). */
    public static final String PICKUP_SHIPPED_BACK = "aftersales.returns.pickup.shipped.back";
    /** QC's checks of repaired units, by result. */
    public static final String REPAIR_CHECKS = "aftersales.returns.repair.checks";
    /** Units found unrepairable and escalated for a settlement. */
    public static final String UNREPAIRABLE = "aftersales.returns.unrepairable";
    /** Settlements of unrepairable units, by outcome. */
    public static final String SETTLEMENTS = "aftersales.returns.settlements";
    /** Contacts with customers about a replacement out of stock, by outcome. */
    public static final String STOCK_CONTACTS = "aftersales.returns.out.of.stock.contacts";
    /** Customers' reasons to collect later, recorded. */
    public static final String PICKUP_HOLDS = "aftersales.returns.pickup.holds";
    /** Counter, tag reason. */
    public static final String FOLLOW_UPS_DUE = "aftersales.returns.follow.ups.due";
    /** Gauge: depot repairs past their promised date and not finished. */
    public static final String DEPOT_REPAIRS_LATE = "aftersales.depot.repairs.late";
    /** Counter: depot repairs that will miss their promise (customer told in advance). */
    public static final String DEPOT_REPAIRS_PROMISE_AT_RISK = "aftersales.depot.repairs.promise.at.risk";
    /** Counter, tag status. */
    public static final String DEPOT_REPAIRS_STATUS_CHANGES = "aftersales.depot.repairs.status.changes";

    private ReturnsMetrics() {
    }
}
