package com.aftersales.feedback.report;

import com.aftersales.contracts.EventEnvelope;
import com.aftersales.contracts.dispatch.DispatchEvents;
import com.aftersales.contracts.dispatch.VisitCompleted;
import com.aftersales.contracts.ticket.TicketEvents;
import com.aftersales.contracts.ticket.TicketOpened;
import com.aftersales.feedback.support.Http;
import com.aftersales.testsupport.KafkaTestClient;
import com.aftersales.testsupport.WithRealInfrastructure;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static com.aftersales.feedback.support.Events.event;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The monthly report from events, as JSON and as an HTML page with charts. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@WithRealInfrastructure
class MonthlyReportIT {

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;

    @Test
    void reportsTheMonthWithKpisTrendsTopFaultsCostsAndActions() {
        Instant august = Instant.parse("2026-08-10T02:00:00Z");
        List<EventEnvelope<?>> events = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            UUID ticket = UUID.randomUUID();
            events.add(event("ticket-service", TicketEvents.TICKET_OPENED, ticket, new TicketOpened(ticket, UUID.randomUUID(),
                    "SN-R-" + i, "RPT-MODEL", "REPAIR", "PHONE", "NORMAL", "COOLING", "不制冷 <script>", august)));
            events.add(event("dispatch-service", DispatchEvents.VISIT_COMPLETED, ticket, new VisitCompleted(UUID.randomUUID(),
                    UUID.randomUUID(), ticket, UUID.randomUUID(), "COMPLETED", UUID.randomUUID(), 1, "c", "f", "COOLING",
                    i < 2 ? "E-COMPRESSOR" : "E-SENSOR", "F1", i == 0, 30, List.of(), "IN_WARRANTY",
                    new BigDecimal("90.00"), BigDecimal.ZERO, "CNY", august.plusSeconds(7200))));
        }
        try (KafkaTestClient kafka = KafkaTestClient.onTestBroker()) {
            events.forEach(kafka::publish);
        }
        await().atMost(Duration.ofSeconds(60)).until(() -> jdbc.sql(
                "select count(*) from processed_event where event_id in (:ids) and consumer in ('feedback-service.kpi', 'feedback-service.quality')")
                .param("ids", events.stream().map(EventEnvelope::id).toList()).query(Long.class).single() == 2L * events.size());

        Http http = new Http(port);
        Http.Response json = http.get("/api/reports/monthly?month=2026-08");
        assertThat(json.status()).isEqualTo(200);
        JsonNode report = json.body();
        assertThat(report.path("counts").path("tickets").asLong()).isEqualTo(3);
        assertThat(report.path("kpis").path("firstTimeFixRate").asDouble()).isEqualTo(1.0 / 3);
        assertThat(report.path("trend")).hasSize(6);
        assertThat(report.path("trend").get(5).path("month").asString()).isEqualTo("2026-08");
        assertThat(report.path("topFaults").get(0).path("faultCode").asString()).isEqualTo("E-COMPRESSOR");
        assertThat(report.path("topFaults").get(0).path("tickets").asLong()).isEqualTo(2);
        assertThat(report.path("costs").path("total").decimalValue()).isEqualByComparingTo("270.00");
        assertThat(report.path("costs").path("perTicket").asDouble()).isEqualTo(90.0);
        assertThat(report.path("actions").valueStream().map(a -> a.path("rule").asString()).toList()).contains("RPT-FTF");

        Http.Response html = http.get("/api/reports/monthly?month=2026-08&format=html");
        assertThat(html.status()).isEqualTo(200);
        assertThat(html.response().headers().firstValue("Content-Type").orElseThrow()).startsWith("text/html");
        assertThat(html.raw()).contains("<svg").contains("E-COMPRESSOR").contains("RPT-FTF").doesNotContain("<script>");

        // the same report for a Chinese reader: every heading, KPI name, finding and action in Chinese
        Http.Response chinese = http.get("/api/reports/monthly?month=2026-08&format=html", "zh-CN");
        assertThat(chinese.response().headers().firstValue("Content-Language")).contains("zh-CN");
        String page = chinese.raw().replaceAll("(?s)<style>.*?</style>", " ").replaceAll("<[^>]*>", " ");
        assertThat(page).contains("2026-08 月度服务报告", "一次修复率", "改进措施", "E-COMPRESSOR", "RPT-FTF");
        assertThat(com.aftersales.testsupport.ChineseText.englishSentences(page)).isEmpty();
        JsonNode chineseJson = http.get("/api/reports/monthly?month=2026-08", "zh-CN").body();
        assertThat(chineseJson.path("language").asString()).isEqualTo("zh-CN");
        chineseJson.path("actions").forEach(action -> {
            for (String text : new String[] {action.path("finding").asString(), action.path("action").asString()}) {
                assertThat(com.aftersales.testsupport.ChineseText.hasChinese(text)).as(text).isTrue();
                assertThat(com.aftersales.testsupport.ChineseText.englishSentences(text)).as(text).isEmpty();
            }
        });
        assertThat(report.path("actions").get(0).path("finding").asString()).contains("is below the target");

        // The end-of-day report of the same day: the day's figures beside the days before it.
        JsonNode daily = http.get("/api/reports/daily?date=2026-08-10").body();
        assertThat(daily.path("counts").path("tickets").asLong()).isEqualTo(3);
        assertThat(daily.path("trend")).hasSize(7);
        assertThat(daily.path("trend").get(6).path("date").asString()).isEqualTo("2026-08-10");
        assertThat(daily.path("trend").get(6).path("tickets").asLong()).isEqualTo(3);
        assertThat(daily.path("trend").get(5).path("tickets").asLong()).isZero();
        assertThat(daily.path("topFaults").get(0).path("faultCode").asString()).isEqualTo("E-COMPRESSOR");
        assertThat(daily.path("actions").valueStream().map(a -> a.path("rule").asString()).toList()).contains("RPT-FTF");
        Http.Response dailyChinese = http.get("/api/reports/daily?date=2026-08-10&format=html", "zh-CN");
        String dailyPage = dailyChinese.raw().replaceAll("(?s)<style>.*?</style>", " ").replaceAll("<[^>]*>", " ");
        assertThat(dailyPage).contains("2026-08-10 服务日报", "近几日", "一次修复率", "RPT-FTF").doesNotContain("<script>");
        assertThat(com.aftersales.testsupport.ChineseText.englishSentences(dailyPage)).isEmpty();
        assertThat(http.get("/api/reports/daily?date=2026-08-10&format=html").raw()).contains("End-of-day service report 2026-08-10");
        assertThat(http.get("/api/reports/daily?date=2026-02-30").status()).isEqualTo(400);
        assertThat(http.get("/api/reports/daily").status()).as("today in the KPI zone").isEqualTo(200);

        assertThat(http.get("/api/reports/monthly?month=2026-13").status()).isEqualTo(400);
        assertThat(http.get("/api/reports/monthly?month=2026-08&format=pdf").status()).isEqualTo(400);
        assertThat(http.get("/api/reports/monthly").status()).isEqualTo(400);
    }

    @Test
    void theOpenApiDocumentListsEveryEndpoint() {
        Http.Response docs = new Http(port).get("/v3/api-docs");
        assertThat(docs.status()).isEqualTo(200);
        assertThat(docs.body().path("paths").propertyNames()).contains("/api/surveys/{id}/responses", "/api/surveys/outbox",
                "/api/complaints", "/api/complaints/{id}/steps", "/api/follow-ups/due", "/api/follow-ups/contacts", "/api/kpis",
                "/api/kpis/rebuilds", "/api/reports/monthly", "/api/reports/daily", "/api/quality-alerts/{id}/units-at-risk",
                "/api/quality-alerts/scans");
    }
}
