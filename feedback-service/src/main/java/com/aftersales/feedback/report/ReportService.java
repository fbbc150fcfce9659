package com.aftersales.feedback.report;

import com.aftersales.feedback.kpi.KpiQuery;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/** Assembles the monthly and the daily report from the KPI, quality and complaint projections of this service. */
@Service
class ReportService {

    static final String MONTH = "month";
    static final String DAY = "day";
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

    /** The report with its findings and actions in {@code locale}'s language (Chinese or English). */
    MonthlyReport monthly(YearMonth month, Locale locale) {
        ReportTexts texts = new ReportTexts(locale);
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
                topFaults(start, end), costs, complaints, alerts, actions(kpiValues, alerts, texts),
                texts.locale().toLanguageTag());
    }

    /** The end-of-day report of {@code date} (a day in the KPI zone), findings and actions in {@code locale}'s language. */
    DailyReport daily(LocalDate date, Locale locale) {
        ReportTexts texts = new ReportTexts(locale);
        LocalDate first = date.minusDays(properties.trendDays() - 1L);
        KpiQuery.Result days = kpis.query(null, first, date, DAY);
        ZoneId zone = ZoneId.of(days.zone());
        Map<LocalDate, KpiQuery.Row> byDay = new TreeMap<>();
        days.rows().forEach(row -> byDay.put(row.period(), row));
        List<DailyReport.DayPoint> trend = new ArrayList<>();
        for (LocalDate d = first; !d.isAfter(date); d = d.plusDays(1)) {
            KpiQuery.Row row = byDay.get(d);
            trend.add(row == null ? new DailyReport.DayPoint(d, 0, null, null, null, null)
                    : new DailyReport.DayPoint(d, row.counts().get("tickets"), row.kpis().get("firstTimeFixRate"),
                    row.kpis().get("csat"), row.kpis().get("slaOnSiteMetRate"), row.kpis().get("serviceCostPerTicket")));
        }
        KpiQuery.Row today = byDay.get(date);
        Map<String, Long> counts = today == null ? Map.of() : today.counts();
        Map<String, Double> kpiValues = today == null ? Map.of() : today.kpis();
        Instant start = date.atStartOfDay(zone).toInstant();
        Instant end = date.plusDays(1).atStartOfDay(zone).toInstant();
        List<MonthlyReport.AlertSummary> alerts = alerts(start, end);
        return new DailyReport(date, zone.getId(), clock.instant(), counts, kpiValues, trend, topFaults(start, end),
                complaints(start, end), alerts, actions(kpiValues, alerts, texts), texts.locale().toLanguageTag());
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

    private List<MonthlyReport.Action> actions(Map<String, Double> k, List<MonthlyReport.AlertSummary> alerts, ReportTexts texts) {
        List<MonthlyReport.Action> actions = new ArrayList<>();
        below(actions, texts, "RPT-FTF", "firstTimeFixRate", k, properties.firstTimeFixTarget());
        below(actions, texts, "RPT-CSAT", "csat", k, properties.csatTarget());
        below(actions, texts, "RPT-SLA", "slaOnSiteMetRate", k, properties.slaOnSiteTarget());
        above(actions, texts, "RPT-REPEAT", "repeatRepairRate", k, properties.repeatRepairMax());
        above(actions, texts, "RPT-COMPLAINTS", "complaintRate", k, properties.complaintRateMax());
        for (MonthlyReport.AlertSummary alert : alerts) {
            actions.add(new MonthlyReport.Action("RPT-QUALITY", alertText(alert, texts), texts.text("action.RPT-QUALITY",
                    Long.toString(alert.unitsAtRisk()), alert.model(), alert.batchNumber(), alert.regionCode())));
        }
        return actions;
    }

    /** A quality alert in the report's language, from its numbers. */
    static String alertText(MonthlyReport.AlertSummary a, ReportTexts texts) {
        return texts.text("report.alert", a.model(), a.batchNumber(), a.regionCode(), a.faultCode(),
                Long.toString(a.failedUnits()), Long.toString(a.registeredUnits()), Long.toString(a.unitsAtRisk()));
    }

    private static void below(List<MonthlyReport.Action> actions, ReportTexts texts, String rule, String kpi,
                              Map<String, Double> k, double target) {
        Double value = k.get(kpi);
        if (value != null && value < target) {
            actions.add(new MonthlyReport.Action(rule, texts.text("finding.below", texts.kpi(kpi), number(value), number(target)),
                    texts.text("action." + rule)));
        }
    }

    private static void above(List<MonthlyReport.Action> actions, ReportTexts texts, String rule, String kpi,
                              Map<String, Double> k, double max) {
        Double value = k.get(kpi);
        if (value != null && value > max) {
            actions.add(new MonthlyReport.Action(rule, texts.text("finding.above", texts.kpi(kpi), number(value), number(max)),
                    texts.text("action." + rule)));
        }
    }

    private static String number(double value) {
        return String.format(Locale.ROOT, "%.3f", value);
    }
}
