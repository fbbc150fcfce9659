package com.aftersales.ticket.security;

import com.aftersales.testsupport.TestIdentity;
import com.aftersales.testsupport.WithRealInfrastructure;
import com.aftersales.ticket.TestApi;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Who did what is recorded and can't be edited; a store clerk sees only its own store's customers and units. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@WithRealInfrastructure
class AuditAndScopeIT {

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;

    private static String phone() {
        return "137" + String.format("%08d", System.nanoTime() % 100_000_000);
    }

    @Test
    void stateChangingRequestsAreAuditedWithTheActorAndTheLogIsAppendOnly() throws Exception {
        TestApi agent = new TestApi(port);
        Instant before = Instant.now().minusSeconds(1);
        HttpResponse<String> created = agent.post("/api/customers", """
                {"name":"审计","phones":["%s"],"tier":"C","preferredLanguage":"zh-CN","contactConsent":true,
                 "addresses":[{"line":"上海市黄浦区南京东路 1 号","regionCode":"310101"}]}""".formatted(phone()),
                Map.of("X-Request-Id", "audit-it-1"));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        String customer = agent.read(created).path("id").asString();
        HttpResponse<String> refused = agent.as(TestIdentity.OPS).post("/api/customers", "{}", Map.of());
        assertThat(refused.statusCode()).isEqualTo(403);

        TestApi supervisor = agent.as(TestIdentity.SUPERVISOR);
        JsonNode page = supervisor.getJson("/api/audit/ticket-service?subject=" + TestIdentity.AGENT.subject()
                + "&from=" + before + "&size=5");
        JsonNode entry = page.path("items").get(0);
        assertThat(entry.path("subject").asString()).isEqualTo(TestIdentity.AGENT.subject());
        assertThat(entry.path("roles").get(0).asString()).isEqualTo("AGENT");
        assertThat(entry.path("method").asString()).isEqualTo("POST");
        assertThat(entry.path("route").asString()).isEqualTo("/api/customers");
        assertThat(entry.path("targetId").asString()).isEqualTo(customer);
        assertThat(entry.path("status").asInt()).isEqualTo(201);
        assertThat(entry.path("correlationId").asString()).isEqualTo("audit-it-1");
        JsonNode denied = supervisor.getJson("/api/audit/ticket-service?subject=" + TestIdentity.OPS.subject()
                + "&from=" + before).path("items").get(0);
        assertThat(denied.path("status").asInt()).isEqualTo(403);
        assertThat(denied.path("path").asString()).isEqualTo("/api/customers");

        // Paged by token like every list; the deprecated page/size still answer the same rows.
        assertThat(agent.patch("/api/customers/" + customer, "{\"tier\":\"B\"}", Map.of()).statusCode()).isEqualTo(200);
        String audited = "/api/audit/ticket-service?subject=" + TestIdentity.AGENT.subject() + "&from=" + before;
        HttpResponse<String> first = supervisor.get(audited + "&pageSize=1");
        String next = com.aftersales.testsupport.NextLink.of(first.headers()).orElseThrow();
        assertThat(next).doesNotContain("&page=");
        JsonNode second = supervisor.getJson(next);
        assertThat(second.path("items").get(0).path("id").asLong())
                .isLessThan(supervisor.read(first).path("items").get(0).path("id").asLong())
                .isEqualTo(supervisor.getJson(audited + "&page=1&size=1").path("items").get(0).path("id").asLong());
        assertThat(supervisor.get(audited + "&pageToken=%21").statusCode()).isEqualTo(400);

        assertThat(agent.get("/api/audit/ticket-service").statusCode()).isEqualTo(403);
        assertThat(agent.as(TestIdentity.ADMIN).get("/api/audit/ticket-service?size=0").statusCode()).isEqualTo(400);
        assertThatThrownBy(() -> jdbc.sql("update audit_log set subject = 'someone-else'").update())
                .isInstanceOf(DataAccessException.class).rootCause().hasMessageContaining("append-only");
        assertThatThrownBy(() -> jdbc.sql("delete from audit_log").update())
                .isInstanceOf(DataAccessException.class).rootCause().hasMessageContaining("append-only");
        assertThatThrownBy(() -> jdbc.sql("truncate audit_log").update())
                .isInstanceOf(DataAccessException.class).rootCause().hasMessageContaining("append-only");
    }

    @Test
    void aStoreSeesOnlyCustomersAndUnitsSoldThroughItAndAnotherStoresIdsAreNotFound() throws Exception {
        TestApi agent = new TestApi(port);
        TestApi store = agent.as(TestIdentity.STORE);
        TestApi otherStore = agent.as(TestIdentity.store("SH-PD-009"));

        String ours = agent.registerCustomer("门店甲", phone(), "B");
        String ourSerial = "ST-" + System.nanoTime();
        // The store registers the sale itself, under its own code (TestApi's body sells through SH-XH-001).
        HttpResponse<String> sale = store.post("/api/customers/" + ours + "/products",
                TestApi.productBody(ourSerial, "KFR-26GW", LocalDate.now().minusDays(3), true), Map.of());
        assertThat(sale.statusCode()).as(sale.body()).isEqualTo(201);
        String productId = store.read(sale).path("id").asString();
        HttpResponse<String> foreignSale = otherStore.post("/api/customers/" + ours + "/products",
                TestApi.productBody("ST2-" + System.nanoTime(), "KFR-26GW", LocalDate.now(), true), Map.of());
        assertThat(foreignSale.statusCode()).isEqualTo(403);

        assertThat(store.get("/api/customers/" + ours).statusCode()).isEqualTo(200);
        assertThat(store.getJson("/api/products/" + ourSerial).get(0).path("id").asString()).isEqualTo(productId);

        for (String path : new String[]{"/api/customers/" + ours, "/api/customers/" + ours + "/products",
                "/api/products/" + ourSerial}) {
            HttpResponse<String> guessed = otherStore.get(path);
            assertThat(guessed.statusCode()).as(path).isEqualTo(404);
            // The problem may echo the id that was guessed, never what is behind it.
            assertThat(guessed.body()).doesNotContain("门店甲", productId, "KFR-26GW");
        }
        HttpResponse<String> edit = otherStore.patch("/api/customers/" + ours, "{\"tier\":\"A\"}", Map.of());
        assertThat(edit.statusCode()).isEqualTo(404);
        HttpResponse<String> editUnit = otherStore.patch("/api/customers/" + ours + "/products/" + productId,
                "{\"batchNumber\":\"X\"}", Map.of());
        assertThat(editUnit.statusCode()).isEqualTo(404);
        assertThat(otherStore.getJson("/api/customers?name=门店甲")).isEmpty();
        assertThat(store.getJson("/api/customers?name=门店甲")).isNotEmpty();
    }

    /** The ids of every page of a JSON-array list, following its Link rel="next" headers (docs/paging.md). */
    private static List<List<String>> pages(TestApi api, String path) throws Exception {
        List<List<String>> pages = new java.util.ArrayList<>();
        String next = path;
        while (next != null) {
            HttpResponse<String> response = api.get(next);
            assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
            pages.add(api.read(response).valueStream().map(c -> c.path("id").asString()).toList());
            next = com.aftersales.testsupport.NextLink.of(response.headers()).orElse(null);
        }
        return pages;
    }

    @Test
    void customerSearchIsPagedByTheLinkHeaderAndAStoreClerkGetsFullPagesOfHisOwnCustomers() throws Exception {
        TestApi agent = new TestApi(port);
        String name = "分页" + System.nanoTime();
        List<String> ours = new java.util.ArrayList<>();
        for (int i = 0; i < 3; i++) {
            String customer = agent.registerCustomer(name + "甲", phone(), "B");
            agent.registerProduct(customer, "PG-" + System.nanoTime(), "KFR-26GW", LocalDate.now().minusDays(3), true);
            ours.add(0, customer);
        }
        // Newer, and not the store's: a search filtered after its limit would hand the clerk a short first page.
        List<String> all = new java.util.ArrayList<>(ours);
        for (int i = 0; i < 3; i++) {
            all.add(0, agent.registerCustomer(name + "乙", phone(), "C"));
        }
        String query = "/api/customers?name=" + java.net.URLEncoder.encode(name, java.nio.charset.StandardCharsets.UTF_8);

        List<List<String>> agentPages = pages(agent, query + "&pageSize=2");
        assertThat(agentPages).hasSize(3).allSatisfy(page -> assertThat(page).hasSize(2));
        assertThat(agentPages.stream().flatMap(List::stream).toList()).containsExactlyElementsOf(all);
        // limit, the old name of pageSize, pages alike.
        assertThat(pages(agent, query + "&limit=4")).containsExactly(all.subList(0, 4), all.subList(4, 6));

        assertThat(pages(agent.as(TestIdentity.STORE), query + "&pageSize=2"))
                .containsExactly(ours.subList(0, 2), ours.subList(2, 3));

        HttpResponse<String> malformed = agent.get(query + "&pageToken=bm90LWEtdG9rZW4");
        assertThat(malformed.statusCode()).isEqualTo(400);
        assertThat(agent.read(malformed).path("errors").get(0).path("field").asString()).isEqualTo("pageToken");
    }

    @Test
    void aStoreReadsTheTicketsOfUnitsSoldThroughItAndAnotherStoresTicketIsNotFound() throws Exception {
        TestApi agent = new TestApi(port);
        TestApi store = agent.as(TestIdentity.STORE);
        String otherCode = "SH-PD-011";
        TestApi otherStore = agent.as(TestIdentity.store(otherCode));

        String ours = agent.registerCustomer("门店票甲", phone(), "B");
        String ourSerial = "TS-" + System.nanoTime();
        agent.registerProduct(ours, ourSerial, "KFR-26GW", LocalDate.now().minusDays(20), true);
        String ourTicket = store.openTicket(ours, ourSerial, "KFR-26GW", "STORE", "门店报修：不制冷");

        String theirs = agent.registerCustomer("门店票乙", phone(), "A");
        String theirSerial = "TO-" + System.nanoTime();
        HttpResponse<String> theirSale = otherStore.post("/api/customers/" + theirs + "/products",
                TestApi.productBody(theirSerial, "KFR-72LW", LocalDate.now().minusDays(9), true)
                        .replace(TestIdentity.STORE_CODE, otherCode), Map.of());
        assertThat(theirSale.statusCode()).as(theirSale.body()).isEqualTo(201);
        String theirTicket = agent.openTicket(theirs, theirSerial, "KFR-72LW", "PHONE", "外机异响");

        // Its own: read, timeline, and in its lists (also when it names its own store).
        assertThat(store.getJson("/api/tickets/" + ourTicket).path("serialNumber").asString()).isEqualTo(ourSerial);
        assertThat(store.getJson("/api/tickets/" + ourTicket + "/timeline")).isNotEmpty();
        assertThat(ids(store.getJson("/api/tickets?customerId=" + ours))).containsExactly(ourTicket);
        assertThat(ids(store.getJson("/api/tickets?storeCode=" + TestIdentity.STORE_CODE + "&serialNumber=" + ourSerial)))
                .containsExactly(ourTicket);

        // Another store's ticket answers exactly as an id that does not exist, and never shows in a list or search.
        HttpResponse<String> unknown = store.get("/api/tickets/" + java.util.UUID.randomUUID());
        for (String path : new String[]{"/api/tickets/" + theirTicket, "/api/tickets/" + theirTicket + "/timeline"}) {
            HttpResponse<String> guessed = store.get(path);
            assertThat(guessed.statusCode()).as(path).isEqualTo(404);
            assertThat(store.read(guessed).path("type").asString()).isEqualTo(store.read(unknown).path("type").asString());
            assertThat(guessed.body()).doesNotContain(theirSerial, "KFR-72LW", "外机异响", theirs);
        }
        assertThat(ids(store.getJson("/api/tickets?customerId=" + theirs))).isEmpty();
        assertThat(ids(store.getJson("/api/tickets?serialNumber=" + theirSerial))).isEmpty();
        assertThat(ids(store.getJson("/api/tickets?storeCode=" + otherCode))).isEmpty();
        assertThat(ids(otherStore.getJson("/api/tickets?storeCode=" + otherCode))).contains(theirTicket)
                .doesNotContain(ourTicket);
        // Nor can it open one on another store's unit, or change its own (agents do).
        HttpResponse<String> foreignOpen = store.post("/api/tickets",
                TestApi.ticketBody(theirs, theirSerial, "KFR-72LW", "STORE", "试探"), Map.of());
        assertThat(foreignOpen.statusCode()).isEqualTo(404);
        assertThat(foreignOpen.body()).doesNotContain("门店票乙");
        assertThat(store.patch("/api/tickets/" + ourTicket, "{\"priority\":\"HIGH\"}", Map.of()).statusCode())
                .isEqualTo(403);
        assertThat(agent.getJson("/api/tickets/" + theirTicket).path("id").asString()).isEqualTo(theirTicket);
    }

    @Test
    void aTechnicianReadsOnlyUnitsOfHisOpenTicketsAndQcNoCustomerDetails() throws Exception {
        TestApi agent = new TestApi(port);
        java.util.UUID technicianId = java.util.UUID.randomUUID();
        TestApi technician = agent.as(TestIdentity.technician(technicianId));
        TestApi qc = agent.as(TestIdentity.QC);
        String customer = agent.registerCustomer("技师范围", phone(), "B");
        String onHisJob = "TJ-" + System.nanoTime();
        String elsewhere = "TX-" + System.nanoTime();
        for (String serial : new String[]{onHisJob, elsewhere}) {
            HttpResponse<String> sale = agent.post("/api/customers/" + customer + "/products",
                    TestApi.productBody(serial, "KFR-26GW", LocalDate.now().minusDays(40), true)
                            .replace("\"priceType\"", "\"receiptNumber\":\"RCPT-" + serial + "\",\"priceType\""), Map.of());
            assertThat(sale.statusCode()).as(sale.body()).isEqualTo(201);
            assertThat(agent.read(sale).path("receiptNumber").asString()).isEqualTo("RCPT-" + serial);
        }
        String ticket = agent.openTicket(customer, onHisJob, "KFR-26GW", "PHONE", "不制冷");
        agent.openTicket(customer, elsewhere, "KFR-26GW", "PHONE", "漏水");

        // Not yet his: the unit answers as an unknown serial does.
        HttpResponse<String> unknown = technician.get("/api/products/NO-SUCH-" + System.nanoTime());
        HttpResponse<String> notYet = technician.get("/api/products/" + onHisJob);
        assertThat(notYet.statusCode()).isEqualTo(404);
        assertThat(technician.read(notYet).path("type").asString()).isEqualTo(technician.read(unknown).path("type").asString());
        assertThat(notYet.body()).doesNotContain(customer, "张江路");

        // dispatch assigns the ticket to him (as its event would)
        jdbc.sql("update ticket set technician_id = :t where id = :id").param("t", technicianId.toString())
                .param("id", java.util.UUID.fromString(ticket)).update();
        JsonNode his = technician.getJson("/api/products/" + onHisJob).get(0);
        assertThat(his.path("installAddress").path("line").asString()).contains("张江路");
        assertThat(his.path("receiptNumber").isNull()).isTrue();
        assertThat(his.toString()).doesNotContain("RCPT-");
        assertThat(technician.get("/api/products/" + elsewhere).statusCode()).isEqualTo(404);

        // once the ticket is closed the unit is no longer his to read
        jdbc.sql("update ticket set status = 'CLOSED' where id = :id").param("id", java.util.UUID.fromString(ticket)).update();
        assertThat(technician.get("/api/products/" + onHisJob).statusCode()).isEqualTo(404);

        // QC reads any unit's facts, never who owns it, where it is or the receipt
        JsonNode inspected = qc.getJson("/api/products/" + elsewhere).get(0);
        assertThat(inspected.path("model").asString()).isEqualTo("KFR-26GW");
        assertThat(inspected.path("purchaseDate").asString()).isEqualTo(LocalDate.now().minusDays(40).toString());
        assertThat(inspected.path("serviceHistory")).isNotEmpty();
        assertThat(inspected.path("customerId").isNull()).isTrue();
        assertThat(inspected.path("installAddress").isNull()).isTrue();
        assertThat(inspected.path("receiptNumber").isNull()).isTrue();
        assertThat(inspected.toString()).doesNotContain(customer, "张江路", "RCPT-");
        // an agent still sees all of it
        assertThat(agent.getJson("/api/products/" + elsewhere).get(0).path("customerId").asString()).isEqualTo(customer);
    }

    private static java.util.List<String> ids(JsonNode page) {
        java.util.List<String> ids = new java.util.ArrayList<>();
        page.path("items").forEach(item -> ids.add(item.path("id").asString()));
        return ids;
    }
}
