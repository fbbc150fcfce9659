package com.aftersales.feedback.kpi;

import com.aftersales.domain.error.InvalidFieldException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/** Answers KPI queries by summing pre-aggregated day rows (one index range scan per dimension and period). */
@Component
public class KpiQuery {

    /** Period granularities and their PostgreSQL date_trunc unit. */
    enum Granularity { DAY, WEEK, MONTH }

    static final List<Dimension> GROUPABLE = List.of(Dimension.TECHNICIAN, Dimension.TEAM, Dimension.STORE, Dimension.MODEL,
            Dimension.REGION);

    private static final String SUMS = Arrays.stream(Measure.values()).map(m -> "sum(" + m.column() + ")::bigint")
            .collect(Collectors.joining(", "));

    private final JdbcClient jdbc;
    private final KpiProperties properties;
    private final Clock clock;

    KpiQuery(JdbcClient jdbc, KpiProperties properties, Clock clock) {
        this.jdbc = jdbc;
        this.properties = properties;
        this.clock = clock;
    }

    /** One period × group value with its measures and KPIs. */
    public record Row(LocalDate period, String group, Map<String, Long> counts, Map<String, Double> kpis) {
    }

    /** The answer with the parameters as understood. */
    public record Result(String groupBy, LocalDate from, LocalDate to, String granularity, String zone, List<Row> rows) {
    }

    /**
     * Absent dates mean "this month so far" in the KPI zone, so a client does not have to know which calendar day it is
     * where the KPIs are bucketed (a browser in UTC is a day behind Shanghai for eight hours of every day).
     */
    public Result query(String groupBy, LocalDate from, LocalDate to, String granularity) {
        Plan plan = plan(groupBy, from, to, granularity);
        List<Row> rows = new ArrayList<>();
        for (Sums sums : sums(plan)) {
            Map<String, Long> counts = new LinkedHashMap<>();
            for (Measure measure : Measure.values()) {
                counts.put(measure.column(), sums.measures().get(measure));
            }
            rows.add(new Row(sums.period(), sums.group(), counts, KpiFormulas.kpis(sums.measures())));
        }
        return new Result(plan.dimension().key(), plan.from(), plan.to(), plan.granularity(), plan.zone(), rows);
    }

    /** A query as understood (defaults applied, checked) and the table that answers it. */
    record Plan(Dimension dimension, LocalDate from, LocalDate to, Granularity unit, String table, String zone) {
        String granularity() {
            return unit.name().toLowerCase(Locale.ROOT);
        }
    }

    /** One period x group value with its measures summed. */
    record Sums(LocalDate period, String group, Measures measures) {
    }

    /** @throws InvalidFieldException for an unknown group or granularity, from after to, a range too wide */
    Plan plan(String groupBy, LocalDate from, LocalDate to, String granularity) {
        if (to == null) {
            to = LocalDate.now(clock.withZone(properties.zone()));
        }
        if (from == null) {
            from = to.withDayOfMonth(1);
        }
        Dimension dimension = parseGroupBy(groupBy);
        Granularity unit = parseGranularity(granularity);
        if (from.isAfter(to)) {
            throw InvalidFieldException.withKey("from", "feedback.kpi.from-after-to", to.toString());
        }
        if (ChronoUnit.DAYS.between(from, to) + 1 > properties.maxRangeDays()) {
            throw InvalidFieldException.withKey("to", "feedback.kpi.range-too-long", properties.maxRangeDays());
        }
        // Whole months by month read the monthly roll-up; anything else sums day rows.
        boolean wholeMonths = unit == Granularity.MONTH && from.getDayOfMonth() == 1
                && to.equals(to.withDayOfMonth(to.lengthOfMonth()));
        return new Plan(dimension, from, to, unit, wholeMonths ? "kpi_monthly" : "kpi_daily", properties.zone().getId());
    }

    /** The plan's rows in period, group order: one statement, each row's measures in an array (no maps). */
    List<Sums> sums(Plan plan) {
        return jdbc.sql("select date_trunc('" + plan.granularity() + "', day)::date, dim_value, " + SUMS + " from " + plan.table()
                        + " where dimension = :dim and day between :from and :to group by 1, 2 order by 1, 2")
                .param("dim", plan.dimension().key()).param("from", plan.from()).param("to", plan.to())
                .query((rs, n) -> {
                    Measures m = new Measures();
                    int column = 3;
                    for (Measure measure : Measure.values()) {
                        m.add(measure, rs.getLong(column++));
                    }
                    return new Sums(rs.getObject(1, LocalDate.class), rs.getString(2), m);
                })
                .list();
    }

    private static Dimension parseGroupBy(String groupBy) {
        if (groupBy == null || groupBy.isBlank()) {
            return Dimension.ALL;
        }
        return GROUPABLE.stream().filter(d -> d.key().equals(groupBy)).findFirst().orElseThrow(() ->
                InvalidFieldException.withKey("groupBy", "field.one-of", GROUPABLE.stream().map(Dimension::key).toList().toString()));
    }

    private static Granularity parseGranularity(String granularity) {
        if (granularity == null || granularity.isBlank()) {
            return Granularity.DAY;
        }
        return Arrays.stream(Granularity.values()).filter(g -> g.name().equalsIgnoreCase(granularity)).findFirst()
                .orElseThrow(() -> InvalidFieldException.withKey("granularity", "field.one-of", "[day, week, month]"));
    }
}
