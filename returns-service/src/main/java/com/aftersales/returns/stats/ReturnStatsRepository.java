package com.aftersales.returns.stats;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;

/** The counts behind the return rates: returns by group and units sold by group, in a date range. */
@Repository
class ReturnStatsRepository {

    /** Groups that have no value (a return without a salesperson) are counted under this key. */
    static final String NONE = "(none)";

    enum Group {
        STORE("store_code", "store_code"), SALESPERSON("salesperson_code", null), PRODUCT("model", "model");

        private final String returnColumn;
        private final String soldColumn;

        Group(String returnColumn, String soldColumn) {
            this.returnColumn = returnColumn;
            this.soldColumn = soldColumn;
        }

        boolean salesKnown() {
            return soldColumn != null;
        }
    }

    /** @param counted returns that count; @param excluded returns for a shipping error or a factory batch fault */
    record Returned(long counted, long excluded) {
    }

    private final JdbcClient jdbc;

    ReturnStatsRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Consumer returns not rejected, requested in {@code [from, to)}, by group: the rule of
     * {@code ReturnOrder.countsInReturnRate()} in SQL (shipping errors and factory batch faults counted apart).
     */
    Map<String, Returned> returned(Group group, LocalDate from, LocalDate to) {
        Map<String, Returned> result = new HashMap<>();
        // Column names come from the enum, never from the request.
        jdbc.sql("select coalesce(" + group.returnColumn + ", '" + NONE + "') as k, "
                        + "count(*) filter (where not shipping_error and not factory_batch_fault) as counted, "
                        + "count(*) filter (where shipping_error or factory_batch_fault) as excluded "
                        + "from return_order where request_date >= :from and request_date < :to and status <> 'REJECTED' "
                        + "and channel = 'CONSUMER' group by 1")
                .param("from", from).param("to", to)
                .query(rs -> {
                    result.put(rs.getString("k"), new Returned(rs.getLong("counted"), rs.getLong("excluded")));
                });
        return result;
    }

    /** Units we sold with a purchase date in {@code [from, to)}, by group; empty when the group's sales are unknown. */
    Map<String, Long> sold(Group group, LocalDate from, LocalDate to) {
        Map<String, Long> result = new HashMap<>();
        if (!group.salesKnown()) {
            return result;
        }
        jdbc.sql("select coalesce(" + group.soldColumn + ", '" + NONE + "') as k, count(*) as n from product_replica "
                        + "where sold_by_us and purchase_date >= :from and purchase_date < :to group by 1")
                .param("from", from).param("to", to)
                .query(rs -> {
                    result.put(rs.getString("k"), rs.getLong("n"));
                });
        return result;
    }
}
