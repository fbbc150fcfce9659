package com.aftersales.bench.platform;

import com.aftersales.bench.BenchContext;
import com.aftersales.bench.BenchResult;
import com.aftersales.bench.Benchmark;
import com.aftersales.bench.JfrProfiles;
import com.aftersales.launcher.EmbeddedPlatform;
import com.aftersales.launcher.PlatformService;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * End-to-end event latency on the embedded platform: a ticket opened at the gateway until dispatch-service has
 * assigned a technician, measured from the events' own timestamps ({@code time} of
 * {@code aftersales.ticket.opened.v1} to {@code time} of {@code aftersales.dispatch.technician-assigned.v1}): the
 * ticket outbox relay, the broker, dispatch's idempotent intake and the assignment engine. The baseline is a raw
 * Kafka round trip on the same broker: one record produced (acks=all) and consumed by a plain consumer in this JVM.
 * Tickets are opened one after another, so the figure is latency, not queueing.
 */
public final class EventLatencyBenchmark implements Benchmark {

    static final String NAME = "event-latency";
    static final String ROUND_TRIP_TOPIC = "bench.round-trip";
    static final int TECHNICIANS = 20;
    private static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*\"([0-9a-fA-F-]{36})\"");

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public List<BenchResult> run(BenchContext context) throws Exception {
        EmbeddedPlatform platform = SharedPlatform.get(context);
        int tickets = context.quick() ? 40 : 200;
        String gateway = platform.gatewayUrl();
        String customer = setUp(gateway);
        Map<String, Long> profiled = Map.of(PlatformService.TICKET.module(), platform.pid(PlatformService.TICKET),
                PlatformService.DISPATCH.module(), platform.pid(PlatformService.DISPATCH));
        JfrProfiles.jfr("start", profiled);
        List<String> opened = new ArrayList<>();
        Map<String, Instant> responded = new HashMap<>();
        for (int i = 0; i < tickets; i++) {
            String serial = "EL-" + context.seed() + "-" + i;
            post(gateway + "/api/customers/" + customer + "/products", "STORE", """
                    {"serialNumber":"%s","model":"KFR-35GW/BpR3","category":"AIR_CONDITIONER","batchNumber":"2026W30","purchaseDate":"%s",
                     "storeCode":"SH-XH-003","priceType":"REGULAR","warrantyCardPresent":true}""".formatted(serial, LocalDate.now().minusMonths(2)));
            String ticket = post(gateway + "/api/tickets", "AGENT", """
                    {"customerId":"%s","serialNumber":"%s","model":"KFR-35GW/BpR3","ticketType":"REPAIR","channel":"PHONE",
                     "priority":"NORMAL","faultCategory":"COOLING","faultDescription":"空调不制冷，室外机不转"}""".formatted(customer, serial));
            responded.put(ticket, Instant.now());
            opened.add(ticket);
        }
        double[] latencies = eventLatencies(platform, Set.copyOf(opened), responded);
        JfrProfiles.jfr("stop", profiled);
        double[] roundTrips = Arrays.stream(roundTrips(platform, tickets)).mapToDouble(micros -> micros / 1_000.0).toArray();
        System.out.printf(Locale.ROOT, "opened -> assigned over %d tickets: p50 %.1f ms, p99 %.1f ms; raw Kafka round trip p50 %.2f ms, p99 %.2f ms%n",
                latencies.length, percentile(latencies, 50), percentile(latencies, 99), percentile(roundTrips, 50), percentile(roundTrips, 99));
        return List.of(
                new BenchResult(NAME, "opened -> assigned p50", percentile(latencies, 50), "ms", "raw Kafka round trip p50",
                        percentile(roundTrips, 50), true),
                new BenchResult(NAME, "opened -> assigned p99", percentile(latencies, 99), "ms", "raw Kafka round trip p99",
                        percentile(roundTrips, 99), true));
    }

    /** A customer in Shanghai and technicians around, on duty all day, so that every ticket is assigned at once. */
    private String setUp(String gateway) throws Exception {
        String shifts = String.join(",", Arrays.stream(java.time.DayOfWeek.values())
                .map(d -> "{\"day\":\"" + d + "\",\"start\":\"00:00\",\"end\":\"23:59\"}").toList());
        for (int i = 0; i < TECHNICIANS; i++) {
            String technician = post(gateway + "/api/technicians", "SUPERVISOR", """
                    {"name":"师傅%d","skills":[{"kind":"PRODUCT_CATEGORY","code":"AIR_CONDITIONER","level":4},
                      {"kind":"FAULT_CATEGORY","code":"COOLING","level":4}],"homeLatitude":%.4f,"homeLongitude":%.4f,"serviceRadiusKm":40,
                     "calendar":{"timeZone":"Asia/Shanghai","shifts":[%s]},"maxVisitsPerDay":50}"""
                    .formatted(i, 31.20 + i * 0.005, 121.44 + i * 0.005, shifts));
            post(gateway + "/api/technicians/" + technician + "/status", "SUPERVISOR", "{\"status\":\"AVAILABLE\"}");
        }
        return post(gateway + "/api/customers", "AGENT", """
                {"name":"周晓梅","phones":["13761234567"],"tier":"B","preferredLanguage":"zh-CN","contactConsent":true,
                 "addresses":[{"line":"上海市黄浦区南京东路 300 号","regionCode":"310101","latitude":31.2363,"longitude":121.4800}]}""");
    }

    /** Milliseconds from each ticket's opened event to its technician-assigned event, waiting until all are assigned. */
    private static double[] eventLatencies(EmbeddedPlatform platform, Set<String> tickets, Map<String, Instant> responded)
            throws InterruptedException, SQLException {
        try (EventTimes times = new EventTimes(platform.kafkaBootstrapServers())) {
            long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
            times.catchUp();
            while (!times.assigned().keySet().containsAll(tickets)) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("tickets were not all assigned within 3 minutes");
                }
                Thread.sleep(200);
                times.catchUp();
            }
            printStages(platform, times, tickets, responded);
            return times.latenciesMillis(tickets);
        }
    }

    /**
     * Where the latency goes, stage by stage, from moments the platform records anyway: the opened event's time (its
     * outbox write), the ticket relay's transaction ({@code outbox_event.published_at}, PostgreSQL's transaction start),
     * the record's CreateTime (the relay's send), dispatch's inbox transaction ({@code processed_event.processed_at}),
     * the job-queued event's time and the technician-assigned event's time; and when the client had the answer to its
     * POST. Each stage's p50 / p99 on its own (they do not add up to the total's percentiles).
     */
    private static void printStages(EmbeddedPlatform platform, EventTimes times, Set<String> tickets,
                                    Map<String, Instant> responded) throws SQLException {
        Map<String, Instant> relayed = new HashMap<>();
        try (Connection db = DriverManager.getConnection(platform.jdbcUrl("ticket"), "ticket", "ticket");
             PreparedStatement select = db.prepareStatement(
                     "select message_key, published_at from outbox_event where event_type = ? and published_at is not null")) {
            select.setString(1, EventTimes.OPENED);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    relayed.put(rows.getString(1), rows.getTimestamp(2).toInstant());
                }
            }
        }
        Map<String, Instant> inbox = new HashMap<>();
        Map<java.util.UUID, String> ticketOfEvent = new HashMap<>();
        times.openedIds().forEach((ticket, id) -> ticketOfEvent.put(id, ticket));
        try (Connection db = DriverManager.getConnection(platform.jdbcUrl("dispatch"), "dispatch", "dispatch");
             PreparedStatement select = db.prepareStatement(
                     "select event_id, processed_at from processed_event where event_type = ?")) {
            select.setString(1, EventTimes.OPENED);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    String ticket = ticketOfEvent.get(rows.getObject(1, java.util.UUID.class));
                    if (ticket != null) {
                        inbox.put(ticket, rows.getTimestamp(2).toInstant());
                    }
                }
            }
        }
        stage("ticket's openedAt -> opened event written (its time)", tickets, times.openedAt(), times.opened());
        stage("opened event written -> POST answered at the client", tickets, times.opened(), responded);
        stage("opened event written -> ticket relay's transaction began", tickets, times.opened(), relayed);
        stage("ticket relay's transaction began -> record sent", tickets, relayed, times.openedSent());
        stage("record sent -> dispatch's inbox transaction began", tickets, times.openedSent(), inbox);
        stage("dispatch's inbox transaction began -> job queued", tickets, inbox, times.queued());
        stage("job queued -> technician assigned", tickets, times.queued(), times.assigned());
    }

    private static void stage(String name, Set<String> tickets, Map<String, Instant> from, Map<String, Instant> to) {
        double[] millis = EventTimes.millisBetween(tickets, from, to);
        System.out.printf(Locale.ROOT, "  stage %-60s p50 %7.1f ms, p99 %7.1f ms (%d tickets)%n", name,
                percentile(millis, 50), percentile(millis, 99), millis.length);
    }

    /** Microseconds of a produce (acks=all) and its consumption by a plain consumer, one record at a time. */
    private static long[] roundTrips(EmbeddedPlatform platform, int count) throws Exception {
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", platform.kafkaBootstrapServers()))) {
            if (!admin.listTopics().names().get().contains(ROUND_TRIP_TOPIC)) {
                admin.createTopics(List.of(new NewTopic(ROUND_TRIP_TOPIC, 1, (short) 1))).all().get();
            }
        }
        TopicPartition partition = new TopicPartition(ROUND_TRIP_TOPIC, 0);
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of("bootstrap.servers", platform.kafkaBootstrapServers(),
                "acks", "all", "linger.ms", "0"), new StringSerializer(), new ByteArraySerializer());
             KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of("bootstrap.servers", platform.kafkaBootstrapServers(),
                     "enable.auto.commit", "false", "fetch.max.wait.ms", "10"), new StringDeserializer(), new ByteArrayDeserializer())) {
            consumer.assign(List.of(partition));
            consumer.seekToEnd(List.of(partition));
            consumer.position(partition);
            byte[] payload = new byte[700];
            int warmup = 50;
            long[] nanos = new long[count];
            for (int i = -warmup; i < count; i++) {
                long start = System.nanoTime();
                producer.send(new ProducerRecord<>(ROUND_TRIP_TOPIC, "k" + i, payload)).get();
                boolean received = false;
                while (!received) {
                    received = !consumer.poll(Duration.ofMillis(100)).isEmpty();
                }
                if (i >= 0) {
                    nanos[i] = System.nanoTime() - start;
                }
            }
            return Arrays.stream(nanos).map(n -> n / 1_000).toArray();
        }
    }

    private static double percentile(double[] values, int p) {
        return EventTimes.percentile(values, p);
    }

    private String post(String url, String role, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        SharedPlatform.bearer(role).ifPresent(token -> request.header("Authorization", "Bearer " + token));
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        for (int attempt = 0; response.statusCode() == 503 && attempt < 60; attempt++) {
            // right after start-up the gateway may not have seen every backend healthy yet
            Thread.sleep(500);
            response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        }
        Matcher id = ID.matcher(response.body());
        if (response.statusCode() / 100 != 2 || !id.find()) {
            throw new IllegalStateException(url + " -> HTTP " + response.statusCode() + " " + response.body());
        }
        return id.group(1);
    }
}
