package com.aftersales.feedback.report;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * The end-of-day service report (日报): the day's tickets and KPIs beside the days before, its top faults, complaints,
 * quality alerts and the improvement actions its figures trigger (the monthly report's RPT-* rules on one day).
 *
 * @param kpis     the day's KPIs (tickets opened that day; null values: no data)
 * @param trend    the same figures day by day, oldest first, ending with the report's day
 * @param language the language of the findings and actions (zh-CN or en, from Accept-Language)
 */
public record DailyReport(LocalDate date, String zone, Instant generatedAt, Map<String, Long> counts, Map<String, Double> kpis,
                          List<DayPoint> trend, List<MonthlyReport.FaultCount> topFaults,
                          MonthlyReport.ComplaintSummary complaints, List<MonthlyReport.AlertSummary> qualityAlerts,
                          List<MonthlyReport.Action> actions, String language) {

    public record DayPoint(LocalDate date, long tickets, Double firstTimeFixRate, Double csat, Double slaOnSiteMetRate,
                           Double serviceCostPerTicket) {
    }
}
