package com.aftersales.returns.stats;

import com.aftersales.platform.web.ProblemException;
import com.aftersales.platform.web.ProblemType;
import com.aftersales.returns.security.CallerScope;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.MediaType;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

@RestController
@RequestMapping(path = "/api/returns/stats", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Return statistics", description = "Return rates per store, salesperson or product per month")
class ReturnStatsController {

    record Report(YearMonth month, ReturnStatsRepository.Group groupBy, BigDecimal targetRate, BigDecimal flagRate,
                  List<ReturnRate> rows) {
    }

    private final ReturnStatsRepository stats;
    private final StatsProperties properties;
    private final CallerScope scope;

    ReturnStatsController(ReturnStatsRepository stats, StatsProperties properties, CallerScope scope) {
        this.stats = stats;
        this.properties = properties;
        this.scope = scope;
    }

    @GetMapping
    @Transactional(readOnly = true)
    @Operation(summary = "Return rate per store, salesperson or product (model) in a month",
            description = "Returned units (not rejected; shipping errors and factory batch faults counted apart as excluded) over "
                    + "units sold that month (registrations purchased that month), and the same on amounts (what the customers "
                    + "paid, for units registered with a sale price). A return counts for the salesperson it names, else the "
                    + "one who sold the unit. Each row is WITHIN_TARGET (≤ target), ABOVE_TARGET, FLAGGED (> flag rate) or "
                    + "NO_SALES_DATA on the configured basis (QUANTITY by default, or AMOUNT). "
                    + "A STORE clerk sees his own store's row only, grouped by store.")
    @ApiResponse(responseCode = "400", description = "Invalid month or grouping", content = @Content(mediaType = "application/problem+json"))
    @ApiResponse(responseCode = "403", description = "A store clerk asking for another grouping than STORE", content = @Content(mediaType = "application/problem+json"))
    Report stats(@Parameter(description = "yyyy-MM, calendar month of the request dates at the stores", example = "2026-03")
                 @RequestParam YearMonth month,
                 @RequestParam(defaultValue = "STORE") ReturnStatsRepository.Group groupBy) {
        Optional<String> ownStore = scope.store();
        if (ownStore.isPresent() && groupBy != ReturnStatsRepository.Group.STORE) {
            throw new ProblemException(ProblemType.FORBIDDEN, "A store sees its own return rate, grouped by store");
        }
        LocalDate from = month.atDay(1);
        LocalDate to = month.plusMonths(1).atDay(1);
        Map<String, ReturnStatsRepository.Returned> returned = stats.returned(groupBy, from, to);
        Map<String, ReturnStatsRepository.Sold> sold = stats.sold(groupBy, from, to);
        TreeSet<String> keys = new TreeSet<>(returned.keySet());
        keys.addAll(sold.keySet());
        ReturnStatsRepository.Returned none = new ReturnStatsRepository.Returned(0, 0, BigDecimal.ZERO);
        ReturnStatsRepository.Sold nothing = new ReturnStatsRepository.Sold(0, null);
        ownStore.ifPresent(store -> keys.retainAll(java.util.Set.of(store)));
        List<ReturnRate> rows = keys.stream().map(k -> {
            ReturnStatsRepository.Returned r = returned.getOrDefault(k, none);
            ReturnStatsRepository.Sold s = sold.getOrDefault(k, nothing);
            return ReturnRate.of(k, r.counted(), r.excluded(), s.units(), r.countedAmount(), s.amount(), properties.basis(),
                    properties.targetRate(), properties.flagRate());
        }).toList();
        return new Report(month, groupBy, properties.targetRate(), properties.flagRate(), rows);
    }
}
