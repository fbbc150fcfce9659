package com.aftersales.feedback.report;

import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/** Renders the monthly report as one self-contained HTML page with inline SVG charts (no scripts, no external assets). */
final class ReportHtml {

    static final int CHART_WIDTH = 560;
    static final int CHART_HEIGHT = 180;
    static final int CHART_PADDING = 28;

    private ReportHtml() {
    }

    static String render(MonthlyReport r, ReportTexts t) {
        StringBuilder h = new StringBuilder(16_384);
        h.append("<!DOCTYPE html><html lang=\"").append(t.locale().toLanguageTag()).append("\"><head><meta charset=\"utf-8\"><title>")
                .append(esc(t.text("report.title", r.month().toString()))).append("</title><style>")
                .append("body{font-family:sans-serif;margin:2em;max-width:60em}table{border-collapse:collapse;margin:.5em 0 1.5em}")
                .append("td,th{border:1px solid #ccc;padding:.25em .6em;text-align:left}th{background:#f3f3f3}")
                .append(".n{text-align:right}svg{border:1px solid #eee;margin:.5em 1em 1em 0}")
                .append("</style></head><body>");
        h.append("<h1>").append(esc(t.text("report.title", r.month().toString()))).append("</h1>");
        h.append("<p>").append(esc(t.text("report.generated", r.generatedAt().toString(), r.zone()))).append("</p>");

        kpis(h, t, r.kpis(), r.counts());

        h.append("<h2>").append(esc(t.text("report.trends"))).append("</h2>");
        h.append(bars(t.text("report.chart.tickets"), r.trend(), p -> (double) p.tickets()));
        h.append(line(t.text("report.chart.first-time-fix"), r.trend(), MonthlyReport.TrendPoint::firstTimeFixRate));
        h.append(line(t.text("report.chart.csat"), r.trend(), MonthlyReport.TrendPoint::csat));
        h.append(line(t.text("report.chart.cost"), r.trend(), MonthlyReport.TrendPoint::serviceCostPerTicket));

        topFaults(h, t, r.topFaults());

        h.append("<h2>").append(esc(t.text("report.costs"))).append("</h2><p>").append(esc(t.text("report.costs.summary",
                        r.costs().total().toPlainString(), r.costs().perTicket() == null ? "–" : fmt(r.costs().perTicket()))))
                .append("</p><table><tr>").append(th(t, "report.model", "report.tickets", "report.cost", "report.per-ticket"))
                .append("</tr>");
        for (MonthlyReport.ModelCost m : r.costs().byModel()) {
            h.append("<tr><td>").append(esc(m.model())).append("</td><td class=\"n\">").append(m.tickets())
                    .append("</td><td class=\"n\">").append(esc(m.total().toPlainString())).append("</td><td class=\"n\">")
                    .append(m.perTicket() == null ? "–" : fmt(m.perTicket())).append("</td></tr>");
        }
        h.append("</table>");

        closing(h, t, r.complaints(), r.qualityAlerts(), r.actions());
        return h.toString();
    }

    /** The end-of-day report: the same sections as the monthly one, the trend as a table of the last days. */
    static String renderDaily(DailyReport r, ReportTexts t) {
        String title = t.text("report.daily.title", r.date().toString());
        StringBuilder h = new StringBuilder(8_192);
        h.append("<!DOCTYPE html><html lang=\"").append(t.locale().toLanguageTag()).append("\"><head><meta charset=\"utf-8\"><title>")
                .append(esc(title)).append("</title><style>")
                .append("body{font-family:sans-serif;margin:2em;max-width:60em}table{border-collapse:collapse;margin:.5em 0 1.5em}")
                .append("td,th{border:1px solid #ccc;padding:.25em .6em;text-align:left}th{background:#f3f3f3}.n{text-align:right}")
                .append("</style></head><body>");
        h.append("<h1>").append(esc(title)).append("</h1>");
        h.append("<p>").append(esc(t.text("report.daily.generated", r.generatedAt().toString(), r.zone()))).append("</p>");
        kpis(h, t, r.kpis(), r.counts());
        h.append("<h2>").append(esc(t.text("report.daily.trend"))).append("</h2><table><tr><th>").append(esc(t.text("report.date")))
                .append("</th><th>").append(esc(t.kpi("tickets"))).append("</th><th>").append(esc(t.kpi("firstTimeFixRate")))
                .append("</th><th>").append(esc(t.kpi("csat"))).append("</th><th>").append(esc(t.kpi("slaOnSiteMetRate")))
                .append("</th><th>").append(esc(t.kpi("serviceCostPerTicket"))).append("</th></tr>");
        for (DailyReport.DayPoint p : r.trend()) {
            h.append("<tr><td>").append(p.date()).append("</td><td class=\"n\">").append(p.tickets()).append("</td>")
                    .append(cell(p.firstTimeFixRate())).append(cell(p.csat())).append(cell(p.slaOnSiteMetRate()))
                    .append(cell(p.serviceCostPerTicket())).append("</tr>");
        }
        h.append("</table>");
        topFaults(h, t, r.topFaults());
        closing(h, t, r.complaints(), r.qualityAlerts(), r.actions());
        return h.toString();
    }

    private static String cell(Double value) {
        return "<td class=\"n\">" + (value == null ? "–" : fmt(value)) + "</td>";
    }

    private static void kpis(StringBuilder h, ReportTexts t, java.util.Map<String, Double> kpis, java.util.Map<String, Long> counts) {
        h.append("<h2>").append(esc(t.text("report.kpis"))).append("</h2><table><tr><th>").append(esc(t.text("report.kpi")))
                .append("</th><th>").append(esc(t.text("report.value"))).append("</th></tr>");
        kpis.forEach((name, value) -> h.append("<tr><td>").append(esc(t.kpi(name))).append("</td><td class=\"n\">")
                .append(value == null ? "–" : fmt(value)).append("</td></tr>"));
        h.append("<tr><td>").append(esc(t.kpi("tickets"))).append("</td><td class=\"n\">").append(counts.getOrDefault("tickets", 0L))
                .append("</td></tr></table>");
    }

    private static void topFaults(StringBuilder h, ReportTexts t, List<MonthlyReport.FaultCount> faults) {
        h.append("<h2>").append(esc(t.text("report.top-faults"))).append("</h2><table><tr>")
                .append(th(t, "report.fault-code", "report.model", "report.tickets", "report.sources")).append("</tr>");
        for (MonthlyReport.FaultCount f : faults) {
            h.append("<tr><td>").append(esc(f.faultCode())).append("</td><td>").append(esc(f.model()))
                    .append("</td><td class=\"n\">").append(f.tickets()).append("</td><td>").append(esc(f.bySource().toString()))
                    .append("</td></tr>");
        }
        h.append("</table>");
    }

    /** Complaints, quality alerts and improvement actions, and the end of the page: the same in both reports. */
    private static void closing(StringBuilder h, ReportTexts t, MonthlyReport.ComplaintSummary c,
                                List<MonthlyReport.AlertSummary> alerts, List<MonthlyReport.Action> actions) {
        h.append("<h2>").append(esc(t.text("report.complaints"))).append("</h2><p>").append(esc(t.text("report.complaints.summary",
                Long.toString(c.opened()), c.bySeverity().toString(), Long.toString(c.resolved()), Long.toString(c.escalated()),
                c.compensation().toPlainString()))).append("</p>");
        h.append("<h2>").append(esc(t.text("report.quality-alerts"))).append("</h2><ul>");
        for (MonthlyReport.AlertSummary a : alerts) {
            h.append("<li>").append(esc(ReportService.alertText(a, t))).append("</li>");
        }
        h.append("</ul><h2>").append(esc(t.text("report.actions"))).append("</h2><table><tr>")
                .append(th(t, "report.rule", "report.finding", "report.action")).append("</tr>");
        for (MonthlyReport.Action a : actions) {
            h.append("<tr><td>").append(esc(a.rule())).append("</td><td>").append(esc(a.finding())).append("</td><td>")
                    .append(esc(a.action())).append("</td></tr>");
        }
        h.append("</table></body></html>");
    }

    private static String th(ReportTexts t, String... keys) {
        StringBuilder cells = new StringBuilder();
        for (String key : keys) {
            cells.append("<th>").append(esc(t.text(key))).append("</th>");
        }
        return cells.toString();
    }

    private static String bars(String title, List<MonthlyReport.TrendPoint> points, Function<MonthlyReport.TrendPoint, Double> value) {
        double max = points.stream().map(value).filter(v -> v != null).mapToDouble(Double::doubleValue).max().orElse(0);
        StringBuilder svg = header(title);
        double slot = (CHART_WIDTH - 2.0 * CHART_PADDING) / Math.max(1, points.size());
        for (int i = 0; i < points.size(); i++) {
            Double v = value.apply(points.get(i));
            double height = max == 0 || v == null ? 0 : (CHART_HEIGHT - 2.0 * CHART_PADDING) * v / max;
            double x = CHART_PADDING + i * slot;
            svg.append(String.format(Locale.ROOT, "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" fill=\"#4a7bd0\"/>",
                    x + slot * 0.15, CHART_HEIGHT - CHART_PADDING - height, slot * 0.7, height));
            label(svg, points.get(i), x + slot / 2, v);
        }
        return svg.append("</svg>").toString();
    }

    private static String line(String title, List<MonthlyReport.TrendPoint> points, Function<MonthlyReport.TrendPoint, Double> value) {
        double max = points.stream().map(value).filter(v -> v != null).mapToDouble(Double::doubleValue).max().orElse(0);
        StringBuilder svg = header(title);
        double slot = (CHART_WIDTH - 2.0 * CHART_PADDING) / Math.max(1, points.size());
        StringBuilder path = new StringBuilder();
        for (int i = 0; i < points.size(); i++) {
            Double v = value.apply(points.get(i));
            double x = CHART_PADDING + i * slot + slot / 2;
            if (v != null && max > 0) {
                double y = CHART_HEIGHT - CHART_PADDING - (CHART_HEIGHT - 2.0 * CHART_PADDING) * v / max;
                path.append(path.isEmpty() ? "M" : " L").append(String.format(Locale.ROOT, "%.1f %.1f", x, y));
                svg.append(String.format(Locale.ROOT, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"3\" fill=\"#d0704a\"/>", x, y));
            }
            label(svg, points.get(i), x, v);
        }
        if (!path.isEmpty()) {
            svg.append("<path d=\"").append(path).append("\" fill=\"none\" stroke=\"#d0704a\" stroke-width=\"2\"/>");
        }
        return svg.append("</svg>").toString();
    }

    private static StringBuilder header(String title) {
        return new StringBuilder(String.format(Locale.ROOT,
                "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" role=\"img\" aria-label=\"%s\">"
                        + "<text x=\"%d\" y=\"16\" font-size=\"13\">%s</text>", CHART_WIDTH, CHART_HEIGHT, esc(title), CHART_PADDING,
                esc(title)));
    }

    private static void label(StringBuilder svg, MonthlyReport.TrendPoint p, double x, Double v) {
        svg.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%d\" font-size=\"10\" text-anchor=\"middle\">%s</text>",
                x, CHART_HEIGHT - 8, esc(p.month().toString())));
        if (v != null) {
            svg.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%d\" font-size=\"10\" text-anchor=\"middle\">%s</text>",
                    x, CHART_PADDING + 4, fmt(v)));
        }
    }

    private static String fmt(double v) {
        return String.format(Locale.ROOT, v == Math.rint(v) ? "%.0f" : "%.3f", v);
    }

    static String esc(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(s.length());
        for (char ch : s.toCharArray()) {
            switch (ch) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(ch);
            }
        }
        return out.toString();
    }
}
