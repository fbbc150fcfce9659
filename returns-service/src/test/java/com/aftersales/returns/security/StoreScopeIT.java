package com.aftersales.returns.security;

import com.aftersales.returns.support.ApiClient;
import com.aftersales.returns.support.ProductEvents;
import com.aftersales.testsupport.TestIdentity;
import com.aftersales.testsupport.WithRealInfrastructure;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** A store clerk sees and moves only his own store's returns; another store guessing the id gets 404. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@WithRealInfrastructure
class StoreScopeIT {

    /** The store of ProductEvents.facts units. */
    private static final String STORE = "SH-001";

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;

    @Test
    void aStoreSeesItsOwnReturnsOnlyAndOpensReturnsOnlyForItsOwnSales() {
        String serial = "SN-S-" + UUID.randomUUID().toString().substring(0, 12);
        ProductEvents.register(jdbc, ProductEvents.facts(serial, "AIR_CONDITIONER",
                LocalDate.now(ZoneId.of("Asia/Shanghai")).minusDays(5), "REGULAR"));
        String body = """
                {"facts":{"serialNumber":"%s","qualityFaultClaimed":true},"reason":"不制冷"}""".formatted(serial);
        ApiClient api = new ApiClient(port);
        ApiClient ours = api.as(TestIdentity.store(STORE));
        ApiClient theirs = api.as(TestIdentity.store("BJ-CY-002"));

        ApiClient.Response refused = theirs.post("/api/returns", body);
        assertThat(refused.status()).isEqualTo(403);
        assertThat(api.get("/api/returns?storeCode=" + STORE + "&limit=200").body().findValuesAsString("serialNumber"))
                .as("the refused return was rolled back").doesNotContain(serial);

        ApiClient.Response created = ours.post("/api/returns", body);
        assertThat(created.status()).as(created.body().toString()).isEqualTo(201);
        String id = created.body().path("id").asString();
        assertThat(ours.get("/api/returns/" + id).status()).isEqualTo(200);
        assertThat(ours.get("/api/returns?limit=200").body().findValuesAsString("id")).contains(id);

        ApiClient.Response guessed = theirs.get("/api/returns/" + id);
        assertThat(guessed.status()).isEqualTo(404);
        assertThat(guessed.body().path("type").asString()).isEqualTo("urn:aftersales:problem:not-found");
        assertThat(guessed.raw().body()).doesNotContain(serial);
        assertThat(theirs.get("/api/returns?storeCode=" + STORE + "&limit=200").body().findValuesAsString("id"))
                .doesNotContain(id);
        assertThat(theirs.post("/api/returns/" + id + "/receipt", """
                {"condition":"ok"}""").status()).isEqualTo(404);
        assertThat(ours.post("/api/returns/" + id + "/receipt", """
                {"condition":"ok"}""").status()).isEqualTo(200);
    }
}
