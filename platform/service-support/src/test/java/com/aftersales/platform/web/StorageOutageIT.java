package com.aftersales.platform.web;

import com.aftersales.testsupport.DatabaseEndpoint;
import com.aftersales.testsupport.TestInfrastructure;
import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

import java.sql.Connection;
import java.sql.DriverManager;
import java.util.List;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * A database that goes away under a request, on real PostgreSQL: the server ends the request's connection (as a
 * stopped server does) before a statement, before the commit, or no connection can be had. Whatever Spring raises,
 * the client gets the 503 problem with Retry-After, never a 500.
 */
class StorageOutageIT {

    enum Moment { BEFORE_STATEMENT, BEFORE_COMMIT, NO_CONNECTION }

    private static DatabaseEndpoint endpoint;
    private static HikariDataSource dataSource;
    private static HikariDataSource unreachable;

    @BeforeAll
    static void database() {
        endpoint = TestInfrastructure.database("platform_outage");
        dataSource = pool(endpoint.jdbcUrl());
        unreachable = pool("jdbc:postgresql://127.0.0.1:1/nothing");
        unreachable.setConnectionTimeout(250);
        unreachable.setInitializationFailTimeout(-1);
    }

    @AfterAll
    static void close() {
        dataSource.close();
        unreachable.close();
    }

    private static HikariDataSource pool(String url) {
        HikariDataSource pool = new HikariDataSource();
        pool.setJdbcUrl(url);
        pool.setUsername(endpoint.username());
        pool.setPassword(endpoint.password());
        pool.setMaximumPoolSize(2);
        pool.setConnectionTimeout(2000);
        return pool;
    }

    @RestController
    static class Writes {
        @PostMapping("/writes/{moment}")
        void write(@PathVariable Moment moment) {
            HikariDataSource pool = moment == Moment.NO_CONNECTION ? unreachable : dataSource;
            JdbcClient jdbc = JdbcClient.create(pool);
            new TransactionTemplate(new DataSourceTransactionManager(pool)).executeWithoutResult(status -> {
                int pid = jdbc.sql("select pg_backend_pid()").query(Integer.class).single();
                if (moment == Moment.BEFORE_STATEMENT) {
                    terminate(pid);
                    jdbc.sql("select 1").query(Integer.class).single();
                } else {
                    jdbc.sql("create temporary table if not exists scratch (x int)").update();
                    terminate(pid);
                }
            });
        }

        private static void terminate(int pid) {
            try (Connection admin = DriverManager.getConnection(endpoint.jdbcUrl(), endpoint.username(), endpoint.password())) {
                admin.createStatement().execute("select pg_terminate_backend(" + pid + ")");
            } catch (java.sql.SQLException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    @ParameterizedTest
    @EnumSource(Moment.class)
    void theDatabaseGoingAwayIsA503Problem(Moment moment) throws Exception {
        MockMvc mvc = MockMvcBuilders.standaloneSetup(new Writes())
                .setControllerAdvice(new ProblemDetailsAdvice(List.of())).build();
        mvc.perform(post("/writes/{moment}", moment))
                .andExpect(status().isServiceUnavailable())
                .andExpect(header().string("Retry-After", ProblemDetailsAdvice.RETRY_AFTER_SECONDS))
                .andExpect(jsonPath("$.type").value("urn:aftersales:problem:service-unavailable"));
    }
}
