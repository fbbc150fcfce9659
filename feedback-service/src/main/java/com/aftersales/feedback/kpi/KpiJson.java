package com.aftersales.feedback.kpi;

import tools.jackson.core.JsonGenerator;
import tools.jackson.core.SerializableString;
import tools.jackson.core.io.SerializedString;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Writes a KPI answer straight from its summed rows, as the JSON Jackson makes of {@link KpiQuery.Result}: the same
 * names in the same order, and the same generator formats the numbers and nulls. A year of technicians by month is
 * 6,000 rows of 49 values; mapping each row to two maps of boxed numbers first cost more than the query itself.
 */
final class KpiJson {

    private static final Measure[] MEASURES = Measure.values();
    /** Names quoted and encoded once, not 49 times per row. */
    private static final SerializableString[] MEASURE_NAMES = Arrays.stream(MEASURES).map(m -> new SerializedString(m.column()))
            .toArray(SerializableString[]::new);
    private static final SerializableString[] KPI_NAMES = kpiNames();
    private static final SerializableString PERIOD = new SerializedString("period");
    private static final SerializableString GROUP = new SerializedString("group");
    private static final SerializableString COUNTS = new SerializedString("counts");
    private static final SerializableString KPIS = new SerializedString("kpis");

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
            g.writeName(PERIOD);
            g.writeString(row.period().toString());
            g.writeName(GROUP);
            g.writeString(row.group());
            g.writeName(COUNTS);
            g.writeStartObject();
            for (int m = 0; m < MEASURES.length; m++) {
                g.writeName(MEASURE_NAMES[m]);
                g.writeNumber(row.measures().get(MEASURES[m]));
            }
            g.writeEndObject();
            g.writeName(KPIS);
            g.writeStartObject();
            int[] next = {0};
            KpiFormulas.each(row.measures(), (name, value) -> {
                // The KPIs come in the same order for every row: the names encoded once, in that order.
                g.writeName(KPI_NAMES[next[0]++]);
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

    private static SerializableString[] kpiNames() {
        List<SerializableString> names = new ArrayList<>();
        KpiFormulas.each(new Measures(), (name, value) -> names.add(new SerializedString(name)));
        return names.toArray(SerializableString[]::new);
    }
}
