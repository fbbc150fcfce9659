package com.aftersales.returns.stats;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;

/** The counts behind the return rates: returns by group and units sold by group, in a date range. */
@Repository
class ReturnStatsRepository {

    /** Groups that have no value (a return without a salesperson) are counted under this key. */
    static final String NONE = "(none)";

    enum Group {
        STORE("store_code", "store_code"), SALESPERSON("salesperson_code", "salesperson_code"), PRODUCT("model", "model");

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

    /**
     * @param counted        returns that count
     * @param excluded       returns for a shipping error or a factory batch fault
     * @param countedAmount  what the customers had paid for the returns that count (units with a recorded sale price)
     */
    record Returned(long counted, long excluded, BigDecimal countedAmount) {
    }

    /** @param amount what customers paid for the units sold (those with a recorded sale price) */
    record Sold(long units, BigDecimal amount) {
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
        jdbc.sql("select coalesce(r." + group.returnColumn + ", '" + NONE + "') as k, "
                        + "count(*) filter (where not r.shipping_error and not r.factory_batch_fault) as counted, "
                        + "count(*) filter (where r.shipping_error or r.factory_batch_fault) as excluded, "
                        + "coalesce(sum(p.sale_price) filter (where not r.shipping_error and not r.factory_batch_fault), 0) as amount "
                        + "from return_order r left join product_replica p on p.product_id = r.product_id "
                        + "where r.request_date >= :from and r.request_date < :to and r.status <> 'REJECTED' "
                        + "and r.channel = 'CONSUMER' group by 1")
                .param("from", from).param("to", to)
                .query(rs -> {
                    result.put(rs.getString("k"), new Returned(rs.getLong("counted"), rs.getLong("excluded"),
                            rs.getBigDecimal("amount")));
                });
        return result;
    }

    /**
     * Units we sold with a purchase date in {@code [from, to)} and what customers paid for them, by group (units sold
     * without a recorded salesperson count under "(none)").
     */
    Map<String, Sold> sold(Group group, LocalDate from, LocalDate to) {
        Map<String, Sold> result = new HashMap<>();
        if (!group.salesKnown()) {
            return result;
        }
        jdbc.sql("select coalesce(" + group.soldColumn + ", '" + NONE + "') as k, count(*) as n, "
                        + "sum(sale_price) as amount from product_replica "
                        + "where sold_by_us and purchase_date >= :from and purchase_date < :to group by 1")
                .param("from", from).param("to", to)
                .query(rs -> {
                    result.put(rs.getString("k"), new Sold(rs.getLong("n"), rs.getBigDecimal("amount")));
                });
        return result;
    }
}
