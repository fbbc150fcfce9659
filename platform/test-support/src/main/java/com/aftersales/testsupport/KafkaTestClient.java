package com.aftersales.testsupport;

import com.aftersales.contracts.EventCodec;
import com.aftersales.contracts.EventEnvelope;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;

import static org.awaitility.Awaitility.await;

/** Produces and reads events on a real broker the way a partner or another service would. */
public final class KafkaTestClient implements AutoCloseable {

    private static final Duration SETTLE = Duration.ofMillis(500);

    private final String bootstrapServers;
    private final KafkaProducer<String, byte[]> producer;
    private final EventCodec codec = new EventCodec();

    public KafkaTestClient(String bootstrapServers) {
        this.bootstrapServers = bootstrapServers;
        this.producer = new KafkaProducer<>(Map.of("bootstrap.servers", bootstrapServers),
                new StringSerializer(), new ByteArraySerializer());
    }

    /** A client on the shared test broker of {@link TestInfrastructure}. */
    public static KafkaTestClient onTestBroker() {
        return new KafkaTestClient(TestInfrastructure.kafkaBootstrapServers());
    }

    /** Publishes an event as its producer would: CloudEvents JSON on its topic, keyed by the subject. */
    public void publish(EventEnvelope<?> event) {
        send(event.type().topic(), event.subject(), codec.encode(event));
    }

    public void send(String topic, String key, byte[] value) {
        try {
            producer.send(new ProducerRecord<>(topic, key, value)).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("send to " + topic + " failed", e.getCause());
        }
    }

    /**
     * Reads {@code topic} from the beginning until at least {@code expected} records with {@code key}
     * arrived (or the timeout passes), then briefly more, so that an unexpected extra record shows.
     */
    public List<ConsumerRecord<String, byte[]>> records(String topic, String key, int expected, Duration timeout) {
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of(
                "bootstrap.servers", bootstrapServers,
                "group.id", "test-reader-" + UUID.randomUUID(),
                "auto.offset.reset", "earliest"), new StringDeserializer(), new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(topic));
            List<ConsumerRecord<String, byte[]>> found = new ArrayList<>();
            await().atMost(timeout).until(() -> {
                collect(consumer, key, found, Duration.ofMillis(200));
                return found.size() >= expected;
            });
            collect(consumer, key, found, SETTLE);
            return found;
        }
    }

    /** The events with {@code key} on {@code topic}, decoded and contract-checked. */
    public List<EventEnvelope<?>> events(String topic, String key, int expected, Duration timeout) {
        List<EventEnvelope<?>> events = new ArrayList<>();
        for (ConsumerRecord<String, byte[]> record : records(topic, key, expected, timeout)) {
            codec.decode(record.value()).ifPresent(events::add);
        }
        return events;
    }

    private static void collect(KafkaConsumer<String, byte[]> consumer, String key,
                                List<ConsumerRecord<String, byte[]>> into, Duration poll) {
        for (ConsumerRecord<String, byte[]> record : consumer.poll(poll)) {
            if (key.equals(record.key())) {
                into.add(record);
            }
        }
    }

    @Override
    public void close() {
        producer.close();
    }
}
