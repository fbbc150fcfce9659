package com.aftersales.launcher;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Backup and restore of the embedded platform's real PostgreSQL and Kafka: back up a stopped platform, change and
 * damage it, restore, and find exactly the backed-up rows, records and consumer offsets again.
 */
class PlatformBackupIT {

    private static final String TOPIC = "aftersales.tickets.v1";
    private static final String GROUP = "feedback-service";

    @TempDir
    Path dataDir;
    @TempDir
    Path backups;

    private int postgresPort;
    private int kafkaPort;
    private int controllerPort;

    @Test
    void aRestoreBringsBackEveryDatabaseTopicAndOffsetAsTheyWereAtTheBackup() throws Exception {
        List<Integer> ports = Ports.free(3);
        postgresPort = ports.get(0);
        kafkaPort = ports.get(1);
        controllerPort = ports.get(2);
        List<Integer> platformPorts = List.of(postgresPort, kafkaPort);

        // A platform with tickets in several states, events on the topic and a consumer group half-way through them.
        try (PostgresServer postgres = startPostgres(); KafkaBroker kafka = startKafka()) {
            postgres.ensureDatabases(List.of("ticket", "returns"));
            sql(postgres, "ticket", "create table ticket (id int primary key, status text not null)",
                    "insert into ticket values (1, 'NEW'), (2, 'AWAITING_TECHNICIAN'), (3, 'TECHNICIAN_ASSIGNED'),"
                            + " (4, 'RESOLVED'), (5, 'CLOSED')");
            sql(postgres, "returns", "create table return_order (id int primary key, status text not null)",
                    "insert into return_order values (1, 'AUTHORIZED'), (2, 'IN_REPAIR')");
            kafka.ensureTopics(List.of(TOPIC), KafkaBroker.TOPIC_PARTITIONS);
            publish(kafka, "ticket-1", "ticket-2", "ticket-3", "ticket-4");
            assertThat(consume(kafka, 2)).hasSize(2);

            assertThatThrownBy(() -> PlatformBackup.backup(dataDir, backups.resolve("while-running"), platformPorts))
                    .as("a running platform is not copied").hasMessageContaining("stop the platform first");
        }
        PlatformBackup.Result backup = PlatformBackup.backup(dataDir, backups.resolve("b1"), platformPorts);
        assertThat(backup.parts()).containsExactly("kafka", "postgres");
        assertThat(Files.readAllLines(backups.resolve("b1").resolve(PlatformBackup.MANIFEST))).hasSize(backup.files());

        // After the backup: more work, then the disaster (a table dropped, a topic deleted).
        try (PostgresServer postgres = startPostgres(); KafkaBroker kafka = startKafka()) {
            sql(postgres, "ticket", "insert into ticket values (6, 'NEW')", "update ticket set status = 'CLOSED' where id = 4");
            assertThat(consume(kafka, 2)).hasSize(2);
            sql(postgres, "returns", "drop table return_order");
            try (Admin admin = KafkaBroker.admin(kafkaPort)) {
                admin.deleteTopics(List.of(TOPIC)).all().get();
            }
        }

        // A damaged backup is refused before anything is touched.
        Path damaged = backups.resolve("damaged");
        copyTree(backups.resolve("b1"), damaged);
        Path someFile;
        try (Stream<Path> files = Files.walk(damaged.resolve("postgres"))) {
            someFile = files.filter(Files::isRegularFile).filter(p -> p.toString().contains("base")).findFirst().orElseThrow();
        }
        Files.write(someFile, new byte[] {1, 2, 3}, java.nio.file.StandardOpenOption.APPEND);
        Clock clock = Clock.fixed(Instant.parse("2026-12-04T08:00:00Z"), ZoneOffset.UTC);
        assertThatThrownBy(() -> PlatformBackup.restore(damaged, dataDir, platformPorts, clock))
                .hasMessageContaining("does not match its checksum");
        assertThat(dataDir.resolve("replaced-20261204-080000")).doesNotExist();

        PlatformBackup.Result restored = PlatformBackup.restore(backups.resolve("b1"), dataDir, platformPorts, clock);
        assertThat(restored.files()).isEqualTo(backup.files());
        assertThat(dataDir.resolve("replaced-20261204-080000").resolve("postgres")).isDirectory();

        try (PostgresServer postgres = startPostgres(); KafkaBroker kafka = startKafka()) {
            assertThat(rows(postgres, "ticket", "select id || ':' || status from ticket order by id"))
                    .containsExactly("1:NEW", "2:AWAITING_TECHNICIAN", "3:TECHNICIAN_ASSIGNED", "4:RESOLVED", "5:CLOSED");
            assertThat(rows(postgres, "returns", "select id || ':' || status from return_order order by id"))
                    .containsExactly("1:AUTHORIZED", "2:IN_REPAIR");
            // The topic is back with its four records, and the group resumes where it was at the backup: the third.
            try (Admin admin = KafkaBroker.admin(kafkaPort)) {
                Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(GROUP)
                        .partitionsToOffsetAndMetadata().get();
                assertThat(committed.values().stream().mapToLong(OffsetAndMetadata::offset).sum()).isEqualTo(2);
            }
            assertThat(consume(kafka, 2)).extracting(ConsumerRecord::value).containsExactlyInAnyOrder("ticket-3", "ticket-4");
        }
    }

    private PostgresServer startPostgres() {
        return PostgresServer.start(dataDir.resolve("postgres"), postgresPort, dataDir.resolve("logs/postgres.log"));
    }

    private KafkaBroker startKafka() {
        return KafkaBroker.start(dataDir.resolve("kafka"), kafkaPort, controllerPort, dataDir.resolve("logs/kafka.log"));
    }

    private static void sql(PostgresServer postgres, String database, String... statements) throws Exception {
        try (Connection connection = DriverManager.getConnection(postgres.jdbcUrl(database), database, database);
             Statement statement = connection.createStatement()) {
            for (String s : statements) {
                statement.execute(s);
            }
        }
    }

    private static List<String> rows(PostgresServer postgres, String database, String query) throws Exception {
        List<String> rows = new ArrayList<>();
        try (Connection connection = DriverManager.getConnection(postgres.jdbcUrl(database), database, database);
             Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery(query)) {
            while (rs.next()) {
                rows.add(rs.getString(1));
            }
        }
        return rows;
    }

    /** Publishes to one partition, in order (the key is the same for all). */
    private static void publish(KafkaBroker kafka, String... values) throws Exception {
        Properties properties = new Properties();
        properties.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
        properties.put(ProducerConfig.ACKS_CONFIG, "all");
        properties.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        properties.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(properties)) {
            for (String value : values) {
                producer.send(new ProducerRecord<>(TOPIC, "one-key", value)).get();
            }
        }
    }

    /** Reads up to {@code count} records as the group, committing what it read. */
    private static List<ConsumerRecord<String, String>> consume(KafkaBroker kafka, int count) {
        Properties properties = new Properties();
        properties.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
        properties.put(ConsumerConfig.GROUP_ID_CONFIG, GROUP);
        properties.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        properties.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        properties.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, count);
        List<ConsumerRecord<String, String>> read = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(properties, new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of(TOPIC));
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (read.isEmpty() && System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(500)).forEach(read::add);
            }
            consumer.commitSync();
        }
        return read;
    }

    private static void copyTree(Path from, Path to) throws Exception {
        try (Stream<Path> paths = Files.walk(from)) {
            for (Path path : paths.toList()) {
                Path target = to.resolve(from.relativize(path).toString());
                if (Files.isDirectory(path)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(path, target);
                }
            }
        }
    }
}
