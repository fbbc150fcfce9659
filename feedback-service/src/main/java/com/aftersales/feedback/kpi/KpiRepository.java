package com.aftersales.feedback.kpi;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

/** Persistence of the KPI projection. */
@Repository
class KpiRepository {

    private static final String MEASURE_COLUMNS = Arrays.stream(Measure.values()).map(Measure::column)
            .collect(Collectors.joining(", "));
    /** The day table and its monthly roll-up, maintained with the same deltas. */
    private static final List<String> TABLES = List.of("kpi_daily", "kpi_monthly");

    private final JdbcClient jdbc;

    KpiRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The ticket's facts, locked until the transaction ends so that concurrent deltas do not interleave. */
    TicketFacts loadForUpdate(UUID ticketId) {
        jdbc.sql("insert into kpi_ticket (ticket_id) values (:id) on conflict do nothing").param("id", ticketId).update();
        return jdbc.sql("select * from kpi_ticket where ticket_id = :id for update").param("id", ticketId)
                .query((rs, n) -> map(rs)).single();
    }

    void save(TicketFacts f) {
        jdbc.sql("""
                        update kpi_ticket set opened_at = :openedAt, ticket_type = :type, model = :model, region_code = :region,
                            product_id = :product, store_code = :store, technician_id = :technician,
                            technician_at = :technicianAt, team = :team,
                            first_response_at = :firstResponse, assigned_at = :assigned, on_site_at = :onSite,
                            resolved_at = :resolved, on_site_due_at = :onSiteDue, on_site_target_at = :onSiteTarget,
                            resolution_due_at = :resolutionDue, on_site_breached = :onSiteBreached,
                            on_site_target_breached = :onSiteTargetBreached, resolution_breached = :resolutionBreached,
                            first_time_fix = :ftf, cost_minor = :cost, revenue_minor = :revenue, labour_s = :labour,
                            visits = :visits, csat = :csat,
                            nps = :nps, complaints = :complaints, repeated_within_window = :repeated
                        where ticket_id = :id""")
                .param("openedAt", ts(f.openedAt)).param("type", f.ticketType).param("model", f.model)
                .param("region", f.regionCode).param("product", f.productId).param("store", f.storeCode)
                .param("technician", f.technicianId).param("technicianAt", ts(f.technicianAt)).param("team", f.team).param("firstResponse", ts(f.firstResponseAt))
                .param("assigned", ts(f.assignedAt)).param("onSite", ts(f.onSiteAt)).param("resolved", ts(f.resolvedAt))
                .param("onSiteDue", ts(f.onSiteDueAt)).param("onSiteTarget", ts(f.onSiteTargetAt))
                .param("resolutionDue", ts(f.resolutionDueAt))
                .param("onSiteBreached", f.onSiteBreached).param("onSiteTargetBreached", f.onSiteTargetBreached)
                .param("resolutionBreached", f.resolutionBreached).param("ftf", f.firstTimeFix).param("cost", f.costMinor)
                .param("revenue", f.revenueMinor).param("labour", f.labourS).param("visits", f.visits)
                .param("csat", f.csat).param("nps", f.nps).param("complaints", f.complaints)
                .param("repeated", f.repeatedWithinWindow).param("id", f.ticketId)
                .update();
    }

    /** One row's delta: a day, a dimension value and the change of each measure. */
    record Delta(LocalDate day, Dimension dimension, String value, Measures measures) {
    }

    /** Adds a (possibly negative) delta to one day × dimension value row and to its month's row. */
    void addToDaily(LocalDate day, Dimension dimension, String value, Measures delta) {
        addAll(List.of(new Delta(day, dimension, value, delta)));
    }

    /**
     * Applies deltas to the day rows and their month rows: one multi-row upsert per table (the rows are distinct
     * by key), and a clean-up of rows that cancelled out only when some delta went down.
     */
    void addAll(List<Delta> deltas) {
        List<Delta> effective = deltas.stream().filter(d -> d.day() != null && !d.measures().isZero()).toList();
        if (effective.isEmpty()) {
            return;
        }
        for (String table : TABLES) {
            boolean monthly = table.equals("kpi_monthly");
            // Rows of different days in the same month merge into one month row before the upsert.
            Map<List<Object>, Measures> rows = new LinkedHashMap<>();
            for (Delta d : effective) {
                LocalDate bucket = monthly ? d.day().withDayOfMonth(1) : d.day();
                rows.merge(List.of(bucket, d.dimension(), d.value()), d.measures(), Measures::plus);
            }
            rows.values().removeIf(Measures::isZero);
            if (rows.isEmpty()) {
                continue;
            }
            StringBuilder sql = new StringBuilder("insert into ").append(table).append(" (day, dimension, dim_value, ")
                    .append(MEASURE_COLUMNS).append(") values ");
            int i = 0;
            for (int r = 0; r < rows.size(); r++) {
                sql.append(r == 0 ? "" : ", ").append("(:day").append(r).append(", :dim").append(r).append(", :value").append(r);
                for (Measure m : Measure.values()) {
                    sql.append(", :").append(m.column()).append(r);
                }
                sql.append(")");
            }
            String add = Arrays.stream(Measure.values())
                    .map(m -> m.column() + " = " + table + "." + m.column() + " + excluded." + m.column())
                    .collect(Collectors.joining(", "));
            sql.append(" on conflict (dimension, dim_value, day) do update set ").append(add);
            var spec = jdbc.sql(sql.toString());
            boolean anyNegative = false;
            for (var row : rows.entrySet()) {
                spec = spec.param("day" + i, row.getKey().get(0)).param("dim" + i, ((Dimension) row.getKey().get(1)).key())
                        .param("value" + i, row.getKey().get(2));
                for (Measure m : Measure.values()) {
                    long v = row.getValue().get(m);
                    anyNegative |= v < 0;
                    spec = spec.param(m.column() + i, v);
                }
                i++;
            }
            spec.update();
            if (anyNegative) {
                dropIfZero(table, rows.keySet());
            }
        }
    }

    /** Tickets of a unit (other than {@code except}), for the repeat-repair rule. */
    List<UUID> repairTicketsOfProduct(UUID productId, UUID except) {
        return jdbc.sql("""
                        select ticket_id from kpi_ticket where product_id = :product and ticket_id <> :except
                        and ticket_type = 'REPAIR' order by ticket_id""")
                .param("product", productId).param("except", except).query(UUID.class).list();
    }

    Optional<String[]> product(UUID productId) {
        return jdbc.sql("select model, store_code, region_code from kpi_product where product_id = :id").param("id", productId)
                .query((rs, n) -> new String[]{rs.getString(1), rs.getString(2), rs.getString(3)}).optional();
    }

    /** @return true if the product was not known before */
    boolean saveProduct(UUID productId, String model, String store, String region) {
        return jdbc.sql("""
                        insert into kpi_product (product_id, model, store_code, region_code) values (:id, :model, :store, :region)
                        on conflict (product_id) do nothing""")
                .param("id", productId).param("model", model).param("store", store).param("region", region).update() == 1;
    }

    /** A return's place in the return rate. */
    record ReturnFact(LocalDate day, String storeCode, boolean counted) {
    }

    /** @return whether the return was new (a replayed request changes nothing) */
    boolean saveReturn(UUID returnId, LocalDate day, String storeCode, boolean counted) {
        return jdbc.sql("""
                        insert into kpi_return (return_id, day, store_code, counted) values (:id, :day, :store, :counted)
                        on conflict (return_id) do nothing""")
                .param("id", returnId).param("day", day).param("store", storeCode).param("counted", counted).update() == 1;
    }

    /** The return's fact as it was, after setting whether it counts; empty when its request was never seen. */
    Optional<ReturnFact> recountReturn(UUID returnId, boolean counted) {
        Optional<ReturnFact> before = jdbc.sql("select day, store_code, counted from kpi_return where return_id = :id for update")
                .param("id", returnId)
                .query((rs, n) -> new ReturnFact(rs.getObject(1, LocalDate.class), rs.getString(2), rs.getBoolean(3))).optional();
        before.filter(f -> f.counted() != counted).ifPresent(f -> jdbc.sql("update kpi_return set counted = :counted where return_id = :id")
                .param("id", returnId).param("counted", counted).update());
        return before;
    }

    List<UUID> ticketsOfProductWithoutStore(UUID productId) {
        return jdbc.sql("select ticket_id from kpi_ticket where product_id = :id and store_code is null order by ticket_id")
                .param("id", productId).query(UUID.class).list();
    }

    void truncate() {
        jdbc.sql("truncate kpi_daily, kpi_monthly, kpi_ticket, kpi_product, kpi_visit, kpi_return").update();
    }

    /** A ticket's visits summed: cost to the company, charged to the customer, labour, how many. */
    record VisitTotals(long costMinor, long chargedMinor, long labourS, int visits) {
    }

    /** @return the ticket's visits summed after recording this visit's latest report version */
    VisitTotals recordVisit(UUID visitId, UUID ticketId, int reportVersion, long costMinor, long chargedMinor, long labourS) {
        jdbc.sql("""
                        insert into kpi_visit (visit_id, ticket_id, report_version, cost_minor, charged_minor, labour_s)
                        values (:visit, :ticket, :version, :cost, :charged, :labour)
                        on conflict (visit_id) do update set report_version = excluded.report_version, cost_minor = excluded.cost_minor,
                            charged_minor = excluded.charged_minor, labour_s = excluded.labour_s
                        where excluded.report_version > kpi_visit.report_version""")
                .param("visit", visitId).param("ticket", ticketId).param("version", reportVersion).param("cost", costMinor)
                .param("charged", chargedMinor).param("labour", labourS)
                .update();
        return jdbc.sql("""
                        select coalesce(sum(cost_minor), 0), coalesce(sum(charged_minor), 0), coalesce(sum(labour_s), 0), count(*)
                        from kpi_visit where ticket_id = :ticket""").param("ticket", ticketId)
                .query((rs, n) -> new VisitTotals(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getInt(4))).single();
    }

    private static final String ALL_ZERO = Arrays.stream(Measure.values()).map(m -> "t." + m.column() + " = 0")
            .collect(Collectors.joining(" and "));

    /**
     * Rows whose contributions all cancelled out are removed (one statement for all the keys), so the table never
     * depends on the order events came in.
     */
    void dropIfZero(String table, java.util.Collection<List<Object>> keys) {
        jdbc.sql("delete from " + table + " t using unnest(cast(:days as date[]), cast(:dims as text[]), cast(:dimValues as text[]))"
                        + " as k(day, dimension, dim_value) where t.day = k.day and t.dimension = k.dimension"
                        + " and t.dim_value = k.dim_value and " + ALL_ZERO)
                .param("days", keys.stream().map(k -> k.get(0).toString()).toArray(String[]::new))
                .param("dims", keys.stream().map(k -> ((Dimension) k.get(1)).key()).toArray(String[]::new))
                .param("dimValues", keys.stream().map(k -> (String) k.get(2)).toArray(String[]::new))
                .update();
    }

    private static Timestamp ts(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }

    private static TicketFacts map(ResultSet rs) throws SQLException {
        TicketFacts f = new TicketFacts(rs.getObject("ticket_id", UUID.class));
        f.openedAt = instant(rs, "opened_at");
        f.ticketType = rs.getString("ticket_type");
        f.model = rs.getString("model");
        f.regionCode = rs.getString("region_code");
        f.productId = rs.getObject("product_id", UUID.class);
        f.storeCode = rs.getString("store_code");
        f.technicianId = rs.getString("technician_id");
        f.technicianAt = instant(rs, "technician_at");
        f.team = rs.getString("team");
        f.firstResponseAt = instant(rs, "first_response_at");
        f.assignedAt = instant(rs, "assigned_at");
        f.onSiteAt = instant(rs, "on_site_at");
        f.resolvedAt = instant(rs, "resolved_at");
        f.onSiteDueAt = instant(rs, "on_site_due_at");
        f.onSiteTargetAt = instant(rs, "on_site_target_at");
        f.resolutionDueAt = instant(rs, "resolution_due_at");
        f.onSiteBreached = rs.getBoolean("on_site_breached");
        f.onSiteTargetBreached = rs.getBoolean("on_site_target_breached");
        f.resolutionBreached = rs.getBoolean("resolution_breached");
        f.firstTimeFix = (Boolean) rs.getObject("first_time_fix");
        f.costMinor = (Long) rs.getObject("cost_minor");
        f.revenueMinor = rs.getLong("revenue_minor");
        f.labourS = rs.getLong("labour_s");
        f.visits = rs.getInt("visits");
        f.csat = (Integer) rs.getObject("csat");
        f.nps = (Integer) rs.getObject("nps");
        f.complaints = rs.getInt("complaints");
        f.repeatedWithinWindow = rs.getBoolean("repeated_within_window");
        return f;
    }
}
