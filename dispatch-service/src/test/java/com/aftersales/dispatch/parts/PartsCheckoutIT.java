package com.aftersales.dispatch.parts;

import com.aftersales.dispatch.Api;
import com.aftersales.testsupport.WithRealInfrastructure;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

/** Stock on real PostgreSQL: never negative, and of concurrent checkouts of the last unit exactly one wins. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@WithRealInfrastructure
class PartsCheckoutIT {

    private static final int CONTENDERS = 8;

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;

    private String technician(Api api) {
        return api.post("/api/technicians", Api.technician("仓库测试", 31.23, 121.47, "AC", "COOLING", 5)).body().path("id").asString();
    }

    @Test
    void ofConcurrentCheckoutsOfTheLastUnitExactlyOneWins() throws Exception {
        Api api = new Api(port);
        String part = "CAP-" + UUID.randomUUID().toString().substring(0, 8);
        String van = "VAN-" + UUID.randomUUID().toString().substring(0, 8);
        assertThat(api.put("/api/parts/catalogue/" + part, "{\"description\":\"压缩机电容\",\"unitCost\":12.5,\"unitPrice\":38}").status()).isEqualTo(204);
        assertThat(api.put("/api/parts/stock/" + van + "/" + part, "{\"quantity\":1}").status()).isEqualTo(204);
        List<String> technicians = new ArrayList<>();
        for (int i = 0; i < CONTENDERS; i++) {
            technicians.add(technician(api));
        }

        ExecutorService pool = Executors.newFixedThreadPool(CONTENDERS);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Integer>> answers = new ArrayList<>();
        for (String technician : technicians) {
            answers.add(pool.submit(() -> {
                start.await();
                return api.post("/api/parts/checkouts", """
                        {"technicianId":"%s","location":"%s","partNumber":"%s","quantity":1}""".formatted(technician, van, part)).status();
            }));
        }
        start.countDown();
        List<Integer> statuses = new ArrayList<>();
        for (Future<Integer> answer : answers) {
            statuses.add(answer.get());
        }
        pool.shutdown();

        assertThat(statuses).filteredOn(s -> s == 201).hasSize(1);
        assertThat(statuses).filteredOn(s -> s == 409).hasSize(CONTENDERS - 1);
        assertThat(jdbc.sql("select quantity from stock_item where location = :l and part_number = :p").param("l", van)
                .param("p", part).query(Integer.class).single()).isZero();
        assertThat(jdbc.sql("select count(*) from part_checkout where location = :l").param("l", van).query(Long.class).single())
                .isEqualTo(1);
    }

    @Test
    void returnsGoBackToStockButNeverMoreThanIsOutAndBadQuantitiesAre400() {
        Api api = new Api(port);
        String part = "FLT-" + UUID.randomUUID().toString().substring(0, 8);
        String wh = "WH-" + UUID.randomUUID().toString().substring(0, 8);
        api.put("/api/parts/catalogue/" + part, "{\"description\":\"滤网\",\"unitCost\":5,\"unitPrice\":15}");
        api.put("/api/parts/stock/" + wh + "/" + part, "{\"quantity\":5}");
        String tech = technician(api);

        Api.Response checkout = api.post("/api/parts/checkouts", """
                {"technicianId":"%s","location":"%s","partNumber":"%s","quantity":3}""".formatted(tech, wh, part));
        assertThat(checkout.status()).isEqualTo(201);
        String id = checkout.body().path("id").asString();
        assertThat(api.post("/api/parts/checkouts/" + id + "/returns", "{\"quantity\":4}").status()).isEqualTo(409);
        assertThat(api.post("/api/parts/checkouts/" + id + "/returns", "{\"quantity\":2}").body().path("returned").asInt()).isEqualTo(2);
        assertThat(api.get("/api/parts/stock?location=" + wh).body().get(0).path("quantity").asInt()).isEqualTo(4);

        Api.Response negative = api.post("/api/parts/checkouts", """
                {"technicianId":"%s","location":"%s","partNumber":"%s","quantity":-1}""".formatted(tech, wh, part));
        assertThat(negative.status()).isEqualTo(400);
        assertThat(negative.body().path("errors").get(0).path("field").asString()).isEqualTo("quantity");
        assertThat(api.put("/api/parts/stock/" + wh + "/" + part, "{\"quantity\":-3}").status()).isEqualTo(400);
        assertThat(api.post("/api/parts/checkouts", """
                {"technicianId":"%s","location":"%s","partNumber":"%s","quantity":9}""".formatted(tech, wh, part)).status()).isEqualTo(409);
        assertThat(api.post("/api/parts/checkouts", """
                {"technicianId":"%s","location":"NOWHERE","partNumber":"%s","quantity":1}""".formatted(tech, part)).status()).isEqualTo(404);
    }
}
