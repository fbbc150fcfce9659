package com.aftersales.ticket.call;

import com.aftersales.testsupport.TestIdentity;
import com.aftersales.testsupport.WithRealInfrastructure;
import com.aftersales.ticket.TestApi;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Calls without a registered unit through the API, on real PostgreSQL. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@WithRealInfrastructure
class CallRecordIT {

    @LocalServerPort
    int port;
    private TestApi api;

    @BeforeEach
    void client() {
        api = new TestApi(port);
    }

    @Test
    void anAnonymousMarketQuestionIsLoggedAndFoundAgain() throws Exception {
        HttpResponse<String> logged = api.post("/api/calls", """
                {"topic":"MARKET_QUESTION","category":"AIR_CONDITIONER","question":"双十一空调有没有优惠？一级能效的挂机多少钱",
                 "answer":"告知活动时间和门店地址","outcome":"ANSWERED"}""", Map.of());

        assertThat(logged.statusCode()).as(logged.body()).isEqualTo(201);
        JsonNode call = api.read(logged);
        assertThat(call.path("customerId").isNull()).isTrue();
        assertThat(call.path("loggedBy").asString()).isEqualTo("agent:test.agent");
        assertThat(logged.headers().firstValue("Location")).contains("/api/calls/" + call.path("id").asString());
        JsonNode read = api.getJson("/api/calls/" + call.path("id").asString());
        assertThat(read.path("question").asString()).isEqualTo("双十一空调有没有优惠？一级能效的挂机多少钱");
        assertThat(api.getJson("/api/calls?topic=MARKET_QUESTION&limit=100").findValuesAsString("id"))
                .contains(call.path("id").asString());
    }

    @Test
    void aPromisedCallBackIsListedUntilItIsMadeOnce() throws Exception {
        String customerId = api.registerCustomer("咨询客户", "139" + String.format("%08d", System.nanoTime() % 100_000_000), "B");
        String due = Instant.now().plus(2, ChronoUnit.HOURS).toString();
        HttpResponse<String> logged = api.post("/api/calls", """
                {"customerId":"%s","topic":"PRODUCT_CONSULTATION","category":"WASHING_MACHINE",
                 "question":"想买个滚筒洗衣机，10公斤的哪款烘干好？","outcome":"CALLBACK_PROMISED","callbackDueAt":"%s"}"""
                .formatted(customerId, due), Map.of());
        assertThat(logged.statusCode()).as(logged.body()).isEqualTo(201);
        String id = api.read(logged).path("id").asString();

        assertThat(api.getJson("/api/calls?callbackOpen=true&limit=100").findValuesAsString("id")).contains(id);
        assertThat(api.getJson("/api/calls?customerId=" + customerId).findValuesAsString("id")).containsExactly(id);

        HttpResponse<String> done = api.post("/api/calls/" + id + "/callback", """
                {"note":"已回电，推荐了两款"}""", Map.of());
        assertThat(done.statusCode()).as(done.body()).isEqualTo(200);
        assertThat(api.read(done).path("callbackDoneBy").asString()).isEqualTo("agent:test.agent");
        assertThat(api.getJson("/api/calls?callbackOpen=true&limit=100").findValuesAsString("id")).doesNotContain(id);
        HttpResponse<String> again = api.post("/api/calls/" + id + "/callback", "{}", Map.of());
        assertThat(again.statusCode()).isEqualTo(409);
    }

    @Test
    void aCallRecordCarriesWhatItsOutcomeNeedsAndNothingIsWrittenOtherwise() throws Exception {
        HttpResponse<String> noDue = api.post("/api/calls", """
                {"callerPhone":"13812345678","topic":"POLICY_QUESTION","question":"七天无理由怎么算？","outcome":"CALLBACK_PROMISED"}""",
                Map.of("Accept-Language", "zh-CN"));
        assertThat(noDue.statusCode()).isEqualTo(400);
        assertThat(api.read(noDue).path("errors").get(0).path("field").asString()).isEqualTo("callbackDueAt");
        assertThat(api.read(noDue).path("errors").get(0).path("message").asString()).contains("回电");

        HttpResponse<String> noNumber = api.post("/api/calls", """
                {"topic":"POLICY_QUESTION","question":"七天无理由怎么算？","outcome":"CALLBACK_PROMISED","callbackDueAt":"%s"}"""
                .formatted(Instant.now().plus(1, ChronoUnit.DAYS)), Map.of());
        assertThat(noNumber.statusCode()).isEqualTo(400);
        assertThat(api.read(noNumber).path("errors").get(0).path("field").asString()).isEqualTo("callerPhone");

        HttpResponse<String> noArticle = api.post("/api/calls", """
                {"topic":"USAGE_QUESTION","question":"遥控器上雪花是什么模式","outcome":"ARTICLE_SHARED"}""", Map.of());
        assertThat(noArticle.statusCode()).isEqualTo(400);
        assertThat(api.read(noArticle).path("errors").get(0).path("field").asString()).isEqualTo("articleId");

        HttpResponse<String> unknownCustomer = api.post("/api/calls", """
                {"customerId":"%s","topic":"OTHER","question":"x","outcome":"ANSWERED"}""".formatted(UUID.randomUUID()), Map.of());
        assertThat(unknownCustomer.statusCode()).isEqualTo(404);

        HttpResponse<String> badPhone = api.post("/api/calls", """
                {"callerPhone":"12","topic":"OTHER","question":"x","outcome":"ANSWERED"}""", Map.of());
        assertThat(badPhone.statusCode()).isEqualTo(400);
        assertThat(api.getJson("/api/calls?phone=13812345678&limit=100").size()).isZero();
    }

    @Test
    void aStoreClerkAndATechnicianCannotReadTheCallCentresCalls() throws Exception {
        assertThat(api.as(TestIdentity.STORE).get("/api/calls").statusCode()).isEqualTo(403);
        assertThat(api.as(TestIdentity.TECHNICIAN).post("/api/calls", """
                {"topic":"OTHER","question":"x","outcome":"ANSWERED"}""", Map.of()).statusCode()).isEqualTo(403);
    }
}
