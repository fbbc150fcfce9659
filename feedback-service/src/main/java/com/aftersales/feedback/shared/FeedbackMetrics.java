package com.aftersales.feedback.shared;

/**
 * Every metric feedback-service registers, in one place (docs/metrics.md describes each). Micrometer names with
 * dots; Prometheus shows them with underscores, counters with {@code _total}. Tags are low-cardinality enums
 * only, never ids, models or free text; every series also carries {@code application}.
 */
public final class FeedbackMetrics {

    /** Counter, tag outcome (scheduled, skipped). */
    public static final String SURVEYS_SCHEDULED = "aftersales.surveys.scheduled";
    public static final String SURVEYS_SENT = "aftersales.surveys.sent";
    /** Counter, tag lowScoreAction. */
    public static final String SURVEYS_ANSWERED = "aftersales.surveys.answered";
    /** Gauge: average CSAT (1-5) of the answers in the score window. */
    public static final String SURVEYS_CSAT = "aftersales.surveys.csat";
    /** Gauge: NPS (-100..100) of the answers in the score window. */
    public static final String SURVEYS_NPS = "aftersales.surveys.nps";
    /** Counter, tag outcome. */
    public static final String FOLLOW_UP_CONTACTS = "aftersales.follow_ups.contacts";
    /** Counter, tags severity, origin. */
    public static final String COMPLAINTS_OPENED = "aftersales.complaints.opened";
    /** Gauge, tag severity: complaints not closed. */
    public static final String COMPLAINTS_OPEN = "aftersales.complaints.open";
    /** Counter, tag to. */
    public static final String COMPLAINTS_TRANSITIONS = "aftersales.complaints.transitions";
    /** Counter, tags severity, step. */
    public static final String COMPLAINTS_SLA_BREACHED = "aftersales.complaints.sla.breached";
    /** Gauge: quality alerts on record (an alert stays open: there is no resolution step yet). */
    public static final String QUALITY_ALERTS = "aftersales.quality.alerts";
    /** Counter: quality alerts raised by the scan. */
    public static final String QUALITY_ALERTS_RAISED = "aftersales.quality.alerts.raised";

    /** Counter, tag type: customer notices requested by an event or a survey link. */
    public static final String NOTIFICATIONS_REQUESTED = "aftersales.notifications.requested";
    /** Counter, tags channel, outcome (DELIVERED, FAILED, REJECTED): delivery attempts. */
    public static final String NOTIFICATIONS_ATTEMPTS = "aftersales.notifications.attempts";
    /** Counter, tag rule: notices skipped (no consent, no contact) or given up. */
    public static final String NOTIFICATIONS_FAILED = "aftersales.notifications.failed";

    private FeedbackMetrics() {
    }
}
