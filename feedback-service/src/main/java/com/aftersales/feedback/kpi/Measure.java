package com.aftersales.feedback.kpi;

import java.util.Locale;

/**
 * The additive measures of {@code kpi_daily}; every KPI is a ratio of two of them. The column of each is its
 * name in lower case. Durations are in seconds, money in minor units (fen), so sums stay exact.
 */
enum Measure {
    TICKETS,
    FIRST_RESPONSE_N, FIRST_RESPONSE_S,
    ASSIGN_N, ASSIGN_S,
    ON_SITE_N, ON_SITE_S,
    RESOLVE_N, RESOLVE_S,
    FTF_N, FTF_YES,
    REPEAT_N, REPEAT_YES,
    SLA_ON_SITE_N, SLA_ON_SITE_MET,
    BEAT_PROMISE_N, BEAT_PROMISE_YES,
    SLA_RESOLVE_N, SLA_RESOLVE_MET,
    CSAT_N, CSAT_SUM,
    NPS_N, NPS_PROMOTERS, NPS_DETRACTORS,
    COMPLAINTS,
    COST_N, COST_MINOR,
    UNITS_SOLD, RETURNS,
    /** What customers were charged for the tickets' visits (service revenue), and the visits' labour and number. */
    REVENUE_MINOR, LABOUR_S, VISITS;

    String column() {
        return name().toLowerCase(Locale.ROOT);
    }
}
