package com.aftersales.bench.feedback;

import com.aftersales.bench.BenchContext;
import com.aftersales.bench.BenchResult;
import com.aftersales.bench.Benchmark;
import com.aftersales.bench.JfrProfiles;
import com.aftersales.bench.platform.SharedPlatform;
import com.aftersales.contracts.EventCodec;
import com.aftersales.contracts.EventEnvelope;
import com.aftersales.contracts.EventType;
import com.aftersales.contracts.Topics;
import com.aftersales.contracts.dispatch.DispatchEvents;
import com.aftersales.contracts.dispatch.TechnicianAssigned;
import com.aftersales.contracts.dispatch.VisitCompleted;
import com.aftersales.contracts.ticket.TicketEvents;
import com.aftersales.contracts.ticket.TicketOpened;
import com.aftersales.contracts.ticket.TicketStatusChanged;
import com.aftersales.launcher.EmbeddedPlatform;
import com.aftersales.launcher.PlatformService;
import com.aftersales.launcher.ServiceProcess;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Future;

/**
 * KPIs at one million tickets, on feedback-service of the embedded platform (its own database and schema, its
 * KPI projection consuming live):
 * <ul>
 *   <li>Read side: fills {@code kpi_ticket} with one million tickets over a year (500 technicians, 60 models,
 *       40 regions, 300 stores), derives {@code kpi_daily} and {@code kpi_monthly} from them as the projection
 *       would, and times {@code GET /api/kpis} over HTTP (straight to feedback-service) against the baseline of
 *       aggregating the facts table on each query (SQL only).</li>
 *   <li>Write side: publishes a backlog of tickets' events (opened, assigned, visit completed, resolved) to the
 *       real broker and times the live projection applying them, against a plain consumer reading the same records
 *       (what consuming alone costs).</li>
 * </ul>
 */
public final class KpiQueryBenchmark implements Benchmark {

    static final String NAME = "kpi-query";
    static final int WARMUP = 3;
    static final int RUNS = 15;
    /** How often the benchmark looks whether the backlog is applied (bounds the error of the end time). */
    static final long BACKLOG_POLL_MS = 20;
    /** The profile of the restarted feedback-service (with BENCH_JFR_DIR): {@code <dir>/feedback-catch-up.jfr}. */
    static final String PROFILE = "feedback-catch-up";
    static final String TECHNICIAN_YEAR = "groupBy=technician&from=2025-11-01&to=2026-10-31&granularity=month";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public List<BenchResult> run(BenchContext context) throws Exception {
        EmbeddedPlatform platform = SharedPlatform.get(context);
        int tickets = context.quick() ? 100_000 : 1_000_000;
        int ingestTickets = context.quick() ? 500 : 2_000;
        List<BenchResult> results = new ArrayList<>(queries(platform, tickets));
        results.add(projection(platform, ingestTickets));
        return results;
    }

    private List<BenchResult> queries(EmbeddedPlatform platform, int tickets) throws Exception {
        try (Connection jdbc = DriverManager.getConnection(platform.jdbcUrl("feedback"), "feedback", "feedback")) {
            long loadStart = System.nanoTime();
            load(jdbc, tickets);
            double loadSeconds = (System.nanoTime() - loadStart) / 1e9;
            long dailyRows = single(jdbc, "select count(*) from kpi_daily");
            System.out.printf(Locale.ROOT, "loaded %d tickets, %d kpi_daily rows in %.1f s%n", tickets, dailyRows, loadSeconds);

            HttpClient http = HttpClient.newHttpClient();
            String feedback = platform.serviceUrl(PlatformService.FEEDBACK);
            Map<String, Double> medians = new HashMap<>();
            for (String query : List.of(TECHNICIAN_YEAR,
                    "groupBy=model&from=2026-10-01&to=2026-10-31&granularity=day",
                    "groupBy=store&from=2025-11-01&to=2026-10-31&granularity=week",
                    "groupBy=technician&from=2025-11-15&to=2026-10-31&granularity=month",
                    "from=2025-11-01&to=2026-10-31&granularity=month")) {
                HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(feedback + "/api/kpis?" + query));
                SharedPlatform.bearer("SUPERVISOR").ifPresent(token -> request.header("Authorization", "Bearer " + token));
                double median = medianMillis(() -> {
                    HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
                    if (response.statusCode() != 200) {
                        throw new IllegalStateException("GET /api/kpis?" + query + " -> " + response.statusCode() + " " + response.body());
                    }
                });
                medians.put(query, median);
                System.out.printf(Locale.ROOT, "GET /api/kpis?%s  median %.1f ms over %d runs%n", query, median, RUNS);
            }
            // The honest floor of the HTTP figure: the service's own statement (every measure summed), every column read.
            String serviceSql = serviceStatement(jdbc);
            double sqlOnly = medianMillis(() -> readFully(jdbc, serviceSql));
            HttpRequest.Builder year = HttpRequest.newBuilder(URI.create(feedback + "/api/kpis?" + TECHNICIAN_YEAR));
            SharedPlatform.bearer("SUPERVISOR").ifPresent(token -> year.header("Authorization", "Bearer " + token));
            int[] bytes = new int[2];
            double rawBytes = medianMillis(() -> bytes[0] = http.send(year.build(), HttpResponse.BodyHandlers.ofByteArray()).body().length);
            HttpRequest.Builder gzip = year.copy().header("Accept-Encoding", "gzip");
            double gzipped = medianMillis(() -> bytes[1] = http.send(gzip.build(), HttpResponse.BodyHandlers.ofByteArray()).body().length);
            System.out.printf(Locale.ROOT, "GET /api/kpis?%s: %d bytes, median %.1f ms read as bytes (not decoded); with Accept-Encoding: gzip "
                    + "%d bytes on the wire, %.1f ms (not inflated); the service's SQL read fully over JDBC %.1f ms%n",
                    TECHNICIAN_YEAR, bytes[0], rawBytes, bytes[1], gzipped, sqlOnly);
            double baseline = medianMillis(() -> rows(jdbc, """
                    select date_trunc('month', opened_at at time zone 'Asia/Shanghai'), technician_id, count(*),
                           avg(extract(epoch from resolved_at - opened_at)), avg(case when first_time_fix then 1 else 0 end), avg(csat)
                    from kpi_ticket where opened_at >= timestamptz '2025-11-01 00:00:00+08' and opened_at < timestamptz '2026-11-01 00:00:00+08'
                    group by 1, 2"""));
            System.out.printf(Locale.ROOT, "baseline from kpi_ticket %.1f ms%n", baseline);
            String scale = tickets / 1_000 + "k tickets";
            return List.of(
                    new BenchResult(NAME, "technician x month, HTTP, " + scale, medians.get(TECHNICIAN_YEAR), "ms",
                            "aggregate kpi_ticket per query", baseline, true),
                    new BenchResult(NAME, "technician x month, HTTP vs its SQL, " + scale, medians.get(TECHNICIAN_YEAR), "ms",
                            "the service's SQL read over JDBC", sqlOnly, true));
        }
    }

    /** One million tickets' facts and the day and month roll-ups the projection keeps (same arithmetic as its deltas). */
    private static void load(Connection jdbc, int tickets) throws SQLException {
        try (PreparedStatement facts = jdbc.prepareStatement("""
                insert into kpi_ticket (ticket_id, opened_at, ticket_type, model, region_code, store_code, technician_id,
                                        resolved_at, first_time_fix, cost_minor, csat)
                select gen_random_uuid(), ts, 'REPAIR', 'BM-' || (i % 60), 'R' || (i % 40), 'S' || (i % 300), 'T' || (i % 500),
                       ts + make_interval(hours => 2 + i % 40), i % 5 <> 0, 5000 + i % 20000, 1 + i % 5
                from (select i, timestamptz '2025-11-01 00:00:00+08' + make_interval(secs => (i::bigint * 31536000 / ?)) as ts
                      from generate_series(1, ?) i) g""")) {
            facts.setInt(1, tickets);
            facts.setInt(2, tickets);
            facts.executeUpdate();
        }
        try (Statement statement = jdbc.createStatement()) {
            for (String dim : List.of("technician_id:technician", "model:model", "region_code:region", "store_code:store")) {
                String[] d = dim.split(":");
                statement.executeUpdate("""
                        insert into kpi_daily (day, dimension, dim_value, tickets, resolve_n, resolve_s, ftf_n, ftf_yes, csat_n, csat_sum,
                                               cost_n, cost_minor)
                        select (opened_at at time zone 'Asia/Shanghai')::date, '%s', %s, count(*), count(resolved_at),
                               sum(extract(epoch from resolved_at - opened_at))::bigint, count(first_time_fix),
                               count(*) filter (where first_time_fix), count(csat), sum(csat), count(cost_minor), sum(cost_minor)
                        from kpi_ticket where ticket_type = 'REPAIR' and model like 'BM-%%' group by 1, 3
                        on conflict do nothing""".formatted(d[1], d[0]));
            }
            String columns = "tickets, resolve_n, resolve_s, ftf_n, ftf_yes, csat_n, csat_sum, cost_n, cost_minor";
            statement.executeUpdate("insert into kpi_monthly (day, dimension, dim_value, " + columns + ") select date_trunc('month', day)::date, "
                    + "dimension, dim_value, " + String.join(", ", Arrays.stream(columns.split(", ")).map(c -> "sum(" + c + ")").toList())
                    + " from kpi_daily group by 1, 2, 3 on conflict do nothing");
            statement.execute("analyze kpi_monthly");
            statement.execute("analyze kpi_daily");
            statement.execute("analyze kpi_ticket");
        }
    }

    /**
     * Write side: a backlog after an outage. feedback-service is stopped (gracefully), the events are published, the
     * service is started again and its KPI projection catches up from its committed offsets; timed from the start of
     * the first transaction that applied a backlog event to the commit of the last (processed_event, same database
     * clock), so the service's start-up is not counted. Baseline: a plain consumer reading the same records from the
     * topics with Kafka's default poll size (500; the service's KPI listener polls aftersales.feedback.kpis.listener.max-poll-records).
     */
    private BenchResult projection(EmbeddedPlatform platform, int ingestTickets) throws Exception {
        List<EventEnvelope<?>> events = ticketEvents(ingestTickets);
        EventCodec codec = new EventCodec();
        Map<String, Long> startOffsets = endOffsets(platform, List.of(Topics.TICKETS, Topics.DISPATCH));
        platform.stopService(PlatformService.FEEDBACK);
        long publishStart = System.nanoTime();
        // The last event written to each partition: the projection applies a partition in offset order, so once these
        // are marked the backlog is (checked in full once they are).
        Map<String, RecordMetadata> lastOfPartition = new HashMap<>();
        Map<String, UUID> lastEventOfPartition = new HashMap<>();
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of("bootstrap.servers", platform.kafkaBootstrapServers(),
                "linger.ms", "5"), new StringSerializer(), new ByteArraySerializer())) {
            List<Future<RecordMetadata>> sent = new ArrayList<>(events.size());
            for (EventEnvelope<?> event : events) {
                sent.add(producer.send(new ProducerRecord<>(event.type().topic(), event.subject(), codec.encode(event))));
            }
            producer.flush();
            for (int i = 0; i < events.size(); i++) {
                RecordMetadata written = sent.get(i).get();
                String partition = written.topic() + "-" + written.partition();
                RecordMetadata last = lastOfPartition.get(partition);
                if (last == null || written.offset() > last.offset()) {
                    lastOfPartition.put(partition, written);
                    lastEventOfPartition.put(partition, events.get(i).id());
                }
            }
        }
        double publishSeconds = (System.nanoTime() - publishStart) / 1e9;
        // With BENCH_JFR_DIR, the restarted JVM is profiled from its start to the end of the catch-up.
        Optional<String> profile = JfrProfiles.fromStartOptions(PROFILE);
        String extraOptions = ServiceProcess.EXTRA_JVM_OPTS_PROPERTY_PREFIX + PlatformService.FEEDBACK.module();
        profile.ifPresent(option -> System.setProperty(extraOptions, option));
        long restartStart = System.nanoTime();
        try {
            platform.instances(PlatformService.FEEDBACK).forEach(platform::restart);
        } finally {
            System.clearProperty(extraOptions);
        }
        double restartSeconds = (System.nanoTime() - restartStart) / 1e9;
        CatchUpDiagnostics diagnostics = CatchUpDiagnostics.enabled() ? new CatchUpDiagnostics(platform.jdbcUrl("feedback"),
                platform.superuser(), platform.superuserPassword(), platform.pid(PlatformService.FEEDBACK)) : null;
        UUID[] ids = events.stream().map(EventEnvelope::id).toArray(UUID[]::new);
        double seconds;
        long appliedAtReady;
        double secondsAtReady;
        try (Connection jdbc = DriverManager.getConnection(platform.jdbcUrl("feedback"), "feedback", "feedback");
             PreparedStatement applied = jdbc.prepareStatement("""
                     select count(*), coalesce(extract(epoch from clock_timestamp() - min(processed_at)), 0) from processed_event
                     where consumer = 'feedback-service.kpi' and event_id = any(?)""")) {
            applied.setArray(1, jdbc.createArrayOf("uuid", ids));
            // The listener starts consuming before the service is ready: how much of the catch-up overlapped start-up.
            try (ResultSet rs = applied.executeQuery()) {
                rs.next();
                appliedAtReady = rs.getLong(1);
                secondsAtReady = rs.getDouble(2);
            }
            // Polled every 20 ms: only the partitions' last events (a few index lookups), not the whole backlog, whose
            // count took ~10 ms of the database's CPU a time (pg_stat_statements), taken from the catch-up it timed.
            long deadline = System.nanoTime() + Duration.ofMinutes(10).toNanos();
            UUID[] lasts = lastEventOfPartition.values().toArray(UUID[]::new);
            try (PreparedStatement lastApplied = jdbc.prepareStatement("""
                    select count(*), extract(epoch from clock_timestamp()) from processed_event
                    where consumer = 'feedback-service.kpi' and event_id = any(?)""");
                 PreparedStatement firstApplied = jdbc.prepareStatement("""
                         select count(*), extract(epoch from min(processed_at)) from processed_event
                         where consumer = 'feedback-service.kpi' and event_id = any(?)""")) {
                lastApplied.setArray(1, jdbc.createArrayOf("uuid", lasts));
                firstApplied.setArray(1, jdbc.createArrayOf("uuid", ids));
                while (true) {
                    double seenAt = Double.NaN;
                    try (ResultSet rs = lastApplied.executeQuery()) {
                        rs.next();
                        if (rs.getLong(1) == lasts.length) {
                            seenAt = rs.getDouble(2);
                        }
                    }
                    if (!Double.isNaN(seenAt)) {
                        try (ResultSet rs = firstApplied.executeQuery()) {
                            rs.next();
                            if (rs.getLong(1) == events.size()) {
                                seconds = seenAt - rs.getDouble(2);
                                break;
                            }
                        }
                    }
                    if (System.nanoTime() > deadline) {
                        throw new IllegalStateException("the KPI projection did not apply the backlog within 10 minutes");
                    }
                    Thread.sleep(BACKLOG_POLL_MS);
                }
            }
            if (diagnostics != null) {
                diagnostics.close();
            }
            printTransactions(jdbc, ids);
            if (profile.isPresent()) {
                JfrProfiles.jfr("stop", Map.of(PROFILE, platform.pid(PlatformService.FEEDBACK)));
                try (PreparedStatement window = jdbc.prepareStatement("""
                        select extract(epoch from min(processed_at)), extract(epoch from max(processed_at)) from processed_event
                        where consumer = 'feedback-service.kpi' and event_id = any(?)""")) {
                    window.setArray(1, jdbc.createArrayOf("uuid", ids));
                    try (ResultSet rs = window.executeQuery()) {
                        rs.next();
                        System.out.printf(Locale.ROOT, "profiled catch-up: first KPI transaction began at epoch %.3f, last at %.3f%n",
                                rs.getDouble(1), rs.getDouble(2));
                    }
                }
            }
            if (single(jdbc, "select coalesce(sum(tickets), 0) from kpi_daily where dimension = 'model' and dim_value like 'TP-%'") < ingestTickets) {
                throw new IllegalStateException("the backlog's events are marked processed but their tickets are not all counted");
            }
        }
        double rawSeconds = readBack(platform, startOffsets, events.size());
        System.out.printf(Locale.ROOT, "KPI projection: %d events (%d tickets) published in %.1f s while feedback-service was stopped; "
                        + "restarted in %.1f s (by then %d applied, in %.2f s from the first transaction); applied in %.2f s from its "
                        + "first transaction = %.0f events/s; a plain consumer reads them in %.3f s%n", events.size(), ingestTickets,
                publishSeconds, restartSeconds, appliedAtReady, secondsAtReady, seconds, events.size() / seconds, rawSeconds);
        return new BenchResult(NAME, "KPI projection, backlog of " + events.size() + " after an outage", events.size() / seconds, "events/s",
                "plain consumer, same records", events.size() / rawSeconds, false);
    }

    /**
     * How the backlog was applied: its KPI transactions (one per poll, unless a batch fell back to one record per
     * transaction) and the events in each, told apart by their markers' {@code processed_at}, the transaction's start.
     */
    private static void printTransactions(Connection jdbc, UUID[] ids) throws SQLException {
        try (PreparedStatement transactions = jdbc.prepareStatement("""
                select count(*), min(n), percentile_disc(0.5) within group (order by n), max(n),
                       string_agg(n::text, ' ' order by started)
                from (select processed_at as started, count(*) as n from processed_event
                      where consumer = 'feedback-service.kpi' and event_id = any(?) group by processed_at) t""")) {
            transactions.setArray(1, jdbc.createArrayOf("uuid", ids));
            try (ResultSet rs = transactions.executeQuery()) {
                rs.next();
                System.out.printf(Locale.ROOT, "KPI projection: the backlog in %d transactions of %d / %d / %d events (min / median / max);"
                        + " in order: %s%n", rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getString(5));
            }
        }
    }

    private static List<EventEnvelope<?>> ticketEvents(int count) {
        List<EventEnvelope<?>> events = new ArrayList<>();
        Instant t = Instant.parse("2026-06-01T01:00:00Z");
        for (int i = 0; i < count; i++) {
            UUID ticket = UUID.randomUUID();
            UUID tech = UUID.randomUUID();
            events.add(event("ticket-service", TicketEvents.TICKET_OPENED, ticket, new TicketOpened(ticket, UUID.randomUUID(), "SN" + i,
                    "TP-" + (i % 20), "REPAIR", "PHONE", "NORMAL", "COOLING", "x", t.plusSeconds(i))));
            events.add(event("dispatch-service", DispatchEvents.TECHNICIAN_ASSIGNED, ticket, new TechnicianAssigned(UUID.randomUUID(), ticket,
                    tech, "t", "AUTO", "system", 1.0, "x", t.plusSeconds(i + 600))));
            events.add(event("dispatch-service", DispatchEvents.VISIT_COMPLETED, ticket, new VisitCompleted(UUID.randomUUID(), UUID.randomUUID(),
                    ticket, tech, "COMPLETED", UUID.randomUUID(), 1, "c", "f", "COOLING", "E1", "F1", true, 30, List.of(), "IN_WARRANTY",
                    BigDecimal.TEN, BigDecimal.ZERO, "CNY", t.plusSeconds(i + 7200))));
            events.add(event("ticket-service", TicketEvents.TICKET_STATUS_CHANGED, ticket, new TicketStatusChanged(ticket, "IN_PROGRESS",
                    "RESOLVED", "tech", "done", t.plusSeconds(i + 7200))));
        }
        return events;
    }

    private static <T> EventEnvelope<T> event(String service, EventType<T> type, UUID subject, T data) {
        return new EventEnvelope<>(UUID.randomUUID(), URI.create("/aftersales/" + service), type, OffsetDateTime.now(ZoneOffset.UTC),
                subject.toString(), null, data);
    }

    private static Map<String, Long> endOffsets(EmbeddedPlatform platform, List<String> topics) {
        try (KafkaConsumer<String, byte[]> consumer = consumer(platform)) {
            List<TopicPartition> partitions = partitions(consumer, topics);
            Map<String, Long> offsets = new HashMap<>();
            consumer.endOffsets(partitions).forEach((p, o) -> offsets.put(p.toString(), o));
            return offsets;
        }
    }

    /** Seconds a plain consumer takes to read {@code count} records from the given offsets on. */
    private static double readBack(EmbeddedPlatform platform, Map<String, Long> from, int count) {
        try (KafkaConsumer<String, byte[]> consumer = consumer(platform)) {
            List<TopicPartition> partitions = partitions(consumer, List.of(Topics.TICKETS, Topics.DISPATCH));
            consumer.assign(partitions);
            partitions.forEach(p -> consumer.seek(p, from.get(p.toString())));
            long start = System.nanoTime();
            int read = 0;
            while (read < count) {
                for (ConsumerRecord<String, byte[]> ignored : consumer.poll(Duration.ofMillis(200))) {
                    read++;
                }
            }
            return (System.nanoTime() - start) / 1e9;
        }
    }

    private static KafkaConsumer<String, byte[]> consumer(EmbeddedPlatform platform) {
        return new KafkaConsumer<>(Map.of("bootstrap.servers", platform.kafkaBootstrapServers(), "enable.auto.commit", "false",
                "max.poll.records", "500"), new StringDeserializer(), new ByteArrayDeserializer());
    }

    private static List<TopicPartition> partitions(KafkaConsumer<String, byte[]> consumer, List<String> topics) {
        List<TopicPartition> partitions = new ArrayList<>();
        for (String topic : topics) {
            consumer.partitionsFor(topic).forEach(p -> partitions.add(new TopicPartition(topic, p.partition())));
        }
        return partitions;
    }

    /**
     * KpiQuery's statement for technician x month over whole months, built from the roll-up's measure columns as the
     * service builds it from its measures: every measure summed, grouped and ordered the same way.
     */
    private static String serviceStatement(Connection jdbc) throws SQLException {
        List<String> sums = new ArrayList<>();
        try (PreparedStatement columns = jdbc.prepareStatement("""
                select column_name from information_schema.columns where table_name = 'kpi_monthly'
                and column_name not in ('day', 'dimension', 'dim_value') order by ordinal_position""");
             ResultSet rs = columns.executeQuery()) {
            while (rs.next()) {
                sums.add("sum(" + rs.getString(1) + ")::bigint");
            }
        }
        return "select date_trunc('month', day)::date, dim_value, " + String.join(", ", sums) + " from kpi_monthly"
                + " where dimension = 'technician' and day between date '2025-11-01' and date '2026-10-31' group by 1, 2 order by 1, 2";
    }

    /** Runs a statement and reads every column of every row, as the service's row mapper does. */
    private static int readFully(Connection jdbc, String sql) throws SQLException {
        int n = 0;
        try (Statement statement = jdbc.createStatement(); ResultSet rs = statement.executeQuery(sql)) {
            int columns = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                rs.getObject(1, java.time.LocalDate.class);
                rs.getString(2);
                for (int c = 3; c <= columns; c++) {
                    rs.getLong(c);
                }
                n++;
            }
        }
        return n;
    }

    private static long single(Connection jdbc, String sql) throws SQLException {
        try (Statement statement = jdbc.createStatement(); ResultSet rs = statement.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static int rows(Connection jdbc, String sql) throws SQLException {
        int n = 0;
        try (Statement statement = jdbc.createStatement(); ResultSet rs = statement.executeQuery(sql)) {
            while (rs.next()) {
                n++;
            }
        }
        return n;
    }

    interface Timed {
        void run() throws Exception;
    }

    private static double medianMillis(Timed query) throws Exception {
        for (int i = 0; i < WARMUP; i++) {
            query.run();
        }
        double[] times = new double[RUNS];
        for (int i = 0; i < RUNS; i++) {
            long start = System.nanoTime();
            query.run();
            times[i] = (System.nanoTime() - start) / 1e6;
        }
        Arrays.sort(times);
        return times[RUNS / 2];
    }
}
