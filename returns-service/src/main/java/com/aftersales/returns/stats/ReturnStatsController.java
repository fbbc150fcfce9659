package com.aftersales.returns.stats;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

@RestController
@RequestMapping(path = "/api/returns/stats", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Return statistics", description = "Return rates per store, salesperson or product per month")
class ReturnStatsController {

    enum GroupBy { STORE, SALESPERSON, PRODUCT }

    record Report(YearMonth month, GroupBy groupBy, BigDecimal targetRate, BigDecimal flagRate, List<ReturnRate> rows) {
    }

    private final JdbcClient jdbc;
    private final StatsProperties properties;

    ReturnStatsController(JdbcClient jdbc, StatsProperties properties) {
        this.jdbc = jdbc;
        this.properties = properties;
    }

    @GetMapping
    @Transactional(readOnly = true)
    @Operation(summary = "Return rate per store, salesperson or product (model) in a month",
            description = "Returned units (not rejected; shipping errors and factory batch faults counted apart as excluded) over "
                    + "units sold that month (registrations purchased that month). Each row is WITHIN_TARGET (≤ target), "
                    + "ABOVE_TARGET, FLAGGED (> flag rate) or NO_SALES_DATA (per salesperson: the sales records carry no salesperson).")
    @ApiResponse(responseCode = "400", description = "Invalid month or grouping", content = @Content(mediaType = "application/problem+json"))
    Report stats(@Parameter(description = "yyyy-MM, calendar month of the request dates at the stores", example = "2026-03")
                 @RequestParam YearMonth month,
                 @RequestParam(defaultValue = "STORE") GroupBy groupBy) {
        String column = switch (groupBy) {
            case STORE -> "store_code";
            case SALESPERSON -> "salesperson_code";
            case PRODUCT -> "model";
        };
        LocalDate from = month.atDay(1);
        LocalDate to = month.plusMonths(1).atDay(1);
        Map<String, long[]> returned = new HashMap<>();
        // The column name comes from the enum above, never from the request text.
        jdbc.sql("select coalesce(" + column + ", '(none)') as k, "
                        + "count(*) filter (where not shipping_error and not factory_batch_fault) as counted, "
                        + "count(*) filter (where shipping_error or factory_batch_fault) as excluded "
                        + "from return_order where request_date >= :from and request_date < :to and status <> 'REJECTED' "
                        + "and channel = 'CONSUMER' group by 1")
                .param("from", from).param("to", to)
                .query(rs -> {
                    returned.put(rs.getString("k"), new long[]{rs.getLong("counted"), rs.getLong("excluded")});
                });
        Map<String, Long> sold = new HashMap<>();
        if (groupBy != GroupBy.SALESPERSON) {
            String soldColumn = groupBy == GroupBy.STORE ? "store_code" : "model";
            jdbc.sql("select coalesce(" + soldColumn + ", '(none)') as k, count(*) as n from product_replica "
                            + "where sold_by_us and purchase_date >= :from and purchase_date < :to group by 1")
                    .param("from", from).param("to", to)
                    .query(rs -> {
                        sold.put(rs.getString("k"), rs.getLong("n"));
                    });
        }
        TreeSet<String> keys = new TreeSet<>(returned.keySet());
        keys.addAll(sold.keySet());
        List<ReturnRate> rows = keys.stream().map(k -> {
            long[] r = returned.getOrDefault(k, new long[2]);
            return ReturnRate.of(k, r[0], r[1], groupBy == GroupBy.SALESPERSON ? null : sold.getOrDefault(k, 0L),
                    properties.targetRate(), properties.flagRate());
        }).toList();
        return new Report(month, groupBy, properties.targetRate(), properties.flagRate(), rows);
    }
}
