package com.aftersales.deployment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.acl.AccessControlEntry;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.acl.AclPermissionType;
import org.apache.kafka.common.errors.GroupAuthorizationException;
import org.apache.kafka.common.errors.SaslAuthenticationException;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.apache.kafka.common.resource.PatternType;
import org.apache.kafka.common.resource.ResourcePattern;
import org.apache.kafka.common.resource.ResourceType;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.aftersales.contracts.Topics;

/**
 * Partner isolation on a real Kafka broker configured as docker-compose configures it: a PLAINTEXT listener for
 * the platform (super user), a SASL/SCRAM-SHA-512 listener for partners, StandardAuthorizer, SCRAM credentials
 * formatted into KRaft storage ({@code --add-scram}) and the prefixed ACLs kafka-init creates. One partner's
 * principal reads its own topic and is refused another partner's, its groups only, and no writes.
 */
class PartnerTopicAclIT {

    static final String DEPOT_A = "sh-partner-01";
    static final String DEPOT_B = "sh-partner-02";
    static final Map<String, String> PASSWORDS = Map.of(DEPOT_A, "secret-a", DEPOT_B, "secret-b");
    static final Duration TIMEOUT = Duration.ofSeconds(60);

    @TempDir
    static Path dir;
    static Process broker;
    static int internalPort;
    static int partnerPort;

    @BeforeAll
    static void startBrokerWithAcls() throws Exception {
        internalPort = freePort();
        partnerPort = freePort();
        int controllerPort = freePort();
        Path config = dir.resolve("server.properties");
        Properties server = new Properties();
        server.put("process.roles", "broker,controller");
        server.put("node.id", "1");
        server.put("controller.quorum.voters", "1@127.0.0.1:" + controllerPort);
        server.put("listeners", "INTERNAL://127.0.0.1:" + internalPort + ",PARTNER://127.0.0.1:" + partnerPort
                + ",CONTROLLER://127.0.0.1:" + controllerPort);
        server.put("advertised.listeners", "INTERNAL://127.0.0.1:" + internalPort + ",PARTNER://127.0.0.1:" + partnerPort);
        server.put("listener.security.protocol.map", "INTERNAL:PLAINTEXT,PARTNER:SASL_PLAINTEXT,CONTROLLER:PLAINTEXT");
        server.put("inter.broker.listener.name", "INTERNAL");
        server.put("controller.listener.names", "CONTROLLER");
        server.put("listener.name.partner.sasl.enabled.mechanisms", "SCRAM-SHA-512");
        server.put("listener.name.partner.scram-sha-512.sasl.jaas.config",
                "org.apache.kafka.common.security.scram.ScramLoginModule required;");
        server.put("authorizer.class.name", "org.apache.kafka.metadata.authorizer.StandardAuthorizer");
        server.put("super.users", "User:ANONYMOUS");
        server.put("allow.everyone.if.no.acl.found", "false");
        server.put("log.dirs", dir.resolve("data").toString());
        server.put("num.partitions", "1");
        server.put("offsets.topic.replication.factor", "1");
        server.put("transaction.state.log.replication.factor", "1");
        server.put("transaction.state.log.min.isr", "1");
        server.put("share.coordinator.state.topic.replication.factor", "1");
        server.put("share.coordinator.state.topic.min.isr", "1");
        server.put("group.initial.rebalance.delay.ms", "0");
        server.put("log.cleaner.dedupe.buffer.size", "8388608");
        try (var out = Files.newOutputStream(config)) {
            server.store(out, "partner ACL test broker");
        }
        List<String> format = new ArrayList<>(List.of("kafka.tools.StorageTool", "format", "--cluster-id",
                Uuid.randomUuid().toString(), "--config", config.toString()));
        PASSWORDS.forEach((depot, password) -> format.addAll(List.of("--add-scram",
                "SCRAM-SHA-512=[name=partner-" + depot + ",password=" + password + "]")));
        Process formatting = java(format).start();
        assertThat(formatting.waitFor(TIMEOUT.toSeconds(), TimeUnit.SECONDS)).isTrue();
        assertThat(formatting.exitValue()).as(Files.readString(dir.resolve("broker.log"))).isZero();
        broker = java(List.of("kafka.Kafka", config.toString())).start();

        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, "127.0.0.1:" + internalPort))) {
            admin.describeCluster().nodes().get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
            admin.createTopics(List.of(new NewTopic(Topics.partnerTopic(DEPOT_A), 1, (short) 1),
                    new NewTopic(Topics.partnerTopic(DEPOT_B), 1, (short) 1))).all().get();
            List<AclBinding> acls = new ArrayList<>();
            for (String depot : PASSWORDS.keySet()) {
                // Exactly what kafka-init creates in docker-compose.yml.
                String principal = "User:partner-" + depot;
                ResourcePattern topics = new ResourcePattern(ResourceType.TOPIC, Topics.PARTNER_PREFIX + depot + ".", PatternType.PREFIXED);
                acls.add(new AclBinding(topics, new AccessControlEntry(principal, "*", AclOperation.READ, AclPermissionType.ALLOW)));
                acls.add(new AclBinding(topics, new AccessControlEntry(principal, "*", AclOperation.DESCRIBE, AclPermissionType.ALLOW)));
                acls.add(new AclBinding(new ResourcePattern(ResourceType.GROUP, "partner-" + depot, PatternType.PREFIXED),
                        new AccessControlEntry(principal, "*", AclOperation.READ, AclPermissionType.ALLOW)));
            }
            admin.createAcls(acls).all().get();
        }
        try (KafkaProducer<String, String> platform = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, "127.0.0.1:" + internalPort,
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class))) {
            platform.send(new ProducerRecord<>(Topics.partnerTopic(DEPOT_A), "repair-a", "for " + DEPOT_A)).get();
            platform.send(new ProducerRecord<>(Topics.partnerTopic(DEPOT_B), "repair-b", "for " + DEPOT_B)).get();
        }
    }

    @AfterAll
    static void stopBroker() throws InterruptedException {
        if (broker != null) {
            broker.destroy();
            if (!broker.waitFor(30, TimeUnit.SECONDS)) {
                broker.destroyForcibly();
            }
        }
    }

    @Test
    void aPartnerReadsItsOwnTopic() {
        try (KafkaConsumer<String, String> consumer = partnerConsumer(DEPOT_A, PASSWORDS.get(DEPOT_A), "partner-" + DEPOT_A + "-app")) {
            consumer.subscribe(List.of(Topics.partnerTopic(DEPOT_A)));
            List<ConsumerRecord<String, String>> records = new ArrayList<>();
            long deadline = System.nanoTime() + TIMEOUT.toNanos();
            while (records.isEmpty() && System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(500)).forEach(records::add);
            }
            assertThat(records).extracting(ConsumerRecord::value).containsExactly("for " + DEPOT_A);
        }
    }

    @Test
    void aPartnerCannotReadAnotherPartnersTopic() {
        try (KafkaConsumer<String, String> consumer = partnerConsumer(DEPOT_A, PASSWORDS.get(DEPOT_A), "partner-" + DEPOT_A + "-snoop")) {
            consumer.subscribe(List.of(Topics.partnerTopic(DEPOT_B)));
            assertThatThrownBy(() -> pollUntilFailure(consumer)).isInstanceOf(TopicAuthorizationException.class)
                    .hasMessageContaining(Topics.partnerTopic(DEPOT_B));
        }
        try (KafkaConsumer<String, String> consumer = partnerConsumer(DEPOT_A, PASSWORDS.get(DEPOT_A), "partner-" + DEPOT_A + "-platform")) {
            consumer.subscribe(List.of(Topics.RETURNS));
            assertThatThrownBy(() -> pollUntilFailure(consumer)).as("nor the platform's own topics")
                    .isInstanceOf(TopicAuthorizationException.class);
        }
    }

    @Test
    void aPartnerUsesOnlyItsOwnConsumerGroupsAndCannotWrite() {
        try (KafkaConsumer<String, String> consumer = partnerConsumer(DEPOT_A, PASSWORDS.get(DEPOT_A), "partner-" + DEPOT_B + "-app")) {
            consumer.subscribe(List.of(Topics.partnerTopic(DEPOT_A)));
            assertThatThrownBy(() -> pollUntilFailure(consumer)).isInstanceOf(GroupAuthorizationException.class);
        }
        Map<String, Object> producerConfig = new java.util.HashMap<>(sasl(DEPOT_A, PASSWORDS.get(DEPOT_A)));
        producerConfig.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        producerConfig.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        producerConfig.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 10_000);
        // Not idempotent: that would ask for a cluster permission first; this asks the topic ACL itself.
        producerConfig.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, false);
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(producerConfig)) {
            assertThatThrownBy(() -> producer.send(new ProducerRecord<>(Topics.partnerTopic(DEPOT_A), "k", "forged")).get())
                    .hasCauseInstanceOf(TopicAuthorizationException.class);
        }
    }

    @Test
    void aWrongPasswordIsRefused() {
        try (KafkaConsumer<String, String> consumer = partnerConsumer(DEPOT_A, "guessed", "partner-" + DEPOT_A + "-app")) {
            consumer.subscribe(List.of(Topics.partnerTopic(DEPOT_A)));
            assertThatThrownBy(() -> pollUntilFailure(consumer)).isInstanceOf(SaslAuthenticationException.class);
        }
    }

    private static void pollUntilFailure(KafkaConsumer<String, String> consumer) {
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            if (!consumer.poll(Duration.ofMillis(500)).isEmpty()) {
                throw new AssertionError("records were delivered");
            }
        }
        throw new AssertionError("no authorization failure within " + TIMEOUT);
    }

    private static KafkaConsumer<String, String> partnerConsumer(String depot, String password, String group) {
        Map<String, Object> config = new java.util.HashMap<>(sasl(depot, password));
        config.put(ConsumerConfig.GROUP_ID_CONFIG, group);
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        return new KafkaConsumer<>(config);
    }

    private static Map<String, Object> sasl(String depot, String password) {
        return Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, "127.0.0.1:" + partnerPort,
                "security.protocol", "SASL_PLAINTEXT",
                "sasl.mechanism", "SCRAM-SHA-512",
                "sasl.jaas.config", "org.apache.kafka.common.security.scram.ScramLoginModule required username=\"partner-"
                        + depot + "\" password=\"" + password + "\";");
    }

    private static ProcessBuilder java(List<String> arguments) {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path")));
        command.addAll(arguments);
        return new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(dir.resolve("broker.log").toFile()));
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
