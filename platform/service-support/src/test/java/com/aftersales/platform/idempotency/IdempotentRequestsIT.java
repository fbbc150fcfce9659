package com.aftersales.platform.idempotency;

import com.aftersales.platform.schema.PlatformSchemaMigration;
import com.aftersales.testsupport.DatabaseEndpoint;
import com.aftersales.testsupport.TestInfrastructure;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;

/** Idempotency keys on real PostgreSQL (platform migrations included): a key belongs to the caller who sent it. */
class IdempotentRequestsIT {

    private static JdbcClient jdbc;
    private static TransactionTemplate transactions;

    @BeforeAll
    static void database() {
        DatabaseEndpoint endpoint = TestInfrastructure.database("platform_idempotency");
        DriverManagerDataSource dataSource = new DriverManagerDataSource(endpoint.jdbcUrl(), endpoint.username(),
                endpoint.password());
        new PlatformSchemaMigration(dataSource).afterPropertiesSet();
        jdbc = JdbcClient.create(dataSource);
        transactions = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
    }

    @Test
    void anotherCallerReplayingAKeyAndBodyGetsItsOwnResultNotTheFirstCallersResponse() {
        AtomicReference<String> caller = new AtomicReference<>();
        IdempotentRequests requests = new IdempotentRequests(jdbc, transactions, JsonMapper.builder().build(),
                Duration.ofHours(24), Clock.systemUTC(), caller::get);
        String key = "order-" + UUID.randomUUID();
        Map<String, String> body = Map.of("serialNumber", "SN1");

        caller.set(IdempotentRequests.callerOf(token("store.a", "frontend")));
        ResponseEntity<Object> first = requests.create("POST /api/returns", key, body, () -> created("secret-of-a"));
        ResponseEntity<Object> replayed = requests.create("POST /api/returns", key, body, () -> created("twice"));

        caller.set(IdempotentRequests.callerOf(token("store.b", "frontend")));
        ResponseEntity<Object> other = requests.create("POST /api/returns", key, body, () -> created("of-b"));
        caller.set(IdempotentRequests.callerOf(token("store.a", "partner-app")));
        ResponseEntity<Object> otherClient = requests.create("POST /api/returns", key, body, () -> created("of-a-elsewhere"));

        assertThat(first.getStatusCode().value()).isEqualTo(201);
        assertThat(first.getHeaders().getLocation()).hasToString("/api/returns/secret-of-a");
        assertThat(replayed.getHeaders().getFirst(IdempotentRequests.REPLAYED_HEADER)).isEqualTo("true");
        assertThat(replayed.getHeaders().getLocation()).hasToString("/api/returns/secret-of-a");
        assertThat(other.getHeaders().getFirst(IdempotentRequests.REPLAYED_HEADER)).isNull();
        assertThat(other.getHeaders().getLocation()).hasToString("/api/returns/of-b");
        assertThat(other.getBody()).isEqualTo(Map.of("id", "of-b"));
        assertThat(otherClient.getHeaders().getLocation()).hasToString("/api/returns/of-a-elsewhere");
    }

    private static IdempotentRequests.Created created(String id) {
        return new IdempotentRequests.Created(URI.create("/api/returns/" + id), Map.of("id", id));
    }

    private static JwtAuthenticationToken token(String subject, String client) {
        return new JwtAuthenticationToken(Jwt.withTokenValue("t").header("alg", "RS256").subject(subject)
                .claim("azp", client).build());
    }
}
