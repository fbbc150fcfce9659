package com.aftersales.returns.stats;

import com.aftersales.contracts.product.ProductFacts;
import com.aftersales.returns.support.ApiClient;
import com.aftersales.returns.support.ProductEvents;
import com.aftersales.testsupport.TestIdentity;
import com.aftersales.testsupport.WithRealInfrastructure;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@WithRealInfrastructure
class ReturnStatsIT {

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;

    private List<String> sell(String store, int units) {
        List<String> serials = new ArrayList<>();
        for (int i = 0; i < units; i++) {
            String serial = "SN-S-" + UUID.randomUUID().toString().substring(0, 10);
            ProductFacts base = ProductEvents.facts(serial, "KETTLE", LocalDate.of(2024, 3, 2), "REGULAR");
            ProductEvents.register(jdbc, new ProductFacts(base.productId(), base.customerId(), serial, "MODEL-" + store, "KETTLE",
                    null, base.purchaseDate(), store, null, "REGULAR", false, true, true, null, null, null));
            serials.add(serial);
        }
        return serials;
    }

    @Test
    void returnRatesPerStoreExcludeShippingErrorsAndFlagTheOutliers() {
        String quiet = "ST-" + UUID.randomUUID().toString().substring(0, 6);
        String loud = "ST-" + UUID.randomUUID().toString().substring(0, 6);
        List<String> quietUnits = sell(quiet, 10);
        List<String> loudUnits = sell(loud, 2);
        ApiClient api = new ApiClient(port);
        String request = """
                {"facts":{"serialNumber":"%s","requestDate":"2024-03-20","qualityFaultClaimed":true,"shippingOrPickingError":%s},
                 "salespersonCode":"SP-1","requestDateReason":"returns of March 2024 recorded late"}""";
        assertThat(api.post("/api/returns", request.formatted(quietUnits.get(0), false)).status()).isEqualTo(201);
        assertThat(api.post("/api/returns", request.formatted(quietUnits.get(1), true)).status()).isEqualTo(201);
        assertThat(api.post("/api/returns", request.formatted(loudUnits.get(0), false)).status()).isEqualTo(201);

        JsonNode report = api.get("/api/returns/stats?month=2024-03&groupBy=STORE").body();

        assertThat(report.path("targetRate").decimalValue()).isEqualByComparingTo("0.025");
        JsonNode quietRow = row(report, quiet);
        assertThat(quietRow.path("returned").asLong()).isEqualTo(1);
        assertThat(quietRow.path("excluded").asLong()).isEqualTo(1);
        assertThat(quietRow.path("sold").asLong()).isEqualTo(10);
        assertThat(quietRow.path("rate").decimalValue()).isEqualByComparingTo("0.1");
        assertThat(quietRow.path("level").asString()).isEqualTo("ABOVE_TARGET");
        assertThat(row(report, loud).path("level").asString()).isEqualTo("FLAGGED");
        assertThat(api.get("/api/returns/stats?month=2024-03&groupBy=SALESPERSON").body().path("rows").findValuesAsString("level"))
                .contains("NO_SALES_DATA");
        assertThat(api.get("/api/returns/stats?month=2024-13").status()).isEqualTo(400);

        ApiClient clerk = api.as(TestIdentity.store(quiet));
        JsonNode own = clerk.get("/api/returns/stats?month=2024-03").body();
        assertThat(own.path("rows").findValuesAsString("key")).as("a store sees its own row only").containsExactly(quiet);
        assertThat(own.path("rows").get(0).path("rate").decimalValue()).isEqualByComparingTo("0.1");
        assertThat(clerk.get("/api/returns/stats?month=2024-03&groupBy=SALESPERSON").status()).isEqualTo(403);
        assertThat(api.get("/api/returns/stats?month=2024-03&groupBy=PLANET").status()).isEqualTo(400);
    }

    @Test
    void aSalespersonsRateCountsTheUnitsHeSoldOnUnitsAndOnAmounts() {
        String store = "ST-" + UUID.randomUUID().toString().substring(0, 6);
        String salesperson = "SP-" + UUID.randomUUID().toString().substring(0, 6);
        List<String> serials = new ArrayList<>();
        for (String price : List.of("1000.00", "1000.00", "1000.00", "1000.00", "4000.00")) {
            String serial = "SN-P-" + UUID.randomUUID().toString().substring(0, 10);
            ProductEvents.register(jdbc, new ProductFacts(UUID.randomUUID(), UUID.randomUUID(), serial, "MODEL-" + store, "KETTLE",
                    null, LocalDate.of(2024, 4, 2), store, null, "REGULAR", false, true, true, null, null, null, null,
                    salesperson, new java.math.BigDecimal(price), "CNY"));
            serials.add(serial);
        }
        ApiClient api = new ApiClient(port);
        // The request names no salesperson: the return counts for the one who sold the unit.
        assertThat(api.post("/api/returns", """
                {"facts":{"serialNumber":"%s","requestDate":"2024-04-20","qualityFaultClaimed":true},
                 "requestDateReason":"returns of April 2024 recorded late"}""".formatted(serials.get(0))).status()).isEqualTo(201);

        JsonNode row = row(api.get("/api/returns/stats?month=2024-04&groupBy=SALESPERSON").body(), salesperson);
        assertThat(row.path("returned").asLong()).isEqualTo(1);
        assertThat(row.path("sold").asLong()).isEqualTo(5);
        assertThat(row.path("rate").decimalValue()).isEqualByComparingTo("0.2");
        assertThat(row.path("returnedAmount").decimalValue()).isEqualByComparingTo("1000.00");
        assertThat(row.path("soldAmount").decimalValue()).isEqualByComparingTo("8000.00");
        assertThat(row.path("amountRate").decimalValue()).isEqualByComparingTo("0.125");
        assertThat(row.path("basis").asString()).isEqualTo("QUANTITY");
        assertThat(row.path("level").asString()).isEqualTo("FLAGGED");
    }

    private static JsonNode row(JsonNode report, String key) {
        for (JsonNode row : report.path("rows")) {
            if (row.path("key").asString().equals(key)) {
                return row;
            }
        }
        throw new AssertionError("no row for " + key + " in " + report);
    }
}
