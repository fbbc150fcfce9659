package com.aftersales.feedback.kpi;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The KPIs of the brief as ratios of additive measures. A KPI without a denominator is null (no data),
 * never zero: "no visits" is not "0 % first-time fix".
 */
final class KpiFormulas {

    static final double SECONDS_PER_MINUTE = 60.0;
    static final double SECONDS_PER_HOUR = 3600.0;
    static final double MINOR_PER_MAJOR = 100.0;
    static final double PERCENT = 100.0;

    private KpiFormulas() {
    }

    static Map<String, Double> kpis(Measures m) {
        Map<String, Double> k = new LinkedHashMap<>();
        each(m, k::put);
        return k;
    }

    /** Receives each KPI by name, in the order of the response (null: no denominator). */
    interface KpiSink {
        void kpi(String name, Double value);
    }

    /** Each KPI of the measures, in order: the response writes them as they come, without a map per row. */
    static void each(Measures m, KpiSink k) {
        k.kpi("firstResponseMinutes", ratio(m.get(Measure.FIRST_RESPONSE_S), m.get(Measure.FIRST_RESPONSE_N) * SECONDS_PER_MINUTE));
        k.kpi("timeToAssignMinutes", ratio(m.get(Measure.ASSIGN_S), m.get(Measure.ASSIGN_N) * SECONDS_PER_MINUTE));
        k.kpi("timeToOnSiteHours", ratio(m.get(Measure.ON_SITE_S), m.get(Measure.ON_SITE_N) * SECONDS_PER_HOUR));
        k.kpi("timeToResolveHours", ratio(m.get(Measure.RESOLVE_S), m.get(Measure.RESOLVE_N) * SECONDS_PER_HOUR));
        k.kpi("firstTimeFixRate", ratio(m.get(Measure.FTF_YES), m.get(Measure.FTF_N)));
        k.kpi("repeatRepairRate", ratio(m.get(Measure.REPEAT_YES), m.get(Measure.REPEAT_N)));
        k.kpi("slaOnSiteMetRate", ratio(m.get(Measure.SLA_ON_SITE_MET), m.get(Measure.SLA_ON_SITE_N)));
        k.kpi("beatThePromiseRate", ratio(m.get(Measure.BEAT_PROMISE_YES), m.get(Measure.BEAT_PROMISE_N)));
        k.kpi("slaResolutionMetRate", ratio(m.get(Measure.SLA_RESOLVE_MET), m.get(Measure.SLA_RESOLVE_N)));
        k.kpi("csat", ratio(m.get(Measure.CSAT_SUM), m.get(Measure.CSAT_N)));
        k.kpi("nps", m.get(Measure.NPS_N) == 0 ? null
                : PERCENT * (m.get(Measure.NPS_PROMOTERS) - m.get(Measure.NPS_DETRACTORS)) / m.get(Measure.NPS_N));
        k.kpi("complaintRate", ratio(m.get(Measure.COMPLAINTS), m.get(Measure.TICKETS)));
        k.kpi("returnRate", ratio(m.get(Measure.RETURNS), m.get(Measure.UNITS_SOLD)));
        k.kpi("serviceCostPerTicket", ratio(m.get(Measure.COST_MINOR), m.get(Measure.COST_N) * MINOR_PER_MAJOR));
        // Service cost to service revenue (what customers were charged): above 1 the service runs at a loss.
        k.kpi("serviceCostToRevenue", ratio(m.get(Measure.COST_MINOR), m.get(Measure.REVENUE_MINOR)));
        // Staff efficiency: labour per visit and visits per ticket (by technician or team with groupBy).
        k.kpi("labourHoursPerVisit", ratio(m.get(Measure.LABOUR_S), m.get(Measure.VISITS) * SECONDS_PER_HOUR));
        k.kpi("visitsPerTicket", ratio(m.get(Measure.VISITS), m.get(Measure.COST_N)));
    }

    private static Double ratio(double numerator, double denominator) {
        return denominator == 0 ? null : numerator / denominator;
    }
}
