package com.aftersales.feedback.report;

import com.aftersales.feedback.kpi.KpiQuery;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/** Assembles the monthly report from the KPI, quality and complaint projections of this service. */
@Service
class ReportService {

    static final String MONTH = "month";
    static final int MINOR_DIGITS = 2;
    static final int TOP_MODELS = 5;
    static final String COST_MINOR = "cost_minor";

    private final KpiQuery kpis;
    private final JdbcClient jdbc;
    private final ReportProperties properties;
    private final Clock clock;

    ReportService(KpiQuery kpis, JdbcClient jdbc, ReportProperties properties, Clock clock) {
        this.kpis = kpis;
        this.jdbc = jdbc;
        this.properties = properties;
        this.clock = clock;
    }

    MonthlyReport monthly(YearMonth month) {
        KpiQuery.Result current = kpis.query(null, month.atDay(1), month.atEndOfMonth(), MONTH);
        ZoneId zone = ZoneId.of(current.zone());
        Map<String, Long> counts = current.rows().isEmpty() ? Map.of() : current.rows().get(0).counts();
        Map<String, Double> kpiValues = current.rows().isEmpty() ? Map.of() : current.rows().get(0).kpis();
        Instant start = month.atDay(1).atStartOfDay(zone).toInstant();
        Instant end = month.plusMonths(1).atDay(1).atStartOfDay(zone).toInstant();
        MonthlyReport.Costs costs = costs(month, counts, kpiValues);
        MonthlyReport.ComplaintSummary complaints = complaints(start, end);
        List<MonthlyReport.AlertSummary> alerts = alerts(start, end);
        return new MonthlyReport(month, zone.getId(), clock.instant(), counts, kpiValues, trend(month),
                topFaults(start, end), costs, complaints, alerts, actions(kpiValues, alerts));
    }

    private List<MonthlyReport.TrendPoint> trend(YearMonth month) {
        YearMonth first = month.minusMonths(properties.trendMonths() - 1L);
        Map<YearMonth, KpiQuery.Row> byMonth = new TreeMap<>();
        for (KpiQuery.Row row : kpis.query(null, first.atDay(1), month.atEndOfMonth(), MONTH).rows()) {
            byMonth.put(YearMonth.from(row.period()), row);
        }
        List<MonthlyReport.TrendPoint> points = new ArrayList<>();
        for (YearMonth m = first; !m.isAfter(month); m = m.plusMonths(1)) {
            KpiQuery.Row row = byMonth.get(m);
            points.add(row == null ? new MonthlyReport.TrendPoint(m, 0, null, null, null, null, null)
                    : new MonthlyReport.TrendPoint(m, row.counts().get("tickets"), row.kpis().get("firstTimeFixRate"),
                    row.kpis().get("csat"), row.kpis().get("nps"), row.kpis().get("serviceCostPerTicket"),
                    row.kpis().get("slaOnSiteMetRate")));
        }
        return points;
    }

    private List<MonthlyReport.FaultCount> topFaults(Instant start, Instant end) {
        Map<List<String>, Map<String, Long>> counts = new LinkedHashMap<>();
        jdbc.sql("""
                        select f.fault_code, coalesce(f.model, t.model, '?'), f.source, count(*)
                        from quality_fault f left join quality_ticket t on t.ticket_id = f.ticket_id
                        where f.observed_at >= :start and f.observed_at < :end
                        group by 1, 2, 3""")
                .param("start", Timestamp.from(start)).param("end", Timestamp.from(end))
                .query(rs -> {
                    counts.computeIfAbsent(List.of(rs.getString(1), rs.getString(2)), k -> new TreeMap<>())
                            .put(rs.getString(3), rs.getLong(4));
                });
        return counts.entrySet().stream()
                .map(e -> new MonthlyReport.FaultCount(e.getKey().get(0), e.getKey().get(1),
                        e.getValue().values().stream().mapToLong(Long::longValue).sum(), e.getValue()))
                .sorted(Comparator.comparingLong(MonthlyReport.FaultCount::tickets).reversed()
                        .thenComparing(MonthlyReport.FaultCount::faultCode).thenComparing(MonthlyReport.FaultCount::model))
                .limit(properties.topFaults())
                .toList();
    }

    private MonthlyReport.Costs costs(YearMonth month, Map<String, Long> counts, Map<String, Double> kpiValues) {
        List<MonthlyReport.ModelCost> byModel = kpis.query("model", month.atDay(1), month.atEndOfMonth(), MONTH).rows().stream()
                .map(r -> new MonthlyReport.ModelCost(r.group(), r.counts().get("tickets"), money(r.counts().get(COST_MINOR)),
                        r.kpis().get("serviceCostPerTicket")))
                .sorted(Comparator.comparing(MonthlyReport.ModelCost::total).reversed().thenComparing(MonthlyReport.ModelCost::model))
                .limit(TOP_MODELS)
                .toList();
        return new MonthlyReport.Costs(money(counts.getOrDefault(COST_MINOR, 0L)), kpiValues.get("serviceCostPerTicket"), byModel);
    }

    private static BigDecimal money(Long minor) {
        return BigDecimal.valueOf(minor == null ? 0 : minor, MINOR_DIGITS);
    }

    private MonthlyReport.ComplaintSummary complaints(Instant start, Instant end) {
        Map<String, Long> bySeverity = new TreeMap<>();
        jdbc.sql("select severity, count(*) from complaint where opened_at >= :start and opened_at < :end group by 1")
                .param("start", Timestamp.from(start)).param("end", Timestamp.from(end))
                .query(rs -> {
                    bySeverity.put(rs.getString(1), rs.getLong(2));
                });
        long resolved = stepCount("RESOLVED", start, end);
        long escalated = stepCount("ESCALATED", start, end);
        BigDecimal compensation = jdbc.sql("""
                        select coalesce(sum(c.compensation), 0) from complaint c
                        where exists (select 1 from complaint_step s where s.complaint_id = c.id and s.status = 'RESOLVED'
                                      and s.at >= :start and s.at < :end)""")
                .param("start", Timestamp.from(start)).param("end", Timestamp.from(end)).query(BigDecimal.class).single();
        return new MonthlyReport.ComplaintSummary(bySeverity.values().stream().mapToLong(Long::longValue).sum(), bySeverity,
                resolved, escalated, compensation);
    }

    private long stepCount(String status, Instant start, Instant end) {
        return jdbc.sql("select count(*) from complaint_step where status = :status and at >= :start and at < :end")
                .param("status", status).param("start", Timestamp.from(start)).param("end", Timestamp.from(end))
                .query(Long.class).single();
    }

    private List<MonthlyReport.AlertSummary> alerts(Instant start, Instant end) {
        return jdbc.sql("""
                        select id, model, batch_number, region_code, fault_code, (evidence->>'failedUnits')::bigint,
                               (evidence->>'registeredUnits')::bigint, (evidence->>'unitsAtRisk')::bigint, evidence->>'explanation'
                        from quality_alert where raised_at >= :start and raised_at < :end order by raised_at, id""")
                .param("start", Timestamp.from(start)).param("end", Timestamp.from(end))
                .query((rs, n) -> new MonthlyReport.AlertSummary(rs.getString(1), rs.getString(2), rs.getString(3),
                        rs.getString(4), rs.getString(5), rs.getLong(6), rs.getLong(7), rs.getLong(8), rs.getString(9)))
                .list();
    }

    private List<MonthlyReport.Action> actions(Map<String, Double> k, List<MonthlyReport.AlertSummary> alerts) {
        List<MonthlyReport.Action> actions = new ArrayList<>();
        below(actions, "RPT-FTF", "first-time-fix rate", k.get("firstTimeFixRate"), properties.firstTimeFixTarget(),
                "review van stock against the top fault codes and pre-diagnose by phone before dispatch");
        below(actions, "RPT-CSAT", "average CSAT", k.get("csat"), properties.csatTarget(),
                "call back every low-score customer and review the technicians with the lowest CSAT");
        below(actions, "RPT-SLA", "on-site SLA met rate", k.get("slaOnSiteMetRate"), properties.slaOnSiteTarget(),
                "rebalance technician coverage in the regions with the longest time to on-site");
        above(actions, "RPT-REPEAT", "repeat-repair rate (30 days)", k.get("repeatRepairRate"), properties.repeatRepairMax(),
                "audit the repairs that came back and retrain on their fault codes");
        above(actions, "RPT-COMPLAINTS", "complaints per ticket", k.get("complaintRate"), properties.complaintRateMax(),
                "review open complaints against their SLA and the staff-attitude records");
        for (MonthlyReport.AlertSummary alert : alerts) {
            actions.add(new MonthlyReport.Action("RPT-QUALITY", alert.explanation(), String.format(Locale.ROOT,
                    "open a proactive campaign for the %d units at risk of %s batch %s in region %s and send the evidence to the factory",
                    alert.unitsAtRisk(), alert.model(), alert.batchNumber(), alert.regionCode())));
        }
        return actions;
    }

    private static void below(List<MonthlyReport.Action> actions, String rule, String what, Double value, double target,
                              String action) {
        if (value != null && value < target) {
            actions.add(new MonthlyReport.Action(rule, String.format(Locale.ROOT, "%s %.3f is below the target %.3f", what,
                    value, target), action));
        }
    }

    private static void above(List<MonthlyReport.Action> actions, String rule, String what, Double value, double max,
                              String action) {
        if (value != null && value > max) {
            actions.add(new MonthlyReport.Action(rule, String.format(Locale.ROOT, "%s %.3f is above the limit %.3f", what,
                    value, max), action));
        }
    }
}
