package com.aftersales.feedback.kpi;

import tools.jackson.core.JsonGenerator;

import java.util.List;

/**
 * Writes a KPI answer straight from its summed rows, as the JSON Jackson makes of {@link KpiQuery.Result}: the same
 * names in the same order, and the same generator formats the numbers and nulls. A year of technicians by month is
 * 6,000 rows of 49 values; mapping each row to two maps of boxed numbers first cost more than the query itself.
 */
final class KpiJson {

    private static final Measure[] MEASURES = Measure.values();

    private KpiJson() {
    }

    static void write(JsonGenerator g, KpiQuery.Plan plan, List<KpiQuery.Sums> rows) {
        g.writeStartObject();
        g.writeName("groupBy");
        g.writeString(plan.dimension().key());
        g.writeName("from");
        g.writeString(plan.from().toString());
        g.writeName("to");
        g.writeString(plan.to().toString());
        g.writeName("granularity");
        g.writeString(plan.granularity());
        g.writeName("zone");
        g.writeString(plan.zone());
        g.writeName("rows");
        g.writeStartArray();
        for (KpiQuery.Sums row : rows) {
            g.writeStartObject();
            g.writeName("period");
            g.writeString(row.period().toString());
            g.writeName("group");
            g.writeString(row.group());
            g.writeName("counts");
            g.writeStartObject();
            for (Measure measure : MEASURES) {
                g.writeName(measure.column());
                g.writeNumber(row.measures().get(measure));
            }
            g.writeEndObject();
            g.writeName("kpis");
            g.writeStartObject();
            KpiFormulas.each(row.measures(), (name, value) -> {
                g.writeName(name);
                if (value == null) {
                    g.writeNull();
                } else {
                    g.writeNumber(value.doubleValue());
                }
            });
            g.writeEndObject();
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeEndObject();
    }
}
