package com.aftersales.ticket.knowledge;

import com.aftersales.contracts.EventEnvelope;
import com.aftersales.contracts.dispatch.DispatchEvents;
import com.aftersales.contracts.dispatch.VisitCompleted;
import com.aftersales.testsupport.KafkaTestClient;
import com.aftersales.testsupport.TestIdentity;
import com.aftersales.testsupport.WithRealInfrastructure;
import com.aftersales.ticket.TestApi;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

import java.math.BigDecimal;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The knowledge base on real PostgreSQL with pg_trgm: Chinese and English search, outcomes, proposals from visits. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@WithRealInfrastructure
class KnowledgeBaseIT {

    @LocalServerPort
    int port;
    private TestApi api;
    private String model;

    @BeforeEach
    void setUp() {
        api = new TestApi(port);
        model = "KFR-" + System.nanoTime();
    }

    private String article(String model, String category, String title, String symptoms, String cause, String fix,
                           String language) throws Exception {
        // Supervisors and QC curate the knowledge base; agents read it.
        HttpResponse<String> created = api.as(TestIdentity.SUPERVISOR).post("/api/knowledge-articles", """
                {"model":%s,"category":"%s","title":"%s","symptoms":"%s","cause":"%s","fixSteps":"%s","language":"%s",
                 "status":"PUBLISHED"}""".formatted(model == null ? "null" : "\"" + model + "\"", category, title, symptoms,
                cause, fix, language), Map.of());
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return api.read(created).path("id").asString();
    }

    private JsonNode search(String q, String extra) throws Exception {
        return api.getJson("/api/knowledge-articles/search?q=" + URLEncoder.encode(q, StandardCharsets.UTF_8) + extra);
    }

    @Test
    void aChineseQueryFindsTheChineseArticleAndAnEnglishQueryTheEnglishOne() throws Exception {
        String cooling = article(model, "AIR_CONDITIONER", "空调不制冷，室外机风扇不转",
                "开机后室内机出风不凉，室外机风扇不转，压缩机无声", "室外机启动电容失效", "1. 断电 2. 更换启动电容 3. 试机 15 分钟", "zh-CN");
        String drain = article(null, "WASHING_MACHINE", "洗衣机不排水，显示 Err2", "滚筒内有积水，排水泵不工作",
                "排水泵被异物堵塞", "清理排水泵过滤器", "zh-CN");
        String english = article(null, "WASHING_MACHINE", "Washer does not drain, error E21",
                "Water stays in the drum after the cycle; drain pump hums", "Clogged drain pump filter",
                "Open the service flap, empty and clean the pump filter", "en");

        JsonNode chinese = search("空调不制冷，室外机不转", "&model=" + model);
        assertThat(chinese.get(0).path("article").path("id").asString()).isEqualTo(cooling);
        assertThat(chinese.get(0).path("why").asString()).contains("same model");
        assertThat(chinese.findValuesAsString("id")).doesNotContain(english);

        JsonNode washing = search("洗衣机不排水", "&category=WASHING_MACHINE");
        assertThat(washing.get(0).path("article").path("id").asString()).isEqualTo(drain);

        JsonNode en = search("washing machine does not drain", "&category=WASHING_MACHINE");
        assertThat(en.get(0).path("article").path("id").asString()).isEqualTo(english);
        // The vocabulary's groups (WASHING_MACHINE, no-drain) hold both languages, so the Chinese article may follow;
        // language narrows to one.
        assertThat(search("washing machine does not drain", "&category=WASHING_MACHINE&language=en")
                .findValuesAsString("id")).contains(english).doesNotContain(drain);

        assertThat(search("完全无关的问题 xyzzy", "&category=WASHING_MACHINE")).isEmpty();
        assertThat(api.get("/api/knowledge-articles/search?q=").statusCode()).isEqualTo(400);
        assertThat(api.get("/api/knowledge-articles/search?q=" + "长".repeat(501)).statusCode()).isEqualTo(400);
    }

    @Test
    void suggestionsComeWithANewTicketAndASolvingArticleResolvesItRemotely() throws Exception {
        String fix = article(model, "AIR_CONDITIONER", "遥控器无反应", "遥控器按键无反应，空调不开机", "遥控器电池耗尽",
                "更换两节 7 号电池后重新对码", "zh-CN");
        String customer = api.registerCustomer("吴芳", "131" + String.format("%08d", System.nanoTime() % 100_000_000), "C");
        String serial = "SN-" + System.nanoTime();
        api.registerProduct(customer, serial, model, LocalDate.now().minusMonths(1), true);

        HttpResponse<String> created = api.post("/api/tickets",
                TestApi.ticketBody(customer, serial, model, "PHONE", "遥控器按了没反应，空调开不了机"), Map.of());
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        JsonNode ticket = api.read(created);
        assertThat(ticket.path("suggestedArticles").get(0).path("article").path("id").asString()).isEqualTo(fix);
        String id = ticket.path("id").asString();

        HttpResponse<String> solved = api.post("/api/tickets/" + id + "/knowledge-outcomes",
                "{\"articleId\":\"" + fix + "\",\"solved\":true,\"note\":\"换电池后正常\"}", Map.of());
        assertThat(solved.statusCode()).as(solved.body()).isEqualTo(200);
        assertThat(api.read(solved).path("status").asString()).isEqualTo("RESOLVED_REMOTELY");
        assertThat(api.read(solved).path("timeline").findValuesAsString("kind")).contains("KNOWLEDGE_OUTCOME");
        JsonNode article = api.getJson("/api/knowledge-articles/" + fix);
        assertThat(article.path("solvedCount").asInt()).isEqualTo(1);
        assertThat(article.path("successRate").asDouble()).isEqualTo(1.0);

        HttpResponse<String> again = api.post("/api/tickets/" + id + "/knowledge-outcomes",
                "{\"articleId\":\"" + fix + "\",\"solved\":false}", Map.of());
        assertThat(again.statusCode()).isEqualTo(409);
        assertThat(api.getJson("/api/knowledge-articles/" + fix).path("notSolvedCount").asInt()).isZero();
        assertThat(api.post("/api/tickets/" + id + "/knowledge-outcomes",
                "{\"articleId\":\"" + UUID.randomUUID() + "\",\"solved\":true}", Map.of()).statusCode()).isEqualTo(404);
    }

    @Test
    void aResolvedFieldVisitProposesADraftArticleOnce() throws Exception {
        String customer = api.registerCustomer("郑强", "132" + String.format("%08d", System.nanoTime() % 100_000_000), "B");
        String serial = "SN-" + System.nanoTime();
        api.registerProduct(customer, serial, model, LocalDate.now().minusMonths(1), true);
        HttpResponse<String> created = api.post("/api/tickets",
                TestApi.ticketBody(customer, serial, model, "PHONE", "室内机漏水，滴到地板上"), Map.of());
        UUID ticketId = UUID.fromString(api.read(created).path("id").asString());

        EventEnvelope<VisitCompleted> completed = new EventEnvelope<>(UUID.randomUUID(), URI.create("/aftersales/dispatch-service"),
                DispatchEvents.VISIT_COMPLETED, OffsetDateTime.now(ZoneOffset.UTC), ticketId.toString(), "it-kb",
                new VisitCompleted(UUID.randomUUID(), UUID.randomUUID(), ticketId, UUID.randomUUID(), "COMPLETED",
                        UUID.randomUUID(), 1, "排水管弯折导致冷凝水倒流", "理顺排水管并加装固定卡扣", "LEAKAGE", "W3", "PIPE",
                        true, 40, List.of(), "IN_WARRANTY", BigDecimal.ONE, BigDecimal.ZERO, "CNY", Instant.now()));
        try (KafkaTestClient kafka = KafkaTestClient.onTestBroker()) {
            kafka.publish(completed);
            kafka.publish(new EventEnvelope<>(UUID.randomUUID(), completed.source(), completed.type(), completed.time(),
                    completed.subject(), completed.correlationId(), completed.data()));
        }

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(api.getJson("/api/knowledge-articles?status=DRAFT&limit=100")
                .findValuesAsString("proposedFromTicket")).contains(ticketId.toString()));
        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(
                api.getJson("/api/knowledge-articles?status=DRAFT&limit=100").findValuesAsString("proposedFromTicket").stream()
                        .filter(ticketId.toString()::equals).count()).isEqualTo(1));
        JsonNode draft = null;
        for (JsonNode a : api.getJson("/api/knowledge-articles?status=DRAFT&limit=100")) {
            if (a.path("proposedFromTicket").asString().equals(ticketId.toString())) {
                draft = a;
            }
        }
        assertThat(draft).isNotNull();
        assertThat(draft.path("source").asString()).isEqualTo("FIELD_VISIT");
        assertThat(draft.path("fixSteps").asString()).isEqualTo("理顺排水管并加装固定卡扣");
        assertThat(draft.path("model").asString()).isEqualTo(model);
        assertThat(search("室内机漏水", "&model=" + model).findValuesAsString("id")).as("drafts are not suggested")
                .doesNotContain(draft.path("id").asString());
        assertThat(api.getJson("/api/tickets/" + ticketId).path("status").asString()).isIn("RESOLVED", "OPEN");

        HttpResponse<String> published = api.as(TestIdentity.QC).patch("/api/knowledge-articles/" + draft.path("id").asString(),
                "{\"status\":\"PUBLISHED\"}", Map.of("If-Match", "W/\"0\""));
        assertThat(published.statusCode()).as(published.body()).isEqualTo(200);
        assertThat(search("室内机漏水 滴水", "&model=" + model).findValuesAsString("id")).contains(draft.path("id").asString());
    }

    @Test
    void aVisitThatFixedAKnownFaultDifferentlyProposesARevisionWhichRetiresTheOldArticleWhenPublished() throws Exception {
        TestApi supervisor = api.as(TestIdentity.SUPERVISOR);
        HttpResponse<String> known = supervisor.post("/api/knowledge-articles", """
                {"model":"%s","category":"AIR_CONDITIONER","faultCode":"E4","title":"E4 室外机风扇不转","symptoms":"外机风扇不转，E4 报警",
                 "cause":"风扇电容老化","fixSteps":"更换风扇电容","language":"zh-CN","status":"PUBLISHED"}""".formatted(model), Map.of());
        assertThat(known.statusCode()).as(known.body()).isEqualTo(201);
        String knownId = api.read(known).path("id").asString();

        String customer = api.registerCustomer("冯敏", "133" + String.format("%08d", System.nanoTime() % 100_000_000), "B");
        String serial = "SN-" + System.nanoTime();
        api.registerProduct(customer, serial, model, LocalDate.now().minusMonths(3), true);
        HttpResponse<String> created = api.post("/api/tickets",
                TestApi.ticketBody(customer, serial, model, "PHONE", "外机风扇不转，E4 报警"), Map.of());
        UUID ticketId = UUID.fromString(api.read(created).path("id").asString());
        try (KafkaTestClient kafka = KafkaTestClient.onTestBroker()) {
            kafka.publish(new EventEnvelope<>(UUID.randomUUID(), URI.create("/aftersales/dispatch-service"),
                    DispatchEvents.VISIT_COMPLETED, OffsetDateTime.now(ZoneOffset.UTC), ticketId.toString(), "it-kb",
                    new VisitCompleted(UUID.randomUUID(), UUID.randomUUID(), ticketId, UUID.randomUUID(), "COMPLETED",
                            UUID.randomUUID(), 1, "风扇电容老化，电机轴承卡滞", "更换风扇电容并润滑电机轴承", "AIR_CONDITIONER", "E4",
                            "CAPACITOR", true, 35, List.of(), "IN_WARRANTY", BigDecimal.ONE, BigDecimal.ZERO, "CNY", Instant.now())));
        }

        JsonNode[] revision = new JsonNode[1];
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            for (JsonNode a : api.getJson("/api/knowledge-articles?status=DRAFT&limit=100")) {
                if (a.path("proposedFromTicket").asString().equals(ticketId.toString())) {
                    revision[0] = a;
                }
            }
            assertThat(revision[0]).isNotNull();
        });
        assertThat(revision[0].path("updatesArticle").asString()).as("rule field-visit-revises-article").isEqualTo(knownId);
        assertThat(revision[0].path("fixSteps").asString()).isEqualTo("更换风扇电容并润滑电机轴承");

        HttpResponse<String> published = supervisor.patch("/api/knowledge-articles/" + revision[0].path("id").asString(),
                "{\"status\":\"PUBLISHED\"}", Map.of("If-Match", "W/\"0\""));
        assertThat(published.statusCode()).as(published.body()).isEqualTo(200);
        assertThat(api.getJson("/api/knowledge-articles/" + knownId).path("status").asString()).isEqualTo("RETIRED");
        assertThat(search("外机风扇不转", "&model=" + model).findValuesAsString("id"))
                .contains(revision[0].path("id").asString()).doesNotContain(knownId);
    }
}
