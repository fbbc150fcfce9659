package com.aftersales.returns.rma;

import com.aftersales.contracts.EventEnvelope;
import com.aftersales.contracts.Topics;
import com.aftersales.contracts.returns.ReturnRequested;
import com.aftersales.returns.support.ApiClient;
import com.aftersales.returns.support.ProductEvents;
import com.aftersales.testsupport.KafkaTestClient;
import com.aftersales.testsupport.TestIdentity;
import com.aftersales.testsupport.WithRealInfrastructure;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Fraud by date: the request date is today at the store; only a supervisor sets another (past) day, with a reason,
 * and that is recorded on the return and published with it. A unit bought 40 days ago claimed as a day-15 request
 * would turn a free repair into a refund.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@WithRealInfrastructure
class RequestDateIT {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;

    private String body(String serial, LocalDate requestDate, String reason) {
        return """
                {"facts":{"serialNumber":"%s","qualityFaultClaimed":true%s},"reason":"不制冷"%s}"""
                .formatted(serial, requestDate == null ? "" : ",\"requestDate\":\"" + requestDate + "\"",
                        reason == null ? "" : ",\"requestDateReason\":\"" + reason + "\"");
    }

    private long returnsOf(String serial) {
        return jdbc.sql("select count(*) from return_order where serial_number = :s").param("s", serial)
                .query(Long.class).single();
    }

    @Test
    void onlyASupervisorBackDatesAReturnWithAReasonAndNobodyDatesItInTheFuture() {
        LocalDate today = LocalDate.now(SHANGHAI);
        String serial = "SN-D-" + UUID.randomUUID().toString().substring(0, 12);
        ProductEvents.register(jdbc, ProductEvents.facts(serial, "AIR_CONDITIONER", today.minusDays(40), "REGULAR"));
        LocalDate dayFifteen = today.minusDays(25);
        ApiClient supervisor = new ApiClient(port);

        for (var clerk : new com.aftersales.devidentity.DevUser[]{TestIdentity.store("SH-001"), TestIdentity.AGENT,
                TestIdentity.ADMIN}) {
            ApiClient.Response backDated = supervisor.as(clerk).post("/api/returns", body(serial, dayFifteen, "客户要求"));
            assertThat(backDated.status()).as(clerk.subject() + ": " + backDated.body()).isEqualTo(403);
            assertThat(backDated.body().path("rule").asString()).isEqualTo(RequestDateRule.SET_BY_SUPERVISOR);
        }
        for (LocalDate future : new LocalDate[]{today.plusDays(1), LocalDate.of(9999, 12, 31)}) {
            ApiClient.Response later = supervisor.post("/api/returns", body(serial, future, "试探"));
            assertThat(later.status()).as(later.body().toString()).isEqualTo(400);
            assertThat(later.body().path("errors").get(0).path("field").asString()).isEqualTo("facts.requestDate");
        }
        ApiClient.Response withoutReason = supervisor.post("/api/returns", body(serial, dayFifteen, null));
        assertThat(withoutReason.status()).isEqualTo(400);
        assertThat(withoutReason.body().path("errors").get(0).path("field").asString()).isEqualTo("requestDateReason");
        assertThat(returnsOf(serial)).as("nothing refused was stored").isZero();

        // Today, said or not, is anyone's: day 40 is a free repair.
        ApiClient.Response clerks = supervisor.as(TestIdentity.store("SH-001")).post("/api/returns", body(serial, today, null));
        assertThat(clerks.status()).as(clerks.body().toString()).isEqualTo(201);
        assertThat(clerks.body().path("remedy").asString()).isEqualTo("FREE_REPAIR");
        assertThat(clerks.body().path("request").path("requestDate").asString()).isEqualTo(today.toString());
        assertThat(clerks.body().path("request").path("requestDateOverride").isNull()).isTrue();

        // A supervisor's date is decided on, kept with who, why and the real day, and published.
        ApiClient.Response overridden = supervisor.post("/api/returns", body(serial, dayFifteen, "客户第 15 天已来电报修，有通话记录"));
        assertThat(overridden.status()).as(overridden.body().toString()).isEqualTo(201);
        assertThat(overridden.body().path("remedy").asString()).isEqualTo("REFUND");
        String id = overridden.body().path("id").asString();
        var override = supervisor.get("/api/returns/" + id).body().path("request").path("requestDateOverride");
        assertThat(override.path("supervisor").asString()).isEqualTo("supervisor:" + TestIdentity.SUPERVISOR.subject());
        assertThat(override.path("reason").asString()).isEqualTo("客户第 15 天已来电报修，有通话记录");
        assertThat(override.path("storeToday").asString()).isEqualTo(today.toString());
        assertThat(override.path("requestDate").asString()).isEqualTo(dayFifteen.toString());

        try (KafkaTestClient kafka = KafkaTestClient.onTestBroker()) {
            ReturnRequested requested = kafka.events(Topics.RETURNS, id, 2, Duration.ofSeconds(30)).stream()
                    .map(EventEnvelope::data).filter(ReturnRequested.class::isInstance).map(ReturnRequested.class::cast)
                    .findFirst().orElseThrow();
            assertThat(requested.requestDate()).isEqualTo(dayFifteen);
            assertThat(requested.requestDateOverride().reason()).isEqualTo("客户第 15 天已来电报修，有通话记录");
            assertThat(requested.requestDateOverride().storeToday()).isEqualTo(today);
        }
    }
}
