package com.aftersales.ticket.customer;

import com.aftersales.contracts.EventEnvelope;
import com.aftersales.contracts.Topics;
import com.aftersales.contracts.customer.CustomerRegistered;
import com.aftersales.contracts.customer.CustomerUpdated;
import com.aftersales.contracts.product.ProductRegistered;
import com.aftersales.contracts.product.ProductUpdated;
import com.aftersales.contracts.ticket.TicketEvents;
import com.aftersales.testsupport.WithRealInfrastructure;
import com.aftersales.ticket.TestApi;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Customers and registered products through the API, with their events, on real PostgreSQL and Kafka. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@WithRealInfrastructure
class CustomerProductApiIT {

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    private TestApi api;

    @BeforeEach
    void client() {
        api = new TestApi(port);
    }

    private static String uniquePhone() {
        return "137" + String.format("%08d", System.nanoTime() % 100_000_000);
    }

    @Test
    void namesRoundTripExactlyPhonesAreNormalisedAndTheRegistrationIsPublished() throws Exception {
        String phone = uniquePhone();
        String name = "欧阳娜娜 Nana O'Yang <b>";
        HttpResponse<String> created = api.post("/api/customers", """
                {"name":"%s","phones":["%s-%s-%s","021-6213 4567"],"tier":"A","preferredLanguage":"en",
                 "email":"nana@example.com","wechatOpenId":"oWx_Nana-1",
                 "addresses":[{"line":"上海市静安区共和新路 1500 弄 12 号 301 室","regionCode":"310106","latitude":31.27,"longitude":121.45}]}"""
                .formatted(name, phone.substring(0, 3), phone.substring(3, 7), phone.substring(7)), Map.of());

        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        JsonNode customer = api.read(created);
        String id = customer.path("id").asString();
        assertThat(created.headers().firstValue("Location")).contains("/api/customers/" + id);
        assertThat(customer.path("name").asString()).isEqualTo(name);
        assertThat(customer.path("phones").get(0).asString()).isEqualTo("+86" + phone);
        assertThat(customer.path("phones").get(1).asString()).isEqualTo("+862162134567");
        assertThat(customer.path("contactConsent").asBoolean()).isFalse();
        assertThat(api.getJson("/api/customers/" + id).path("name").asString()).isEqualTo(name);

        EventEnvelope<?> event = TestApi.awaitEvent(Topics.TICKETS, id, TicketEvents.CUSTOMER_REGISTERED.type());
        CustomerRegistered registered = event.dataAs(TicketEvents.CUSTOMER_REGISTERED);
        assertThat(registered.name()).isEqualTo(name);
        assertThat(registered.tier()).isEqualTo("A");
        assertThat(registered.primaryPhone()).isEqualTo("+86" + phone);
        assertThat(registered.regionCode()).isEqualTo("310106");
        assertThat(registered.email()).isEqualTo("nana@example.com");
        assertThat(registered.wechatOpenId()).isEqualTo("oWx_Nana-1");
        assertThat(customer.path("email").asString()).isEqualTo("nana@example.com");

        assertThat(api.getJson("/api/customers?phone=" + phone)).singleElement()
                .satisfies(found -> assertThat(found.path("id").asString()).isEqualTo(id));
        assertThat(api.getJson("/api/customers?name=" + java.net.URLEncoder.encode("nana o'yang", java.nio.charset.StandardCharsets.UTF_8)))
                .anySatisfy(found -> assertThat(found.path("id").asString()).isEqualTo(id));
    }

    @Test
    void invalidCustomersAre400WithFieldErrorsAndWriteNothing() throws Exception {
        long before = jdbc.sql("select count(*) from customer").query(Long.class).single();

        HttpResponse<String> invalid = api.post("/api/customers", """
                {"name":"%s","phones":["12345"],"tier":"D","addresses":[{"line":"x","latitude":31.2}]}"""
                .formatted("名".repeat(201)), Map.of());
        assertThat(invalid.statusCode()).isEqualTo(400);
        assertThat(api.read(invalid).path("errors").findValuesAsString("field")).contains("tier");

        HttpResponse<String> badPhone = api.post("/api/customers", """
                {"name":"李雷","phones":["12345"],"tier":"C","addresses":[{"line":"x","latitude":31.2}],
                 "email":"not-an-address","wechatOpenId":"o x"}""", Map.of());
        assertThat(badPhone.statusCode()).isEqualTo(400);
        assertThat(api.read(badPhone).path("errors").findValuesAsString("field"))
                .contains("phones[0]", "addresses[0].coordinatesPaired", "email", "wechatOpenId");

        HttpResponse<String> tooLong = api.post("/api/customers", """
                {"name":"%s","phones":["13812345678"],"tier":"C"}""".formatted("名".repeat(201)), Map.of());
        assertThat(tooLong.statusCode()).isEqualTo(400);
        assertThat(api.read(tooLong).path("errors").findValuesAsString("field")).contains("name");

        assertThat(api.get("/api/customers/" + java.util.UUID.randomUUID()).statusCode()).isEqualTo(404);
        assertThat(jdbc.sql("select count(*) from customer").query(Long.class).single()).isEqualTo(before);
    }

    @Test
    void aStaleIfMatchIsRefusedSoTwoAgentsDoNotOverwriteEachOther() throws Exception {
        String id = api.registerCustomer("张伟", uniquePhone(), "C");
        HttpResponse<String> read = api.get("/api/customers/" + id);
        String etag = read.headers().firstValue("ETag").orElseThrow();

        HttpResponse<String> first = api.patch("/api/customers/" + id, "{\"tier\":\"B\"}", Map.of("If-Match", etag));
        HttpResponse<String> second = api.patch("/api/customers/" + id, "{\"tier\":\"A\"}", Map.of("If-Match", etag));

        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(api.read(first).path("tier").asString()).isEqualTo("B");
        assertThat(second.statusCode()).isEqualTo(409);
        assertThat(api.read(second).path("type").asString()).isEqualTo("urn:aftersales:problem:concurrent-modification");
        assertThat(api.getJson("/api/customers/" + id).path("tier").asString()).isEqualTo("B");

        CustomerUpdated updated = TestApi.awaitEvent(Topics.TICKETS, id, TicketEvents.CUSTOMER_UPDATED.type())
                .dataAs(TicketEvents.CUSTOMER_UPDATED);
        assertThat(updated.tier()).isEqualTo("B");
        assertThat(updated.changedFields()).containsExactly("tier");
        assertThat(TestApi.awaitEvents(Topics.TICKETS, id, TicketEvents.CUSTOMER_UPDATED.type(), 1)).as("the refused change published nothing").hasSize(1);
    }

    @Test
    void aSerialIsRegisteredOncePerModelAndUpdatesArePublishedWithTheChangedFields() throws Exception {
        String owner = api.registerCustomer("陈静", uniquePhone(), "B");
        String other = api.registerCustomer("刘洋", uniquePhone(), "C");
        String serial = "GREE-" + System.nanoTime();
        String productId = api.registerProduct(owner, serial, "KFR-35GW", LocalDate.of(2025, 7, 1), true);

        ProductRegistered registered = TestApi.awaitEvent(Topics.TICKETS, productId, TicketEvents.PRODUCT_REGISTERED.type())
                .dataAs(TicketEvents.PRODUCT_REGISTERED);
        assertThat(registered.product().serialNumber()).isEqualTo(serial);
        assertThat(registered.product().purchaseDate()).isEqualTo(LocalDate.of(2025, 7, 1));
        assertThat(registered.product().soldByUs()).isTrue();
        assertThat(registered.product().installRegionCode()).isEqualTo("310115");

        HttpResponse<String> toOther = api.post("/api/customers/" + other + "/products",
                TestApi.productBody(serial, "KFR-35GW", LocalDate.of(2025, 7, 1), true), Map.of());
        assertThat(toOther.statusCode()).isEqualTo(409);
        assertThat(api.read(toOther).path("type").asString()).isEqualTo("urn:aftersales:problem:serial-already-registered");
        assertThat(api.read(toOther).has("productId")).as("another customer's unit is not disclosed").isFalse();
        HttpResponse<String> again = api.post("/api/customers/" + owner + "/products",
                TestApi.productBody(serial, "KFR-35GW", LocalDate.of(2025, 7, 1), true), Map.of());
        assertThat(again.statusCode()).isEqualTo(409);
        assertThat(api.read(again).path("productId").asString()).isEqualTo(productId);
        assertThat(api.post("/api/customers/" + other + "/products",
                TestApi.productBody(serial, "KFR-50LW", LocalDate.of(2025, 7, 1), true), Map.of()).statusCode())
                .as("the same serial of another model is another unit").isEqualTo(201);

        HttpResponse<String> patched = api.patch("/api/customers/" + owner + "/products/" + productId,
                "{\"batchNumber\":\"B2025-08\",\"priceType\":\"SPECIAL_PRICE\",\"salespersonCode\":\"SP-007\",\"salePrice\":3299.00}",
                Map.of());
        assertThat(patched.statusCode()).as(patched.body()).isEqualTo(200);
        assertThat(api.read(patched).path("sale").path("salespersonCode").asString()).isEqualTo("SP-007");
        ProductUpdated updated = TestApi.awaitEvent(Topics.TICKETS, productId, TicketEvents.PRODUCT_UPDATED.type())
                .dataAs(TicketEvents.PRODUCT_UPDATED);
        assertThat(updated.changedFields()).containsExactlyInAnyOrder("batchNumber", "priceType", "salespersonCode", "salePrice");
        assertThat(updated.product().priceType()).isEqualTo("SPECIAL_PRICE");
        // who sold it and for how much travel with the facts (the return rate per salesperson and on amounts)
        assertThat(updated.product().salespersonCode()).isEqualTo("SP-007");
        assertThat(updated.product().salePrice()).isEqualByComparingTo("3299.00");
        assertThat(updated.product().currency()).isEqualTo("CNY");
        assertThat(api.patch("/api/customers/" + owner + "/products/" + productId, "{\"salePrice\":-1}", Map.of()).statusCode())
                .isEqualTo(400);

        JsonNode lookup = api.getJson("/api/products/" + serial + "?model=KFR-35GW");
        assertThat(lookup).singleElement().satisfies(p -> {
            assertThat(p.path("id").asString()).isEqualTo(productId);
            assertThat(p.path("batchNumber").asString()).isEqualTo("B2025-08");
        });
        assertThat(api.getJson("/api/products/" + serial)).hasSize(2);
        assertThat(api.getJson("/api/customers?serial=" + serial)).hasSize(2);
        assertThat(api.get("/api/products/NO-SUCH-SERIAL").statusCode()).isEqualTo(404);
    }

    @Test
    void anAliasCategoryIsStoredAsItsCodeAndTheUnitShowsItsCoverFromTheInstallationDate() throws Exception {
        String owner = api.registerCustomer("孙丽", uniquePhone(), "B");
        String phoneSerial = "IMEI-" + System.nanoTime();
        HttpResponse<String> phone = api.post("/api/customers/" + owner + "/products",
                TestApi.productBody(phoneSerial, "P60", LocalDate.of(2025, 12, 1), true).replace("AIR_CONDITIONER", "PHONE"),
                Map.of());
        assertThat(phone.statusCode()).as(phone.body()).isEqualTo(201);
        JsonNode phoneView = api.read(phone);
        assertThat(phoneView.path("category").asString()).isEqualTo("MOBILE_PHONE");
        assertThat(phoneView.path("warranty").path("terms").asString()).isEqualTo("MOBILE_PHONE");
        assertThat(phoneView.path("warranty").path("covers").get(0).path("lastDay").asString()).isEqualTo("2026-12-01");
        ProductRegistered published = TestApi.awaitEvent(Topics.TICKETS, phoneView.path("id").asString(),
                TicketEvents.PRODUCT_REGISTERED.type()).dataAs(TicketEvents.PRODUCT_REGISTERED);
        assertThat(published.product().category()).isEqualTo("MOBILE_PHONE");

        String acSerial = "GREE-" + System.nanoTime();
        HttpResponse<String> beforePurchase = api.post("/api/customers/" + owner + "/products",
                TestApi.productBody(acSerial, "KFR-26GW", LocalDate.of(2025, 6, 1), true)
                        .replace("\"priceType\"", "\"installationDate\":\"2025-05-30\",\"priceType\""), Map.of());
        assertThat(beforePurchase.statusCode()).isEqualTo(400);
        assertThat(api.read(beforePurchase).path("errors").get(0).path("field").asString()).isEqualTo("installationDate");

        HttpResponse<String> ac = api.post("/api/customers/" + owner + "/products",
                TestApi.productBody(acSerial, "KFR-26GW", LocalDate.of(2025, 6, 1), true)
                        .replace("\"priceType\"", "\"installationDate\":\"2025-06-20\",\"priceType\""), Map.of());
        assertThat(ac.statusCode()).as(ac.body()).isEqualTo(201);
        JsonNode covers = api.read(ac).path("warranty").path("covers");
        assertThat(covers.get(0).path("part").asString()).isEqualTo("UNIT");
        assertThat(covers.get(0).path("startRule").asString()).isEqualTo("STARTS_AT_INSTALLATION");
        assertThat(covers.get(0).path("lastDay").asString()).isEqualTo("2026-06-20");
        assertThat(covers.get(1).path("part").asString()).isEqualTo("COMPRESSOR");
        assertThat(covers.get(1).path("lastDay").asString()).isEqualTo("2030-06-20");
        ProductRegistered acEvent = TestApi.awaitEvent(Topics.TICKETS, api.read(ac).path("id").asString(),
                TicketEvents.PRODUCT_REGISTERED.type()).dataAs(TicketEvents.PRODUCT_REGISTERED);
        assertThat(acEvent.product().installationDate()).isEqualTo(LocalDate.of(2025, 6, 20));
    }

    @Test
    void productsAreRefusedForUnknownCustomersFutureDatesAndUnknownEnums() throws Exception {
        String owner = api.registerCustomer("赵敏", uniquePhone(), "C");
        LocalDate tomorrow = LocalDate.now(ZoneId.of("Asia/Shanghai")).plusDays(1);

        HttpResponse<String> unknown = api.post("/api/customers/" + java.util.UUID.randomUUID() + "/products",
                TestApi.productBody("SN-X1", "M1", LocalDate.of(2025, 1, 1), true), Map.of());
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(api.read(unknown).path("resource").asString()).isEqualTo("customer");

        HttpResponse<String> future = api.post("/api/customers/" + owner + "/products",
                TestApi.productBody("SN-X2", "M1", tomorrow, true), Map.of());
        assertThat(future.statusCode()).isEqualTo(400);
        assertThat(api.read(future).path("errors").get(0).path("field").asString()).isEqualTo("purchaseDate");

        HttpResponse<String> badEnum = api.post("/api/customers/" + owner + "/products",
                TestApi.productBody("SN-X3", "M1", LocalDate.of(2025, 1, 1), true).replace("REGULAR", "CHEAP"), Map.of());
        assertThat(badEnum.statusCode()).isEqualTo(400);
        assertThat(api.read(badEnum).path("errors").get(0).path("message").asString()).contains("SPECIAL_PRICE");

        assertThat(jdbc.sql("select count(*) from product where customer_id = :id")
                .param("id", java.util.UUID.fromString(owner)).query(Long.class).single()).isZero();
    }

    @Test
    void errorsAskedForInChineseAreInChinese() {
        com.aftersales.testsupport.ChineseProblems.Answer invalid = com.aftersales.testsupport.ChineseProblems.request(port,
                "/api/customers", """
                        {"name":" ","phones":["12345"],"tier":"C","preferredLanguage":"Chinese please",
                         "addresses":[{"line":"x","latitude":31.2,"regionCode":"A B"}],"email":"no","wechatOpenId":"o x"}""");
        assertThat(invalid.status()).isEqualTo(400);
        assertThat(invalid.body().path("errors").size()).isGreaterThanOrEqualTo(6);
        assertThat(invalid.notChinese()).as(invalid.body().toString()).isEmpty();
        com.aftersales.testsupport.ChineseProblems.Answer missing = com.aftersales.testsupport.ChineseProblems.request(port,
                "/api/customers/" + java.util.UUID.randomUUID(), null);
        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.notChinese()).as(missing.body().toString()).isEmpty();
    }
}
