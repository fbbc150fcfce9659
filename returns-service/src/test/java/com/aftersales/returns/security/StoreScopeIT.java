package com.aftersales.returns.security;

import com.aftersales.contracts.EventEnvelope;
import com.aftersales.contracts.ticket.TicketEvents;
import com.aftersales.contracts.ticket.TicketOpened;
import com.aftersales.returns.support.ApiClient;
import com.aftersales.returns.support.ProductEvents;
import com.aftersales.testsupport.KafkaTestClient;
import com.aftersales.testsupport.NextLink;
import com.aftersales.testsupport.TestIdentity;
import com.aftersales.testsupport.WithRealInfrastructure;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A store clerk sees and moves only his own store's returns; another store guessing the id gets 404. He requests and
 * evaluates returns only for units sold through his store and links only his store's tickets: anything else answers as
 * an unknown serial or ticket.
 */
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

        // Another store's clerk naming our unit: exactly the answer of an unknown serial, also when he says the return is
        // at his own store, and nothing is stored.
        ApiClient.Response unknown = theirs.post("/api/returns", body.replace(serial, "SN-NONE-" + UUID.randomUUID()));
        for (String attempt : new String[]{body, body.replace("\"qualityFaultClaimed\":true}", "\"qualityFaultClaimed\":true,\"storeCode\":\"BJ-CY-002\"}")}) {
            ApiClient.Response refused = theirs.post("/api/returns", attempt);
            assertThat(refused.status()).as(refused.body().toString()).isEqualTo(404);
            assertThat(refused.body().path("type").asString()).isEqualTo(unknown.body().path("type").asString());
            assertThat(refused.raw().body()).doesNotContain("AIR_CONDITIONER", "KFR-35GW");
        }
        assertThat(theirs.post("/api/returns", body.replace("\"qualityFaultClaimed\":true}",
                "\"qualityFaultClaimed\":true,\"storeCode\":\"" + STORE + "\"}")).status())
                .as("nor at our store").isEqualTo(403);
        assertThat(api.get("/api/returns?storeCode=BJ-CY-002&limit=200").body().findValuesAsString("serialNumber"))
                .doesNotContain(serial);
        assertThat(api.get("/api/returns?storeCode=" + STORE + "&limit=200").body().findValuesAsString("serialNumber"))
                .as("the refused return was rolled back").doesNotContain(serial);
        // Nor does the policy evaluation tell him anything about it.
        String evaluation = "{\"serialNumber\":\"%s\",\"qualityFaultClaimed\":true,\"storeCode\":\"BJ-CY-002\"}";
        ApiClient.Response probed = theirs.post("/api/returns/policy/evaluate", evaluation.formatted(serial));
        assertThat(probed.status()).isEqualTo(404);
        assertThat(probed.raw().body()).doesNotContain("AIR_CONDITIONER", "REFUND");
        assertThat(ours.post("/api/returns/policy/evaluate", evaluation.formatted(serial).replace("BJ-CY-002", STORE))
                .body().path("remedy").asString()).isEqualTo("REFUND");

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

    /** Every page of a return list, following its Link rel="next" headers (docs/paging.md). */
    private static List<List<String>> pages(ApiClient api, String path) {
        List<List<String>> pages = new ArrayList<>();
        String next = path;
        while (next != null) {
            ApiClient.Response page = api.get(next);
            assertThat(page.status()).as(page.raw().body()).isEqualTo(200);
            pages.add(page.body().valueStream().map(r -> r.path("id").asString()).toList());
            next = NextLink.of(page.raw().headers()).orElse(null);
        }
        return pages;
    }

    @Test
    void returnListsArePagedByTheLinkHeaderAndAStoreClerkGetsFullPagesOfHisOwnStore() {
        ApiClient api = new ApiClient(port);
        ApiClient ours = api.as(TestIdentity.store(STORE));
        String other = "BJ-PG-" + (100 + Math.floorMod(UUID.randomUUID().hashCode(), 900));
        for (int i = 0; i < 6; i++) {
            String serial = "SN-P-" + UUID.randomUUID().toString().substring(0, 12);
            ProductEvents.register(jdbc, ProductEvents.facts(serial, "AIR_CONDITIONER",
                    LocalDate.now(ZoneId.of("Asia/Shanghai")).minusDays(5), "REGULAR"));
            // Every other one is brought to another store (a supervisor may open it there), interleaving the stores.
            String at = i % 2 == 0 ? "" : ",\"storeCode\":\"" + other + "\"";
            ApiClient.Response created = (i % 2 == 0 ? ours : api).post("/api/returns", """
                    {"facts":{"serialNumber":"%s","qualityFaultClaimed":true%s},"reason":"不制冷"}""".formatted(serial, at));
            assertThat(created.status()).as(created.raw().body()).isEqualTo(201);
        }
        String order = " order by created_at desc, id desc";

        List<List<String>> all = pages(api, "/api/returns?pageSize=4");
        assertThat(all.subList(0, all.size() - 1)).allSatisfy(page -> assertThat(page).hasSize(4));
        assertThat(all.stream().flatMap(List::stream).toList()).doesNotHaveDuplicates().containsExactlyElementsOf(
                jdbc.sql("select id::text from return_order" + order).query(String.class).list());

        // The clerk's store is a condition of the query: every page but the last is full, of his store only.
        List<List<String>> his = pages(ours, "/api/returns?limit=2");
        assertThat(his.subList(0, his.size() - 1)).allSatisfy(page -> assertThat(page).hasSize(2));
        assertThat(his.stream().flatMap(List::stream).toList()).doesNotHaveDuplicates().containsExactlyElementsOf(
                jdbc.sql("select id::text from return_order where store_code = :s" + order).param("s", STORE)
                        .query(String.class).list());
        assertThat(pages(api, "/api/returns?storeCode=" + other + "&pageSize=2"))
                .containsExactlyElementsOf(List.of(jdbc.sql("select id::text from return_order where store_code = :s" + order)
                        .param("s", other).query(String.class).list().subList(0, 2), jdbc.sql(
                        "select id::text from return_order where store_code = :s" + order).param("s", other)
                        .query(String.class).list().subList(2, 3)));

        ApiClient.Response malformed = api.get("/api/returns?pageToken=bm9wZQ");
        assertThat(malformed.status()).isEqualTo(400);
        assertThat(malformed.body().path("errors").get(0).path("field").asString()).isEqualTo("pageToken");
    }

    @Test
    void aStoreLinksAReturnOnlyToItsOwnStoresTicket() {
        String serial = "SN-T-" + UUID.randomUUID().toString().substring(0, 12);
        ProductEvents.register(jdbc, ProductEvents.facts(serial, "AIR_CONDITIONER",
                LocalDate.now(ZoneId.of("Asia/Shanghai")).minusDays(20), "REGULAR"));
        UUID ourTicket = ticketOpened(serial, STORE);
        UUID theirTicket = ticketOpened("SN-OTHER-" + UUID.randomUUID().toString().substring(0, 8), "BJ-CY-002");
        String body = """
                {"facts":{"serialNumber":"%s","qualityFaultClaimed":true},"reason":"不制冷","ticketId":"%s"}""";
        ApiClient ours = new ApiClient(port).as(TestIdentity.store(STORE));

        ApiClient.Response unknown = ours.post("/api/returns", body.formatted(serial, UUID.randomUUID()));
        ApiClient.Response foreign = ours.post("/api/returns", body.formatted(serial, theirTicket));
        assertThat(foreign.status()).isEqualTo(404);
        assertThat(foreign.body().path("type").asString()).isEqualTo(unknown.body().path("type").asString());
        assertThat(jdbc.sql("select count(*) from return_order where ticket_id = :t").param("t", theirTicket)
                .query(Long.class).single()).isZero();

        ApiClient.Response linked = ours.post("/api/returns", body.formatted(serial, ourTicket));
        assertThat(linked.status()).as(linked.body().toString()).isEqualTo(201);
        assertThat(linked.body().path("request").path("ticketId").asString()).isEqualTo(ourTicket.toString());
        assertThat(linked.body().path("request").path("requestedByStore").asString()).isEqualTo(STORE);
        // A supervisor (no store scope) may link any ticket; the event says no store asked.
        ApiClient.Response bySupervisor = new ApiClient(port).post("/api/returns", body.formatted(serial, theirTicket));
        assertThat(bySupervisor.status()).as(bySupervisor.body().toString()).isEqualTo(201);
        assertThat(bySupervisor.body().path("request").path("requestedByStore").isNull()).isTrue();
    }

    /** A ticket opened in ticket-service for a unit of {@code store}, as its event reaches this service. */
    private UUID ticketOpened(String serial, String store) {
        UUID ticketId = UUID.randomUUID();
        TicketOpened opened = new TicketOpened(ticketId, UUID.randomUUID(), serial, "KFR-35GW", "REPAIR", "STORE", "NORMAL",
                null, "不制冷", Instant.now(), null, "AIR_CONDITIONER", null, null, null, null, null, null, null, null, null,
                null, store);
        try (KafkaTestClient kafka = KafkaTestClient.onTestBroker()) {
            kafka.publish(new EventEnvelope<>(UUID.randomUUID(), URI.create("/aftersales/ticket-service"),
                    TicketEvents.TICKET_OPENED, OffsetDateTime.now(ZoneOffset.UTC), ticketId.toString(), null, opened));
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.sql(
                "select count(*) from ticket_reference where ticket_id = :id and store_code = :store")
                .param("id", ticketId).param("store", store).query(Long.class).single() == 1);
        return ticketId;
    }
}
