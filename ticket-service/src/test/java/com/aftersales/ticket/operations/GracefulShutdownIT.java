package com.aftersales.ticket.operations;

import com.aftersales.testsupport.DatabaseEndpoint;
import com.aftersales.testsupport.TestIdentity;
import com.aftersales.testsupport.TestInfrastructure;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.ConnectException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * SIGTERM on a real ticket-service process (its packaged jar, as the launcher, compose and Kubernetes run it) while a
 * request is in flight: the request is held inside its transaction by a lock this test takes on the outbox table,
 * the process gets SIGTERM, stops taking new connections, and still answers the held request 201 once the lock is
 * released; the outbox relay then publishes the request's event before the JVM exits.
 */
class GracefulShutdownIT {

    private static final Duration READY_WITHIN = Duration.ofSeconds(120);
    private static final Duration HELD_FOR = Duration.ofSeconds(3);
    private static final int SIGTERM_EXIT = 143;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private Process service;

    @AfterEach
    void stop() {
        if (service != null && service.isAlive()) {
            service.destroyForcibly();
        }
    }

    @Test
    void anInFlightRequestFinishesAndItsEventIsPublishedAfterSigterm() throws Exception {
        DatabaseEndpoint database = TestInfrastructure.database("ticket_graceful_shutdown");
        int port = freePort();
        Path log = Path.of("target", "graceful-shutdown-it.log");
        service = start(database, port, log);
        awaitReady(port, log);

        try (Connection lock = DriverManager.getConnection(database.jdbcUrl(), database.username(), database.password())) {
            lock.setAutoCommit(false);
            try (Statement statement = lock.createStatement()) {
                // Inserts wait for this lock; the relay's reads do not.
                statement.execute("lock table outbox_event in share row exclusive mode");
            }
            CompletableFuture<HttpResponse<String>> inFlight = http.sendAsync(HttpRequest.newBuilder(
                            URI.create("http://127.0.0.1:" + port + "/api/customers"))
                    .timeout(Duration.ofSeconds(60))
                    .header("Content-Type", "application/json")
                    .header("Authorization", TestIdentity.bearer(TestIdentity.AGENT))
                    .POST(HttpRequest.BodyPublishers.ofString("""
                            {"name":"郑晓东","phones":["13761230099"],"tier":"B","preferredLanguage":"zh-CN","contactConsent":true,
                             "addresses":[{"line":"上海市长宁区仙霞路 99 号","regionCode":"310105","latitude":31.2075,"longitude":121.4000}]}"""))
                    .build(), HttpResponse.BodyHandlers.ofString());
            await().atMost(Duration.ofSeconds(20)).until(() -> waitingOnLock(lock) > 0);

            service.destroy(); // SIGTERM
            // Draining: the held request keeps the process alive, and nobody new gets in.
            await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                    assertThatThrownBy(() -> http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                            + "/actuator/health/liveness")).timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.discarding()))
                            .isInstanceOf(ConnectException.class));
            Thread.sleep(HELD_FOR.toMillis());
            assertThat(service.isAlive()).as("still finishing the in-flight request").isTrue();
            assertThat(inFlight).isNotDone();
            lock.commit();

            HttpResponse<String> response = inFlight.get(30, TimeUnit.SECONDS);
            assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
            assertThat(response.body()).contains("郑晓东");
        }
        assertThat(service.waitFor(30, TimeUnit.SECONDS)).as("exits after draining").isTrue();
        assertThat(service.exitValue()).isIn(0, SIGTERM_EXIT);
        assertThat(Files.readString(log)).contains("Graceful shutdown complete");
        try (Connection check = DriverManager.getConnection(database.jdbcUrl(), database.username(), database.password());
             Statement statement = check.createStatement();
             ResultSet pending = statement.executeQuery("select count(*) from outbox_event where published_at is null")) {
            pending.next();
            assertThat(pending.getLong(1)).as("the relay flushed the outbox before the process exited").isZero();
        }
    }

    private static Process start(DatabaseEndpoint database, int port, Path log) throws IOException {
        Path jar;
        try (Stream<Path> files = Files.list(Path.of("target"))) {
            jar = files.filter(file -> file.getFileName().toString().endsWith("-exec.jar")).findFirst()
                    .orElseThrow(() -> new IllegalStateException("no -exec.jar in target/: run through mvn verify"));
        }
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-jar", jar.toString(),
                "--server.port=" + port,
                "--spring.datasource.url=" + database.jdbcUrl(),
                "--spring.datasource.username=" + database.username(),
                "--spring.datasource.password=" + database.password(),
                "--spring.kafka.bootstrap-servers=" + TestInfrastructure.kafkaBootstrapServers()));
        command.addAll(TestIdentity.commandLineArguments());
        return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    }

    private void awaitReady(int port, Path log) {
        URI readiness = URI.create("http://127.0.0.1:" + port + "/actuator/health/readiness");
        await().atMost(READY_WITHIN).pollInterval(Duration.ofMillis(500)).until(() -> {
            assertThat(service.isAlive()).as("ticket-service exited; see %s", log).isTrue();
            try {
                return http.send(HttpRequest.newBuilder(readiness).build(), HttpResponse.BodyHandlers.discarding())
                        .statusCode() == 200;
            } catch (IOException notYet) {
                return false;
            }
        });
    }

    /** Backends of this database waiting for a lock held by the given connection's session. */
    private static int waitingOnLock(Connection lock) throws Exception {
        try (Statement statement = lock.createStatement();
             ResultSet waiting = statement.executeQuery("""
                     select count(*) from pg_stat_activity
                     where datname = current_database() and wait_event_type = 'Lock'
                       and pg_backend_pid() = any(pg_blocking_pids(pid))""")) {
            waiting.next();
            return waiting.getInt(1);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
