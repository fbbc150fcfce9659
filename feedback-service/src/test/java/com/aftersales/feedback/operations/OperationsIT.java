package com.aftersales.feedback.operations;

import com.aftersales.feedback.support.Http;
import com.aftersales.testsupport.TestIdentity;
import com.aftersales.testsupport.WithRealInfrastructure;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/** The ops console's figures of feedback-service agree with the database, for the OPS role. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@WithRealInfrastructure
class OperationsIT {

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;

    @Test
    void snapshotForOps() {
        Http.Response response = new Http(port).as(TestIdentity.OPS).get("/api/ops/feedback-service");

        assertThat(response.status()).as(response.raw()).isEqualTo(200);
        JsonNode snapshot = response.body();
        assertThat(snapshot.path("csatTrend")).hasSize(14);
        assertThat(snapshot.path("openQualityAlerts").asLong())
                .isEqualTo(jdbc.sql("select count(*) from quality_alert").query(Long.class).single());
        assertThat(snapshot.path("openComplaintsBySeverity").path("HIGH").asLong())
                .isEqualTo(jdbc.sql("select count(*) from complaint where status <> 'CLOSED' and severity = 'HIGH'")
                        .query(Long.class).single());
    }
}
