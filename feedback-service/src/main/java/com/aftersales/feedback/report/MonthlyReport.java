package com.aftersales.feedback.report;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;

/**
 * The monthly service report.
 *
 * @param kpis    the month's KPIs for the whole platform (null values: no data)
 * @param trend   the same KPIs month by month, oldest first, ending with the report's month
 * @param actions  improvement actions, each from a named rule with the numbers it fired on, in {@code language}
 * @param language the language of the findings and actions (zh-CN or en, from Accept-Language)
 */
public record MonthlyReport(YearMonth month, String zone, Instant generatedAt, Map<String, Long> counts,
                            Map<String, Double> kpis, List<TrendPoint> trend, List<FaultCount> topFaults,
                            Costs costs, ComplaintSummary complaints, List<AlertSummary> qualityAlerts,
                            List<Action> actions, String language) {

    public record TrendPoint(YearMonth month, long tickets, Double firstTimeFixRate, Double csat, Double nps,
                             Double serviceCostPerTicket, Double slaOnSiteMetRate) {
    }

    /** @param source where most of these failure records came from (VISIT, DEPOT, TICKET_INTAKE) */
    public record FaultCount(String faultCode, String model, long tickets, Map<String, Long> bySource) {
    }

    public record Costs(BigDecimal total, Double perTicket, List<ModelCost> byModel) {
    }

    public record ModelCost(String model, long tickets, BigDecimal total, Double perTicket) {
    }

    public record ComplaintSummary(long opened, Map<String, Long> bySeverity, long resolved, long escalated,
                                   BigDecimal compensation) {
    }

    public record AlertSummary(String alertId, String model, String batchNumber, String regionCode, String faultCode,
                               long failedUnits, long registeredUnits, long unitsAtRisk, String explanation) {
    }

    public record Action(String rule, String finding, String action) {
    }
}
