package com.aftersales.launcher;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The launcher's PostgreSQL and Kafka as real servers in a temporary directory, on free ports: what the run
 * mode promises (databases per service, durability across restarts) and dead-letter replay.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class EmbeddedInfrastructureIT {

    private static final String REPLAY_TOPIC = "it.replay.v1";
    private static final String REPLAY_DLT = REPLAY_TOPIC + ".dlt";
    private static final Duration POLL = Duration.ofMillis(500);
    private static final Duration READ_TIMEOUT = Duration.ofSeconds(20);

    @TempDir
    static Path dataDir;

    private int postgresPort;
    private int kafkaPort;
    private int controllerPort;
    private PostgresServer postgres;
    private KafkaBroker kafka;

    @BeforeAll
    void startBoth() throws Exception {
        List<Integer> ports = Ports.free(3);
        postgresPort = ports.get(0);
        kafkaPort = ports.get(1);
        controllerPort = ports.get(2);
        // In parallel, as EmbeddedPlatform does.
        var kafkaStart = java.util.concurrent.CompletableFuture.supplyAsync(this::startKafka);
        postgres = startPostgres();
        kafka = kafkaStart.get();
        report("cold start: postgres %s, kafka %s", postgres.startTime(), kafka.startTime());
        report("kafka RSS after start: %s", rss(kafka.pid()));
    }

    @AfterAll
    void stopBoth() {
        if (kafka != null) {
            kafka.close();
        }
        if (postgres != null) {
            postgres.close();
        }
    }

    @Test
    @Order(1)
    void createsARoleAndDatabasePerBackendAndTheRoleCanLogIn() throws SQLException {
        List<String> databases = PlatformService.BACKENDS.stream().map(service -> service.database().orElseThrow()).toList();
        postgres.ensureDatabases(databases);
        postgres.ensureDatabases(databases);

        for (String database : databases) {
            try (Connection connection = DriverManager.getConnection(postgres.jdbcUrl(database), database, database)) {
                assertThat(single(connection, "SELECT current_user")).isEqualTo(database);
                assertThat(single(connection, "SELECT pg_get_userbyid(datdba) FROM pg_database WHERE datname = current_database()"))
                        .isEqualTo(database);
                assertThat(single(connection, "SHOW fsync")).isEqualTo("on");
                assertThat(single(connection, "SHOW synchronous_commit")).isEqualTo("on");
            }
        }
    }

    @Test
    @Order(2)
    void postgresKeepsCommittedDataAcrossARestart() throws SQLException {
        postgres.ensureDatabases(List.of("ticket"));
        String marker = UUID.randomUUID().toString();
        try (Connection connection = DriverManager.getConnection(postgres.jdbcUrl("ticket"), "ticket", "ticket");
             Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE IF NOT EXISTS survivor (marker text PRIMARY KEY)");
            statement.execute("INSERT INTO survivor VALUES ('" + marker + "')");
        }

        postgres.close();
        postgres = startPostgres();
        report("warm start: postgres %s", postgres.startTime());
        postgres.ensureDatabases(List.of("ticket"));

        try (Connection connection = DriverManager.getConnection(postgres.jdbcUrl("ticket"), "ticket", "ticket")) {
            assertThat(single(connection, "SELECT count(*) FROM survivor WHERE marker = '" + marker + "'")).isEqualTo("1");
        }
    }

    @Test
    @Order(3)
    void kafkaCreatesThePlatformTopicsAndKeepsRecordsAcrossARestart() throws Exception {
        kafka.ensureTopics(KafkaBroker.PLATFORM_TOPICS, KafkaBroker.TOPIC_PARTITIONS);
        kafka.ensureTopics(KafkaBroker.PLATFORM_TOPICS, KafkaBroker.TOPIC_PARTITIONS);
        try (var admin = KafkaBroker.admin(kafkaPort)) {
            var descriptions = admin.describeTopics(KafkaBroker.PLATFORM_TOPICS).allTopicNames().get();
            assertThat(descriptions).hasSize(8);
            descriptions.values().forEach(description -> assertThat(description.partitions()).hasSize(KafkaBroker.TOPIC_PARTITIONS));
        }
        String key = UUID.randomUUID().toString();
        try (KafkaProducer<String, String> producer = producer()) {
            producer.send(new ProducerRecord<>("aftersales.tickets.v1", key, "{\"survives\":true}")).get();
        }

        kafka.close();
        assertThat(kafka.isRunning()).isFalse();
        kafka = startKafka();
        report("warm start: kafka %s, RSS %s", kafka.startTime(), rss(kafka.pid()));

        List<ConsumerRecord<String, String>> records = readAll("aftersales.tickets.v1", 1);
        assertThat(records).anySatisfy(record -> {
            assertThat(record.key()).isEqualTo(key);
            assertThat(record.value()).isEqualTo("{\"survives\":true}");
        });
    }

    @Test
    @Order(4)
    void replaysDeadLettersToTheOriginalTopicOnce() throws Exception {
        kafka.ensureTopics(List.of(REPLAY_TOPIC, REPLAY_DLT), KafkaBroker.TOPIC_PARTITIONS);
        try (KafkaProducer<String, String> producer = producer()) {
            for (int i = 0; i < 3; i++) {
                ProducerRecord<String, String> record = new ProducerRecord<>(REPLAY_DLT, "ticket-" + i, "event-" + i);
                record.headers().add("ce_id", ("id-" + i).getBytes(StandardCharsets.UTF_8));
                record.headers().add("kafka_dlt-exception-message", "boom".getBytes(StandardCharsets.UTF_8));
                if (i != 2) {
                    // The third record has no original-topic header: the name without .dlt is used.
                    record.headers().add(DeadLetterReplay.ORIGINAL_TOPIC_HEADER, REPLAY_TOPIC.getBytes(StandardCharsets.UTF_8));
                }
                producer.send(record).get();
            }
        }
        DeadLetterReplay replay = new DeadLetterReplay(kafka.bootstrapServers());

        assertThat(replay.replay(REPLAY_TOPIC)).isEqualTo(3);

        List<ConsumerRecord<String, String>> replayed = readAll(REPLAY_TOPIC, 3);
        assertThat(replayed).hasSize(3);
        Map<String, ConsumerRecord<String, String>> byKey = new HashMap<>();
        replayed.forEach(record -> byKey.put(record.key(), record));
        assertThat(byKey.keySet()).containsExactlyInAnyOrder("ticket-0", "ticket-1", "ticket-2");
        for (int i = 0; i < 3; i++) {
            ConsumerRecord<String, String> record = byKey.get("ticket-" + i);
            assertThat(record.value()).isEqualTo("event-" + i);
            assertThat(header(record, "ce_id")).isEqualTo("id-" + i);
            assertThat(header(record, DeadLetterReplay.REPLAYED_FROM_HEADER)).matches(REPLAY_DLT.replace(".", "\\.") + "@[0-2]/\\d+");
            for (Header header : record.headers()) {
                assertThat(header.key()).doesNotStartWith(DeadLetterReplay.DLT_HEADER_PREFIX);
            }
        }

        assertThat(replay.replay(REPLAY_DLT)).as("a second replay finds nothing new").isZero();

        try (KafkaProducer<String, String> producer = producer()) {
            producer.send(new ProducerRecord<>(REPLAY_DLT, "ticket-3", "event-3")).get();
        }
        assertThat(replay.replay(REPLAY_TOPIC)).as("only the new dead letter").isEqualTo(1);
    }

    private PostgresServer startPostgres() {
        return PostgresServer.start(dataDir.resolve("postgres"), postgresPort, dataDir.resolve("logs/postgres.log"));
    }

    private KafkaBroker startKafka() {
        return KafkaBroker.start(dataDir.resolve("kafka"), kafkaPort, controllerPort, dataDir.resolve("logs/kafka.log"));
    }

    private KafkaProducer<String, String> producer() {
        Properties properties = new Properties();
        properties.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
        properties.put(ProducerConfig.ACKS_CONFIG, "all");
        properties.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        properties.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        return new KafkaProducer<>(properties);
    }

    /** Reads the topic from the beginning (no group) until at least {@code expected} records or the timeout. */
    private List<ConsumerRecord<String, String>> readAll(String topic, int expected) {
        Properties properties = new Properties();
        properties.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
        properties.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        properties.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        List<ConsumerRecord<String, String>> records = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(properties)) {
            var partitions = consumer.partitionsFor(topic).stream()
                    .map(info -> new org.apache.kafka.common.TopicPartition(topic, info.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            long deadline = System.nanoTime() + READ_TIMEOUT.toNanos();
            while (records.size() < expected && System.nanoTime() < deadline) {
                consumer.poll(POLL).forEach(records::add);
            }
        }
        return records;
    }

    private static String header(ConsumerRecord<?, ?> record, String key) {
        Header header = record.headers().lastHeader(key);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    private static String single(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(sql)) {
            assertThat(rows.next()).isTrue();
            return rows.getString(1);
        }
    }

    private static String rss(long pid) {
        try {
            return Files.readAllLines(Path.of("/proc", String.valueOf(pid), "status")).stream()
                    .filter(line -> line.startsWith("VmRSS")).findFirst().orElse("n/a").replaceAll("\\s+", " ");
        } catch (Exception e) {
            return "n/a (" + e.getMessage() + ")";
        }
    }

    private static void report(String format, Object... args) {
        System.out.println("[launcher-it] " + String.format(format, args));
    }
}
