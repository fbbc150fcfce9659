package com.aftersales.returns.policy;

import com.aftersales.contracts.product.ProductFacts;
import com.aftersales.returns.support.ApiClient;
import com.aftersales.returns.support.ProductEvents;
import com.aftersales.testsupport.KafkaTestClient;
import com.aftersales.testsupport.WithRealInfrastructure;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The evaluate endpoint on real PostgreSQL and Kafka. ticket-service never runs here: the product facts
 * come only from events in the local replica, which is how the service keeps deciding while it is down.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@WithRealInfrastructure
class PolicyEvaluationIT {

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    ApiClient api;

    @BeforeEach
    void client() {
        api = new ApiClient(port);
    }

    @Test
    void decidesFromTheReplicatedProductFactsAndExplainsWhy() {
        String serial = "SN-P-" + System.nanoTime();
        ProductEvents.register(jdbc, ProductEvents.facts(serial, "AIR_CONDITIONER", LocalDate.of(2026, 3, 1), "REGULAR"));
        long outboxBefore = jdbc.sql("select count(*) from outbox_event").query(Long.class).single();

        ApiClient.Response response = api.post("/api/returns/policy/evaluate", """
                {"serialNumber":"%s","requestDate":"2026-03-17","qualityFaultClaimed":true}""".formatted(serial));

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.body().path("remedy").asString()).isEqualTo("EXCHANGE");
        assertThat(response.body().path("decidingRule").asString()).isEqualTo("QUALITY_FAULT_EXCHANGE_WINDOW");
        assertThat(response.body().path("policyVersion").asString()).isEqualTo("AIR_CONDITIONER@2026.1");
        assertThat(response.body().path("daysSincePurchase").asInt()).isEqualTo(16);
        assertThat(response.body().path("serialNumber").asString()).isEqualTo(serial);
        assertThat(response.body().path("windows").findValuesAsString("lastDay")).contains("2026-03-16", "2026-03-31", "2027-03-01");
        assertThat(response.body().path("rules").findValuesAsString("rule")).contains("QUALITY_FAULT_EXCHANGE_WINDOW", "FREIGHT_QUALITY_FAULT");
        assertThat(response.body().path("freight").path("payer").asString()).isEqualTo("COMPANY");
        // side-effect free: nothing stored, nothing published
        assertThat(jdbc.sql("select count(*) from outbox_event").query(Long.class).single()).isEqualTo(outboxBefore);
    }

    @Test
    void anUpdatedProductIsDecidedOnItsNewFactsAndAnOlderUpdateDoesNotWinOverANewerOne() {
        String serial = "SN-U-" + System.nanoTime();
        ProductFacts regular = ProductEvents.facts(serial, "KETTLE", LocalDate.of(2026, 3, 1), "REGULAR");
        ProductEvents.register(jdbc, regular);
        ProductFacts special = new ProductFacts(regular.productId(), regular.customerId(), serial, regular.model(), "KETTLE",
                null, regular.purchaseDate(), "SH-001", null, "SPECIAL_PRICE", false, true, true, null, null, null);
        Instant now = Instant.now();
        try (KafkaTestClient kafka = KafkaTestClient.onTestBroker()) {
            kafka.publish(ProductEvents.updated(special, List.of("priceType"), now.plusSeconds(60)));
            kafka.publish(ProductEvents.updated(regular, List.of("priceType"), now.minusSeconds(3600)));
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> "SPECIAL_PRICE".equals(jdbc.sql(
                "select price_type from product_replica where product_id = :id").param("id", regular.productId()).query(String.class).single()));
        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(5)).until(() -> jdbc.sql(
                "select count(*) from processed_event where event_type = 'aftersales.product.updated.v1'").query(Long.class).single() >= 2);

        ApiClient.Response response = api.post("/api/returns/policy/evaluate", """
                {"serialNumber":"%s","requestDate":"2026-03-03","qualityFaultClaimed":false}""".formatted(serial));

        assertThat(response.body().path("remedy").asString()).isEqualTo("REJECTED");
        assertThat(response.body().path("rules").findValuesAsString("rule")).contains("EXCLUSION_SPECIAL_PRICE_OR_GIFT");
    }

    @Test
    void theSharedWarrantyDecidesFreeRepairFromTheInstallationDateAndAnAliasIsReplicatedAsItsCode() {
        String phoneSerial = "IMEI-" + System.nanoTime();
        ProductFacts phone = ProductEvents.facts(phoneSerial, "PHONE", LocalDate.of(2025, 12, 1), "REGULAR");
        ProductEvents.register(jdbc, phone);
        assertThat(jdbc.sql("select category from product_replica where product_id = :id").param("id", phone.productId())
                .query(String.class).single()).isEqualTo("MOBILE_PHONE");
        ApiClient.Response anniversary = api.post("/api/returns/policy/evaluate", """
                {"serialNumber":"%s","requestDate":"2026-12-01","qualityFaultClaimed":true}""".formatted(phoneSerial));
        assertThat(anniversary.body().path("remedy").asString()).isEqualTo("FREE_REPAIR");
        assertThat(anniversary.body().path("windows").findValuesAsString("length"))
                .anySatisfy(length -> assertThat(length).contains("MOBILE_PHONE warranty terms"));

        String acSerial = "SN-I-" + System.nanoTime();
        ProductFacts base = ProductEvents.facts(acSerial, "AIR_CONDITIONER", LocalDate.of(2025, 11, 1), "REGULAR");
        ProductEvents.register(jdbc, new ProductFacts(base.productId(), base.customerId(), acSerial, base.model(),
                base.category(), base.batchNumber(), base.purchaseDate(), base.storeCode(), base.receiptNumber(),
                base.priceType(), false, true, true, base.installRegionCode(), null, null, LocalDate.of(2025, 11, 20)));
        ApiClient.Response installed = api.post("/api/returns/policy/evaluate", """
                {"serialNumber":"%s","requestDate":"2026-11-20","qualityFaultClaimed":true}""".formatted(acSerial));
        ApiClient.Response dayAfter = api.post("/api/returns/policy/evaluate", """
                {"serialNumber":"%s","requestDate":"2026-11-21","qualityFaultClaimed":true}""".formatted(acSerial));
        assertThat(installed.body().path("remedy").asString()).isEqualTo("FREE_REPAIR");
        assertThat(dayAfter.body().path("remedy").asString()).isEqualTo("PAID_REPAIR");
        assertThat(dayAfter.body().path("decidingRule").asString()).isEqualTo("PAID_REPAIR_AFTER_WARRANTY");

        ApiClient.Response notOurs = api.post("/api/returns/policy/evaluate", """
                {"product":{"category":"kettle","purchaseDate":"2026-03-01","priceType":"REGULAR","soldByUs":false},
                 "requestDate":"2026-03-06","qualityFaultClaimed":false}""");
        assertThat(notOurs.body().path("decidingRule").asString()).isEqualTo("EXCLUSION_NOT_SOLD_BY_US");
        assertThat(notOurs.body().path("explanation").asString()).startsWith("REJECTED by EXCLUSION_NOT_SOLD_BY_US")
                .contains("2026-03-01", "2026-03-06", "2026-03-08");
    }

    @Test
    void factsInTheRequestAreEnoughAndAReturnAfterTheLastWindowIsARejectedDecisionNotAnError() {
        ApiClient.Response response = api.post("/api/returns/policy/evaluate", """
                {"product":{"category":"KETTLE","purchaseDate":"2025-11-30","priceType":"REGULAR"},
                 "requestDate":"2026-01-10","qualityFaultClaimed":false}""");

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.body().path("remedy").asString()).isEqualTo("REJECTED");
        assertThat(response.body().path("decidingRule").asString()).isEqualTo("NO_REASON_WINDOW_PASSED");
        assertThat(response.body().path("explanation").asString()).contains("2025-11-30", "2026-01-10");
    }

    @Test
    void theOpenApiDocumentDescribesEveryEndpoint() {
        ApiClient.Response docs = api.get("/v3/api-docs");

        assertThat(docs.status()).isEqualTo(200);
        assertThat(docs.body().path("paths").propertyNames()).contains("/api/returns/policy/evaluate", "/api/returns",
                "/api/returns/{id}/inspection", "/api/returns/stats", "/api/depots", "/api/depot-repairs/{id}/status");
    }

    @Test
    void mistakesAreProblemsNeverServerErrors() {
        ApiClient.Response unknown = api.post("/api/returns/policy/evaluate", """
                {"serialNumber":"NO-SUCH-SERIAL","qualityFaultClaimed":true}""");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.body().path("type").asString()).isEqualTo("urn:aftersales:problem:not-found");

        ApiClient.Response neither = api.post("/api/returns/policy/evaluate", """
                {"qualityFaultClaimed":true}""");
        assertThat(neither.status()).isEqualTo(400);
        assertThat(neither.body().path("errors").findValuesAsString("field")).contains("serialNumberOrProduct");

        ApiClient.Response beforePurchase = api.post("/api/returns/policy/evaluate", """
                {"product":{"category":"KETTLE","purchaseDate":"2026-03-02","priceType":"REGULAR"},
                 "requestDate":"2026-03-01","qualityFaultClaimed":true}""");
        assertThat(beforePurchase.status()).isEqualTo(400);
        assertThat(beforePurchase.body().path("errors").get(0).path("field").asString()).isEqualTo("requestDate");

        ApiClient.Response badEnum = api.post("/api/returns/policy/evaluate", """
                {"product":{"category":"KETTLE","purchaseDate":"2026-03-02","priceType":"CHEAP"},"qualityFaultClaimed":true}""");
        assertThat(badEnum.status()).isEqualTo(400);
        assertThat(badEnum.body().path("errors").get(0).path("message").asString()).contains("GIFT");

        ApiClient.Response badDate = api.post("/api/returns/policy/evaluate", """
                {"product":{"category":"KETTLE","purchaseDate":"2026-02-30","priceType":"REGULAR"},"qualityFaultClaimed":true}""");
        assertThat(badDate.status()).isEqualTo(400);

        ApiClient.Response missingFault = api.post("/api/returns/policy/evaluate", """
                {"product":{"category":"KETTLE","purchaseDate":"2026-02-03","priceType":"REGULAR"}}""");
        assertThat(missingFault.status()).isEqualTo(400);
        assertThat(missingFault.body().path("errors").findValuesAsString("field")).contains("qualityFaultClaimed");
    }

    @Test
    void aClerkReadsTheDecisionAndItsRulesInChinese() {
        ApiClient.Response response = api.post("/api/returns/policy/evaluate", """
                {"product":{"category":"KETTLE","purchaseDate":"2026-01-01","priceType":"REGULAR"},
                 "requestDate":"2026-01-10","qualityFaultClaimed":true}""", java.util.Map.of("Accept-Language", "zh-CN"));

        assertThat(response.status()).isEqualTo(200);
        String explanation = response.body().path("explanation").asString();
        assertThat(explanation).contains("依据规则", "2026-01-01", "2026-01-10");
        assertThat(com.aftersales.testsupport.ChineseText.englishSentences(explanation)).as(explanation).isEmpty();
        assertThat(response.body().path("rules")).isNotEmpty();
        response.body().path("rules").forEach(rule -> {
            String description = rule.path("description").asString();
            assertThat(com.aftersales.testsupport.ChineseText.hasChinese(description)).as(description).isTrue();
            assertThat(com.aftersales.testsupport.ChineseText.englishSentences(description)).as(description).isEmpty();
        });
        ApiClient.Response english = api.post("/api/returns/policy/evaluate", """
                {"product":{"category":"KETTLE","purchaseDate":"2026-01-01","priceType":"REGULAR"},
                 "requestDate":"2026-01-10","qualityFaultClaimed":true}""");
        assertThat(english.body().path("explanation").asString()).doesNotContain("依据规则");
    }
}
