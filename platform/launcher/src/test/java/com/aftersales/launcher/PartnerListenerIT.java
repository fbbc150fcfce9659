package com.aftersales.launcher;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.GroupAuthorizationException;
import org.apache.kafka.common.errors.SaslAuthenticationException;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The embedded broker's PARTNER listener as compose has it: SASL/SCRAM-SHA-512, each partner depot limited by prefixed
 * ACLs to its own topics and consumer groups; the services' PLAINTEXT listener unchanged.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PartnerListenerIT {

    private static final String OWN = "aftersales.partner.sh-partner-01.v1";
    private static final String OTHER = "aftersales.partner.sh-partner-02.v1";
    private static final String PASSWORD = "s3cret-partner-01";

    @TempDir
    static Path dataDir;
    private KafkaBroker kafka;
    private int partnerPort;

    @BeforeAll
    void start() throws Exception {
        List<Integer> ports = Ports.free(3);
        partnerPort = ports.get(2);
        kafka = KafkaBroker.start(dataDir.resolve("kafka"), ports.get(0), ports.get(1), partnerPort, dataDir.resolve("logs/kafka.log"));
        kafka.ensureTopics(List.of(OWN, OTHER), 1);
        kafka.grantPartner("sh-partner-01", PASSWORD);
        kafka.grantPartner("sh-partner-01", PASSWORD);
        Properties properties = new Properties();
        properties.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
        properties.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        properties.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        // The services publish on the PLAINTEXT listener as before (the unauthenticated super user).
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(properties)) {
            producer.send(new ProducerRecord<>(OWN, "repair-1", "{\"status\":\"RECEIVED\"}")).get();
            producer.send(new ProducerRecord<>(OTHER, "repair-2", "{\"status\":\"RECEIVED\"}")).get();
        }
    }

    @AfterAll
    void stop() {
        if (kafka != null) {
            kafka.close();
        }
    }

    @Test
    void aPartnerReadsItsOwnTopicWithItsOwnLogin() {
        List<ConsumerRecord<String, String>> read = read(login("partner-sh-partner-01", PASSWORD, "partner-sh-partner-01-example"), OWN);
        assertThat(read).extracting(ConsumerRecord::key).containsExactly("repair-1");
    }

    @Test
    void anotherDepotsTopicIsRefused() {
        assertThatThrownBy(() -> read(login("partner-sh-partner-01", PASSWORD, "partner-sh-partner-01-example"), OTHER))
                .isInstanceOf(TopicAuthorizationException.class);
    }

    @Test
    void aGroupOutsideItsPrefixIsRefused() {
        assertThatThrownBy(() -> read(login("partner-sh-partner-01", PASSWORD, "feedback-service"), OWN))
                .isInstanceOf(GroupAuthorizationException.class);
    }

    @Test
    void aWrongPasswordIsRefused() {
        assertThatThrownBy(() -> read(login("partner-sh-partner-01", "guess", "partner-sh-partner-01-example"), OWN))
                .isInstanceOf(SaslAuthenticationException.class);
    }

    private Properties login(String user, String password, String group) {
        Properties properties = new Properties();
        properties.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaBroker.bootstrapServers(partnerPort));
        properties.put("security.protocol", "SASL_PLAINTEXT");
        properties.put("sasl.mechanism", KafkaBroker.PARTNER_MECHANISM);
        properties.put("sasl.jaas.config", "org.apache.kafka.common.security.scram.ScramLoginModule required username=\""
                + user + "\" password=\"" + password + "\";");
        properties.put(ConsumerConfig.GROUP_ID_CONFIG, group);
        properties.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        return properties;
    }

    private static List<ConsumerRecord<String, String>> read(Properties properties, String topic) {
        List<ConsumerRecord<String, String>> read = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(properties, new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of(topic));
            long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            while (read.isEmpty() && System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(500)).forEach(read::add);
            }
        }
        return read;
    }
}
