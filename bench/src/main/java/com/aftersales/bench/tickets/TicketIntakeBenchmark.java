package com.aftersales.bench.tickets;

import com.aftersales.bench.BenchContext;
import com.aftersales.bench.BenchResult;
import com.aftersales.bench.Benchmark;
import com.aftersales.devidentity.DevUser;
import com.aftersales.launcher.EmbeddedPlatform;
import com.aftersales.launcher.PlatformOptions;
import com.aftersales.launcher.PlatformService;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Ticket creation through the gateway on the whole embedded platform (real PostgreSQL with durable
 * commits, real Kafka, every service in its own JVM, as {@code ./aftersales run} starts it): throughput
 * and p50/p99 latency of {@code POST /api/tickets} for registered customers' units, with
 * {@value #CLIENTS} concurrent clients. The baseline is a raw single-row PostgreSQL INSERT loop with the
 * same number of clients on the same database server (the ticket database), so the ratio shows what the
 * service adds on top of the commit it cannot avoid (validation, lookups, entitlement, SLA clocks,
 * outbox, idempotency, gateway hop). The same requests sent straight to ticket-service, alternating with the
 * gateway rounds, show the gateway's share: p50 and p99 through the gateway over direct (same run, same load).
 * Every request says {@code "newIssue": true}: the benchmark opens many tickets on its 50 units, which rule
 * repeat-call-links-open-ticket would otherwise answer with the unit's open ticket.
 */
public final class TicketIntakeBenchmark implements Benchmark {

    static final String NAME = "ticket-intake";
    /** Two cores here: four clients keep both busy without measuring mostly queueing. */
    static final int CLIENTS = 4;
    static final int UNITS = 50;
    /** Alternating gateway/direct rounds per measurement. */
    static final int ROUNDS = 4;
    private static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*\"([0-9a-fA-F-]{36})\"");
    private static final String MODEL = "KFR-35GW/BpR3";
    private static final String[] FAULTS = {"空调不制冷，室外机不转", "开机显示 E1 故障代码，吹热风", "室内机滴水，出风口下方墙面潮湿",
            "遥控器无反应，空调开不了机", "运行时噪音很大，有异响"};

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public List<BenchResult> run(BenchContext context) throws Exception {
        int warmup = context.quick() ? 100 : 400;
        int measured = context.quick() ? 400 : 3_000;
        Path data = Files.createTempDirectory("ticket-intake-bench");
        try {
            return measure(context, data, warmup, measured);
        } finally {
            deleteRecursively(data);
        }
    }

    private List<BenchResult> measure(BenchContext context, Path data, int warmup, int measured) throws Exception {
        try (EmbeddedPlatform platform = EmbeddedPlatform.start(PlatformOptions.withFreePorts(context.projectRoot(), data))) {
            HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
            String gateway = platform.gatewayUrl();
            // One call-centre agent per client thread: each has its own rate-limit bucket, as real agents would.
            List<String> agents = new ArrayList<>();
            for (int c = 0; c < CLIENTS; c++) {
                agents.add("Bearer " + platform.mintToken(DevUser.of("bench-agent-" + c, "压测坐席 " + c, "AGENT"),
                        Duration.ofHours(1)));
            }
            String customerId = registerCustomer(http, gateway, agents.get(0));
            List<String> serials = new ArrayList<>();
            for (int i = 0; i < UNITS; i++) {
                serials.add(registerUnit(http, gateway, customerId, i, agents.get(0)));
            }
            Random random = new Random(context.seed());
            String direct = platform.serviceUrl(PlatformService.TICKET);
            Run warm = postTickets(http, gateway, agents, customerId, serials, random, warmup);
            Run warmDirect = postTickets(http, direct, agents, customerId, serials, random, warmup);
            System.out.printf("warm-up: %d tickets per path, %d failed%n", warmup, warm.failures() + warmDirect.failures());
            // Gateway and direct alternate in rounds of the same size, so drift (JIT, database growth, autovacuum)
            // falls on both alike: the ratio is the gateway's share (token check, rate limit, breaker, proxy hop).
            List<Run> viaGateway = new ArrayList<>();
            List<Run> straight = new ArrayList<>();
            int perRound = measured / ROUNDS;
            for (int round = 0; round < ROUNDS; round++) {
                viaGateway.add(postTickets(http, gateway, agents, customerId, serials, random, perRound));
                straight.add(postTickets(http, direct, agents, customerId, serials, random, perRound));
            }
            Run tickets = Run.merge(viaGateway);
            Run directRun = Run.merge(straight);
            System.out.printf("tickets via gateway: %d in %.2f s, %d failed%n", tickets.nanos().length, tickets.seconds(),
                    tickets.failures());
            System.out.printf("direct to ticket-service: %d in %.2f s, %d failed%n", directRun.nanos().length,
                    directRun.seconds(), directRun.failures());
            if (tickets.failures() > 0 || directRun.failures() > 0) {
                throw new IllegalStateException((tickets.failures() + directRun.failures())
                        + " ticket requests failed; see " + platform.logDir());
            }
            rawInserts(platform.jdbcUrl("ticket"), warmup);
            Run raw = rawInserts(platform.jdbcUrl("ticket"), measured);
            System.out.printf("raw INSERT: %d in %.2f s%n", measured, raw.seconds());
            return List.of(
                    new BenchResult(NAME, "throughput (" + CLIENTS + " clients)", tickets.perSecond(), "req/s",
                            "raw INSERT loop, " + CLIENTS + " conns", raw.perSecond(), false),
                    new BenchResult(NAME, "p50 latency", tickets.percentileMillis(50), "ms", "raw INSERT p50",
                            raw.percentileMillis(50), true),
                    new BenchResult(NAME, "p99 latency", tickets.percentileMillis(99), "ms", "raw INSERT p99",
                            raw.percentileMillis(99), true),
                    new BenchResult(NAME, "throughput, gateway", tickets.perSecond(), "req/s",
                            "same, direct to ticket-service", directRun.perSecond(), false),
                    new BenchResult(NAME, "p50 latency, gateway", tickets.percentileMillis(50), "ms",
                            "same, direct to ticket-service", directRun.percentileMillis(50), true),
                    new BenchResult(NAME, "p99 latency, gateway", tickets.percentileMillis(99), "ms",
                            "same, direct to ticket-service", directRun.percentileMillis(99), true));
        }
    }

    private static void deleteRecursively(Path dir) throws java.io.IOException {
        try (var paths = Files.walk(dir)) {
            for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    /** Latencies of one measured run, in nanoseconds, and its wall time. */
    record Run(long[] nanos, double seconds, int failures) {
        static Run merge(List<Run> runs) {
            long[] all = runs.stream().flatMapToLong(run -> java.util.Arrays.stream(run.nanos())).toArray();
            return new Run(all, runs.stream().mapToDouble(Run::seconds).sum(), runs.stream().mapToInt(Run::failures).sum());
        }

        double perSecond() {
            return nanos.length / seconds;
        }

        double percentileMillis(int p) {
            long[] sorted = nanos.clone();
            Arrays.sort(sorted);
            int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
            return sorted[Math.max(0, Math.min(index, sorted.length - 1))] / 1_000_000.0;
        }
    }

    private Run postTickets(HttpClient http, String gateway, List<String> agents, String customerId, List<String> serials,
                            Random random, int count) throws Exception {
        List<String> bodies = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            bodies.add("""
                    {"customerId":"%s","serialNumber":"%s","model":"%s","ticketType":"REPAIR","channel":"PHONE",
                     "priority":"NORMAL","faultCategory":"COOLING","faultDescription":"%s","newIssue":true}"""
                    .formatted(customerId, serials.get(random.nextInt(serials.size())), MODEL, FAULTS[random.nextInt(FAULTS.length)]));
        }
        URI tickets = URI.create(gateway + "/api/tickets");
        AtomicInteger failures = new AtomicInteger();
        return concurrently(count, i -> {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(tickets)
                    .header("Content-Type", "application/json")
                    .header("Idempotency-Key", "bench-" + UUID.randomUUID())
                    .header("Authorization", agents.get(i % agents.size()))
                    .POST(HttpRequest.BodyPublishers.ofString(bodies.get(i), StandardCharsets.UTF_8)).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 201) {
                if (failures.incrementAndGet() <= 3) {
                    System.out.println("ticket request failed: HTTP " + response.statusCode() + " " + response.body());
                }
            }
        }, failures);
    }

    private Run rawInserts(String jdbcUrl, int count) throws Exception {
        try (Connection setup = DriverManager.getConnection(jdbcUrl, "ticket", "ticket");
             Statement statement = setup.createStatement()) {
            statement.execute("create table if not exists bench_raw_insert (id uuid primary key, body text not null, "
                    + "created_at timestamptz not null default now())");
        }
        List<Connection> connections = new ArrayList<>();
        for (int i = 0; i < CLIENTS; i++) {
            connections.add(DriverManager.getConnection(jdbcUrl, "ticket", "ticket"));
        }
        try {
            AtomicInteger failures = new AtomicInteger();
            ThreadLocal<Connection> mine = new ThreadLocal<>();
            AtomicInteger next = new AtomicInteger();
            return concurrently(count, i -> {
                if (mine.get() == null) {
                    mine.set(connections.get(next.getAndIncrement()));
                }
                try (PreparedStatement insert = mine.get().prepareStatement("insert into bench_raw_insert (id, body) values (?, ?)")) {
                    insert.setObject(1, UUID.randomUUID());
                    insert.setString(2, FAULTS[i % FAULTS.length]);
                    insert.executeUpdate();
                }
            }, failures);
        } finally {
            for (Connection c : connections) {
                c.close();
            }
        }
    }

    interface Request {
        void send(int index) throws Exception;
    }

    /** Runs {@code count} requests on {@value #CLIENTS} threads, timing each; the wall time covers them all. */
    private static Run concurrently(int count, Request request, AtomicInteger failures) throws Exception {
        long[] nanos = new long[count];
        AtomicInteger cursor = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
        try {
            List<Callable<Void>> clients = new ArrayList<>();
            for (int c = 0; c < CLIENTS; c++) {
                clients.add(() -> {
                    for (int i = cursor.getAndIncrement(); i < count; i = cursor.getAndIncrement()) {
                        long t0 = System.nanoTime();
                        request.send(i);
                        nanos[i] = System.nanoTime() - t0;
                    }
                    return null;
                });
            }
            long start = System.nanoTime();
            for (Future<Void> f : pool.invokeAll(clients)) {
                f.get();
            }
            return new Run(nanos, (System.nanoTime() - start) / 1e9, failures.get());
        } finally {
            pool.shutdown();
        }
    }

    private static String registerCustomer(HttpClient http, String gateway, String bearer) throws Exception {
        HttpResponse<String> response = post(http, gateway + "/api/customers", """
                {"name":"压测客户 上海","phones":["13900000001"],"tier":"B","preferredLanguage":"zh-CN",
                 "addresses":[{"line":"上海市浦东新区世纪大道 100 号","regionCode":"310115","latitude":31.2397,"longitude":121.4998}]}""",
                bearer);
        return id(response);
    }

    private static String registerUnit(HttpClient http, String gateway, String customerId, int n, String bearer)
            throws Exception {
        String serial = "BENCH-" + n;
        id(post(http, gateway + "/api/customers/" + customerId + "/products", """
                {"serialNumber":"%s","model":"%s","category":"AIR_CONDITIONER","batchNumber":"2026W10",
                 "purchaseDate":"%s","storeCode":"SH-PD-012","receiptNumber":"R-%s","priceType":"REGULAR","warrantyCardPresent":true}"""
                .formatted(serial, MODEL, LocalDate.now().minusMonths(2), serial), bearer));
        return serial;
    }

    private static HttpResponse<String> post(HttpClient http, String url, String body, String bearer) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/json")
                .header("Authorization", bearer)
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String id(HttpResponse<String> response) {
        Matcher matcher = ID.matcher(response.body());
        if (response.statusCode() != 201 || !matcher.find()) {
            throw new IllegalStateException("setup request failed: HTTP " + response.statusCode() + " " + response.body());
        }
        return matcher.group(1);
    }
}
