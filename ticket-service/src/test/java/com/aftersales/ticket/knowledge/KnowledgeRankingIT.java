package com.aftersales.ticket.knowledge;

import com.aftersales.testsupport.TestIdentity;
import com.aftersales.testsupport.WithRealInfrastructure;
import com.aftersales.ticket.TestApi;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.transaction.PlatformTransactionManager;
import tools.jackson.databind.JsonNode;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Ranking rules of the knowledge search on real PostgreSQL through the API: model families, outcomes, the editable
 * vocabulary, the shown articles of a ticket, the repeat-call rule at intake.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@WithRealInfrastructure
class KnowledgeRankingIT {

    @LocalServerPort
    int port;
    private TestApi api;
    private String family;

    @BeforeEach
    void setUp() {
        api = new TestApi(port);
        family = "KR" + System.nanoTime() % 1_000_000_000 + "-35GW";
    }

    private String article(String model, String category, String title, String symptoms) throws Exception {
        HttpResponse<String> created = api.as(TestIdentity.SUPERVISOR).post("/api/knowledge-articles", """
                {"model":%s,"category":"%s","title":"%s","symptoms":"%s","fixSteps":"按步骤处理","language":"zh-CN",
                 "status":"PUBLISHED"}""".formatted(model == null ? "null" : "\"" + model + "\"", category, title, symptoms),
                Map.of());
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return api.read(created).path("id").asString();
    }

    private List<String> ids(JsonNode hits) {
        return hits.findValuesAsString("id").stream().filter(id -> id.length() == 36).toList();
    }

    private JsonNode search(String q, String extra) throws Exception {
        return api.getJson("/api/knowledge-articles/search?q=" + URLEncoder.encode(q, StandardCharsets.UTF_8) + extra);
    }

    @Test
    void theUnitsFamilyRanksAboveOtherModelsAndTheWholeCategoryWithoutFilteringThem() throws Exception {
        String marker = "蜂窝" + System.nanoTime();
        String other = article("ZZ" + System.nanoTime() + "-72LW", "AIR_CONDITIONER", marker + " 外机风扇不转", "外机风扇不转");
        String category = article(null, "AIR_CONDITIONER", marker + " 外机风扇不转", "外机风扇不转");
        String familyArticle = article(family, "AIR_CONDITIONER", marker + " 外机风扇不转", "外机风扇不转");

        JsonNode hits = search(marker + " 外机风扇不转", "&model=" + family + "/BpR3&category=AIR_CONDITIONER&limit=20");
        List<String> order = ids(hits).stream().filter(List.of(other, category, familyArticle)::contains).toList();
        assertThat(order).containsExactly(familyArticle, category, other);
        JsonNode first = hits.get(0);
        assertThat(first.path("ranking").path("modelMatch").asString()).isEqualTo("FAMILY");
        assertThat(first.path("why").asString()).contains("model family " + family).contains("model-family-prefix");

        JsonNode zh = api.read(api.get("/api/knowledge-articles/search?q=" + URLEncoder.encode(marker + " 外机风扇不转",
                StandardCharsets.UTF_8) + "&model=" + family + "/BpR3", Map.of("Accept-Language", "zh-CN")));
        assertThat(zh.get(0).path("why").asString()).contains("型号系列").doesNotContain("relevance");
    }

    @Test
    void solvedOutcomesLiftAnArticleAboveItsTwinAndUnsolvedOnesLowerIt() throws Exception {
        String marker = "琥珀" + System.nanoTime();
        String model = family + "/X1";
        String helps = article(null, "AIR_CONDITIONER", marker + " 遥控器没反应", "遥控器按键没反应");
        String fails = article(null, "AIR_CONDITIONER", marker + " 遥控器没反应", "遥控器按键没反应");
        String customer = api.registerCustomer("陈晨", "135" + String.format("%08d", System.nanoTime() % 100_000_000), "B");
        for (int i = 0; i < 3; i++) {
            String serial = "SN-R-" + System.nanoTime();
            api.registerProduct(customer, serial, model, LocalDate.now().minusMonths(1), true);
            String ticket = api.openTicket(customer, serial, model, "PHONE", marker + " 遥控器没反应");
            assertThat(api.post("/api/tickets/" + ticket + "/knowledge-outcomes", "{\"articleId\":\"" + fails
                    + "\",\"solved\":false}", Map.of()).statusCode()).isEqualTo(200);
            assertThat(api.post("/api/tickets/" + ticket + "/knowledge-outcomes", "{\"articleId\":\"" + helps
                    + "\",\"solved\":true}", Map.of()).statusCode()).isEqualTo(200);
        }
        JsonNode hits = search(marker + " 遥控器没反应", "&limit=20");
        List<String> order = ids(hits).stream().filter(List.of(helps, fails)::contains).toList();
        assertThat(order).containsExactly(helps, fails);
        assertThat(hits.get(0).path("why").asString()).contains("solved 3 of 3").contains("outcome-success-rate");
        assertThat(hits.get(0).path("ranking").path("outcomeFactor").asDouble()).isGreaterThan(1);
    }

    @Test
    void anAdminTeachesTheVocabularyANewWordAndEveryInstancesIndexFollows() throws Exception {
        String word = "嘎吱" + System.nanoTime() % 100_000;
        String slang = "咕噜" + System.nanoTime() % 100_000;
        String target = article(null, "REFRIGERATOR", "冰箱门" + word, "冰箱门" + word + "，关不严");
        assertThat(ids(search(slang, "&category=REFRIGERATOR"))).doesNotContain(target);

        TestApi admin = api.as(TestIdentity.ADMIN);
        String group = "it-" + System.nanoTime();
        HttpResponse<String> put = admin.put("/api/knowledge-vocabulary/" + group,
                "{\"terms\":[\"" + word + "\",\"" + slang + "\"]}", Map.of());
        assertThat(put.statusCode()).as(put.body()).isEqualTo(200);
        JsonNode taught = search(slang, "&category=REFRIGERATOR");
        assertThat(ids(taught)).contains(target);
        assertThat(taught.get(0).path("why").asString()).contains(group);
        assertThat(admin.getJson("/api/knowledge-vocabulary").findValuesAsString("name")).contains(group, "cooling-weak");

        assertThat(admin.put("/api/knowledge-vocabulary/" + group, "{\"terms\":[\"x\"]}", Map.of("If-Match", "W/\"7\""))
                .statusCode()).isEqualTo(409);
        assertThat(admin.put("/api/knowledge-vocabulary/bad%20name", "{\"terms\":[\"x\"]}", Map.of()).statusCode()).isEqualTo(400);
        assertThat(admin.put("/api/knowledge-vocabulary/" + group, "{\"terms\":[]}", Map.of()).statusCode()).isEqualTo(400);
        assertThat(api.put("/api/knowledge-vocabulary/" + group, "{\"terms\":[\"x\"]}", Map.of()).statusCode())
                .as("agents read the knowledge base, they do not edit its vocabulary").isEqualTo(403);
        assertThat(admin.delete("/api/knowledge-vocabulary/" + group).statusCode()).isEqualTo(204);
        assertThat(admin.delete("/api/knowledge-vocabulary/" + group).statusCode()).isEqualTo(404);
        assertThat(ids(search(slang, "&category=REFRIGERATOR"))).doesNotContain(target);
    }

    @Test
    void anotherInstancesIndexFollowsChangesMadeHereByPollingTheRevision() throws Exception {
        // A second instance: its own index and poller on the same database.
        KnowledgeIndex elsewhere = new KnowledgeIndex();
        KnowledgeIndexSync sync = new KnowledgeIndexSync(elsewhere, articles, vocabulary, transactions);
        sync.refresh();
        String marker = "玛瑙" + System.nanoTime();
        KnowledgeIndex.Weights weights = properties.fieldWeights().weights();
        assertThat(elsewhere.search(marker + " 漏水", null, null, weights, 0.08, 50, 5, (a, r) -> r)).isEmpty();

        String id = article(null, "WATER_HEATER", marker + " 热水器漏水", "热水器下面滴水");
        sync.poll();
        assertThat(elsewhere.search(marker + " 漏水", null, null, weights, 0.08, 50, 5, (a, r) -> r))
                .extracting(h -> h.article().id().toString()).containsExactly(id);

        HttpResponse<String> retired = api.as(TestIdentity.SUPERVISOR).patch("/api/knowledge-articles/" + id,
                "{\"status\":\"RETIRED\"}", Map.of());
        assertThat(retired.statusCode()).as(retired.body()).isEqualTo(200);
        sync.poll();
        assertThat(elsewhere.search(marker + " 漏水", null, null, weights, 0.08, 50, 5, (a, r) -> r)).isEmpty();
        elsewhere.close();
    }

    @Autowired
    KnowledgeRepository articles;
    @Autowired
    VocabularyRepository vocabulary;
    @Autowired
    PlatformTransactionManager transactions;
    @Autowired
    KnowledgeProperties properties;

    @Test
    void aRepeatCallIsLinkedToTheOpenTicketOnTheUnitUnlessTheCallerSaysItIsANewIssue() throws Exception {
        String marker = "翡翠" + System.nanoTime();
        String fix = article(family, "AIR_CONDITIONER", marker + " 室内机漏水", "室内机往下滴水");
        String customer = api.registerCustomer("林静", "136" + String.format("%08d", System.nanoTime() % 100_000_000), "B");
        String serial = "SN-RC-" + System.nanoTime();
        String model = family + "/BpR3";
        api.registerProduct(customer, serial, model, LocalDate.now().minusMonths(2), true);
        String first = api.openTicket(customer, serial, model, "PHONE", marker + " 空调挂机滴水");

        JsonNode opened = api.getJson("/api/tickets/" + first);
        assertThat(opened.path("shownArticles").findValuesAsString("articleId")).contains(fix);
        assertThat(opened.path("shownArticles").get(0).path("rank").asInt()).isEqualTo(1);

        HttpResponse<String> again = api.post("/api/tickets", TestApi.ticketBody(customer, serial, model, "PHONE",
                "又来电了，还是漏水"), Map.of());
        assertThat(again.statusCode()).as(again.body()).isEqualTo(200);
        JsonNode linked = api.read(again);
        assertThat(linked.path("id").asString()).isEqualTo(first);
        assertThat(again.headers().firstValue("Location")).hasValue("/api/tickets/" + first);
        assertThat(linked.path("repeatCall").path("rule").asString()).isEqualTo("repeat-call-links-open-ticket");
        assertThat(linked.path("repeatCall").path("reason").asString()).contains("newIssue");
        assertThat(api.getJson("/api/tickets/" + first + "/timeline").findValuesAsString("reason"))
                .anyMatch(r -> r.contains("又来电了，还是漏水"));
        HttpResponse<String> inChinese = api.post("/api/tickets", TestApi.ticketBody(customer, serial, model, "PHONE",
                "第三次打电话了"), Map.of("Accept-Language", "zh-CN"));
        assertThat(inChinese.statusCode()).isEqualTo(200);
        assertThat(api.read(inChinese).path("repeatCall").path("reason").asString()).contains("未结工单", first)
                .doesNotContain("already");

        String body = TestApi.ticketBody(customer, serial, model, "PHONE", "另一个问题：遥控器坏了");
        HttpResponse<String> newIssue = api.post("/api/tickets", body.substring(0, body.lastIndexOf('}')) + ",\"newIssue\":true}",
                Map.of());
        assertThat(newIssue.statusCode()).as(newIssue.body()).isEqualTo(201);
        assertThat(api.read(newIssue).path("id").asString()).isNotEqualTo(first);
        assertThat(api.read(newIssue).path("repeatCall").isNull()).isTrue();
    }
}
