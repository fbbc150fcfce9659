package com.aftersales.feedback.kpi;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.Collection;
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

    /**
     * The facts of many tickets at once, locked until the transaction ends: missing rows inserted and all of them
     * locked in ticket id order (the order any two batches lock them in, so they do not deadlock over each other).
     */
    List<TicketFacts> loadAllForUpdate(Collection<UUID> ticketIds) {
        UUID[] ids = ticketIds.toArray(UUID[]::new);
        jdbc.sql("insert into kpi_ticket (ticket_id) select id from unnest(cast(:ids as uuid[])) as t(id) order by id on conflict do nothing")
                .param("ids", ids).update();
        return jdbc.sql("select * from kpi_ticket where ticket_id = any(cast(:ids as uuid[])) order by ticket_id for update")
                .param("ids", ids).query((rs, n) -> map(rs)).list();
    }

    /** Writes the facts of many tickets (rows locked by {@link #loadAllForUpdate}) in one statement. */
    void saveAll(Collection<TicketFacts> facts) {
        if (facts.isEmpty()) {
            return;
        }
        jdbc.sql("""
                        update kpi_ticket t set opened_at = v.opened_at, ticket_type = v.ticket_type, model = v.model,
                            region_code = v.region_code, product_id = v.product_id, store_code = v.store_code,
                            technician_id = v.technician_id, technician_at = v.technician_at, team = v.team,
                            first_response_at = v.first_response_at, assigned_at = v.assigned_at, on_site_at = v.on_site_at,
                            resolved_at = v.resolved_at, on_site_due_at = v.on_site_due_at, on_site_target_at = v.on_site_target_at,
                            resolution_due_at = v.resolution_due_at, on_site_breached = v.on_site_breached,
                            on_site_target_breached = v.on_site_target_breached, resolution_breached = v.resolution_breached,
                            first_time_fix = v.first_time_fix, cost_minor = v.cost_minor, revenue_minor = v.revenue_minor,
                            labour_s = v.labour_s, visits = v.visits, csat = v.csat, nps = v.nps, complaints = v.complaints,
                            repeated_within_window = v.repeated_within_window
                        from unnest(cast(:id as uuid[]), cast(:openedAt as timestamptz[]), cast(:type as text[]),
                                    cast(:model as text[]), cast(:region as text[]), cast(:product as uuid[]), cast(:store as text[]),
                                    cast(:technician as text[]), cast(:technicianAt as timestamptz[]), cast(:team as text[]),
                                    cast(:firstResponse as timestamptz[]), cast(:assigned as timestamptz[]),
                                    cast(:onSite as timestamptz[]), cast(:resolved as timestamptz[]), cast(:onSiteDue as timestamptz[]),
                                    cast(:onSiteTarget as timestamptz[]), cast(:resolutionDue as timestamptz[]),
                                    cast(:onSiteBreached as boolean[]), cast(:onSiteTargetBreached as boolean[]),
                                    cast(:resolutionBreached as boolean[]), cast(:ftf as boolean[]), cast(:cost as bigint[]),
                                    cast(:revenue as bigint[]), cast(:labour as bigint[]), cast(:visits as int[]), cast(:csat as int[]),
                                    cast(:nps as int[]), cast(:complaints as int[]), cast(:repeated as boolean[]))
                            as v(ticket_id, opened_at, ticket_type, model, region_code, product_id, store_code, technician_id,
                                 technician_at, team, first_response_at, assigned_at, on_site_at, resolved_at, on_site_due_at,
                                 on_site_target_at, resolution_due_at, on_site_breached, on_site_target_breached,
                                 resolution_breached, first_time_fix, cost_minor, revenue_minor, labour_s, visits, csat, nps,
                                 complaints, repeated_within_window)
                        where t.ticket_id = v.ticket_id""")
                .param("id", column(facts, f -> f.ticketId))
                .param("openedAt", column(facts, f -> micros(f.openedAt))).param("type", column(facts, f -> f.ticketType))
                .param("model", column(facts, f -> f.model)).param("region", column(facts, f -> f.regionCode))
                .param("product", column(facts, f -> f.productId)).param("store", column(facts, f -> f.storeCode))
                .param("technician", column(facts, f -> f.technicianId))
                .param("technicianAt", column(facts, f -> micros(f.technicianAt))).param("team", column(facts, f -> f.team))
                .param("firstResponse", column(facts, f -> micros(f.firstResponseAt)))
                .param("assigned", column(facts, f -> micros(f.assignedAt))).param("onSite", column(facts, f -> micros(f.onSiteAt)))
                .param("resolved", column(facts, f -> micros(f.resolvedAt)))
                .param("onSiteDue", column(facts, f -> micros(f.onSiteDueAt)))
                .param("onSiteTarget", column(facts, f -> micros(f.onSiteTargetAt)))
                .param("resolutionDue", column(facts, f -> micros(f.resolutionDueAt)))
                .param("onSiteBreached", column(facts, f -> f.onSiteBreached))
                .param("onSiteTargetBreached", column(facts, f -> f.onSiteTargetBreached))
                .param("resolutionBreached", column(facts, f -> f.resolutionBreached))
                .param("ftf", column(facts, f -> f.firstTimeFix)).param("cost", column(facts, f -> f.costMinor))
                .param("revenue", column(facts, f -> f.revenueMinor)).param("labour", column(facts, f -> f.labourS))
                .param("visits", column(facts, f -> f.visits)).param("csat", column(facts, f -> f.csat))
                .param("nps", column(facts, f -> f.nps)).param("complaints", column(facts, f -> f.complaints))
                .param("repeated", column(facts, f -> f.repeatedWithinWindow))
                .update();
    }

    /**
     * One column of many rows as text, cast to its type in SQL (the driver binds text arrays of any element type,
     * nulls included).
     */
    private static String[] column(Collection<TicketFacts> facts, java.util.function.Function<TicketFacts, Object> value) {
        return facts.stream().map(value).map(v -> v == null ? null : v.toString()).toArray(String[]::new);
    }

    /**
     * An instant as timestamptz text, rounded to PostgreSQL's microseconds half up as the driver rounds a bound
     * Timestamp, so a fact written in a batch is stored exactly as one written alone was.
     */
    private static String micros(Instant instant) {
        return instant == null ? null : instant.plusNanos(NANOS_PER_MICRO / 2).truncatedTo(ChronoUnit.MICROS).toString();
    }

    private static final long NANOS_PER_MICRO = 1_000;

    /** One row's delta: a day, a dimension value and the change of each measure. */
    record Delta(LocalDate day, Dimension dimension, String value, Measures measures) {
    }

    /** Adds a (possibly negative) delta to one day × dimension value row and to its month's row. */
    void addToDaily(LocalDate day, Dimension dimension, String value, Measures delta) {
        addAll(List.of(new Delta(day, dimension, value, delta)));
    }

    /**
     * Applies deltas to the day rows and their month rows: one upsert per table of the rows as arrays (the rows are
     * distinct by key; the statement's text is the same whatever their number, so it is parsed and planned once per
     * connection), and a clean-up of rows that cancelled out only when some delta went down.
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
            int n = rows.size();
            String[] days = new String[n];
            String[] dims = new String[n];
            String[] values = new String[n];
            Long[][] measures = new Long[Measure.values().length][n];
            boolean anyNegative = false;
            int r = 0;
            for (var row : rows.entrySet()) {
                days[r] = row.getKey().get(0).toString();
                dims[r] = ((Dimension) row.getKey().get(1)).key();
                values[r] = (String) row.getKey().get(2);
                for (Measure m : Measure.values()) {
                    long v = row.getValue().get(m);
                    anyNegative |= v < 0;
                    measures[m.ordinal()][r] = v;
                }
                r++;
            }
            var spec = jdbc.sql(UPSERTS.get(table)).param("days", days).param("dims", dims).param("dimValues", values);
            for (Measure m : Measure.values()) {
                spec = spec.param(m.column(), measures[m.ordinal()]);
            }
            spec.update();
            if (anyNegative) {
                dropIfZero(table, rows.keySet());
            }
        }
    }

    /** Per table: the upsert of rows given as one array per column, each measure added to the stored row's. */
    private static final Map<String, String> UPSERTS = TABLES.stream().collect(Collectors.toUnmodifiableMap(table -> table,
            table -> "insert into " + table + " (day, dimension, dim_value, " + MEASURE_COLUMNS + ")"
                    + " select * from unnest(cast(:days as date[]), cast(:dims as text[]), cast(:dimValues as text[]), "
                    + Arrays.stream(Measure.values()).map(m -> "cast(:" + m.column() + " as bigint[])").collect(Collectors.joining(", "))
                    + ") on conflict (dimension, dim_value, day) do update set "
                    + Arrays.stream(Measure.values()).map(m -> m.column() + " = " + table + "." + m.column() + " + excluded." + m.column())
                    .collect(Collectors.joining(", "))));

    /**
     * Repair tickets of a unit (other than {@code except}) opened, or resolved, between {@code from} and {@code to}
     * (inclusive): the candidates of the repeat-repair rule, which looks no further than its window.
     */
    List<UUID> repairTicketsOfProduct(UUID productId, UUID except, boolean byResolution, Instant from, Instant to) {
        String column = byResolution ? "resolved_at" : "opened_at";
        return jdbc.sql("select ticket_id from kpi_ticket where product_id = :product and ticket_id <> :except"
                        + " and ticket_type = 'REPAIR' and " + column + " between :from and :to order by ticket_id")
                .param("product", productId).param("except", except)
                .param("from", Timestamp.from(from)).param("to", Timestamp.from(to))
                .query(UUID.class).list();
    }

    /** Units as registered (model, store, region), by product id; products not registered are absent. */
    Map<UUID, String[]> products(Collection<UUID> productIds) {
        Map<UUID, String[]> products = new java.util.HashMap<>();
        jdbc.sql("select product_id, model, store_code, region_code from kpi_product where product_id = any(cast(:ids as uuid[]))")
                .param("ids", productIds.toArray(UUID[]::new))
                .query(rs -> {
                    products.put(rs.getObject(1, UUID.class), new String[]{rs.getString(2), rs.getString(3), rs.getString(4)});
                });
        return products;
    }

    /** A stored ticket of a unit: what the repeat-repair rule and a unit's late registration look at. */
    record ProductTicket(UUID productId, UUID ticketId, String ticketType, String storeCode, Instant openedAt,
                         Instant resolvedAt) {
    }

    /** Every stored ticket of these units. */
    List<ProductTicket> ticketsOfProducts(Collection<UUID> productIds) {
        return jdbc.sql("select product_id, ticket_id, ticket_type, store_code, opened_at, resolved_at from kpi_ticket"
                        + " where product_id = any(cast(:ids as uuid[]))")
                .param("ids", productIds.toArray(UUID[]::new))
                .query((rs, n) -> new ProductTicket(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getString(3),
                        rs.getString(4), instant(rs, "opened_at"), instant(rs, "resolved_at")))
                .list();
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

    /** A visit's latest report as stored. */
    record Visit(UUID visitId, UUID ticketId, int reportVersion, long costMinor, long chargedMinor, long labourS) {
    }

    /** The stored visits of these tickets, and these visits whatever their ticket. */
    List<Visit> visits(Collection<UUID> ticketIds, Collection<UUID> visitIds) {
        return jdbc.sql("""
                        select visit_id, ticket_id, report_version, cost_minor, charged_minor, labour_s from kpi_visit
                        where ticket_id = any(cast(:tickets as uuid[])) or visit_id = any(cast(:visits as uuid[]))""")
                .param("tickets", ticketIds.toArray(UUID[]::new)).param("visits", visitIds.toArray(UUID[]::new))
                .query((rs, n) -> new Visit(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getInt(3), rs.getLong(4),
                        rs.getLong(5), rs.getLong(6)))
                .list();
    }

    /** Records visits' latest report versions in one statement (an older version never replaces a newer one). */
    void saveVisits(Collection<Visit> visits) {
        if (visits.isEmpty()) {
            return;
        }
        jdbc.sql("""
                        insert into kpi_visit (visit_id, ticket_id, report_version, cost_minor, charged_minor, labour_s)
                        select * from unnest(cast(:visit as uuid[]), cast(:ticket as uuid[]), cast(:version as int[]),
                                             cast(:cost as bigint[]), cast(:charged as bigint[]), cast(:labour as bigint[]))
                        on conflict (visit_id) do update set report_version = excluded.report_version, cost_minor = excluded.cost_minor,
                            charged_minor = excluded.charged_minor, labour_s = excluded.labour_s
                        where excluded.report_version > kpi_visit.report_version""")
                .param("visit", visits.stream().map(Visit::visitId).toArray(UUID[]::new))
                .param("ticket", visits.stream().map(Visit::ticketId).toArray(UUID[]::new))
                .param("version", visits.stream().map(Visit::reportVersion).toArray(Integer[]::new))
                .param("cost", visits.stream().map(Visit::costMinor).toArray(Long[]::new))
                .param("charged", visits.stream().map(Visit::chargedMinor).toArray(Long[]::new))
                .param("labour", visits.stream().map(Visit::labourS).toArray(Long[]::new))
                .update();
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
