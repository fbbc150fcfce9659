package com.aftersales.bench.returns;

import com.aftersales.devidentity.DevIdentity;
import com.aftersales.devidentity.DevUser;
import com.aftersales.bench.BenchContext;
import com.aftersales.bench.BenchResult;
import com.aftersales.bench.Benchmark;
import com.aftersales.launcher.PostgresServer;
import com.aftersales.returns.ReturnsServiceApplication;
import com.aftersales.returns.policy.CaseFacts;
import com.aftersales.returns.policy.PolicyDecision;
import com.aftersales.returns.policy.PolicyProperties;
import com.aftersales.returns.policy.PriceType;
import com.aftersales.returns.policy.ReturnPolicyEngine;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.PropertySource;
import org.springframework.core.io.UrlResource;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * Latency of the returns policy (三包) evaluation, p50 and p99:
 * <ul>
 *   <li>the pure engine in-process, on seeded random cases, against a trivial date comparison on the same cases;</li>
 *   <li>{@code POST /api/returns/policy/evaluate} over HTTP on a returns-service started in this JVM (real
 *       PostgreSQL from the launcher; Kafka listeners off, the endpoint does not use Kafka), against
 *       {@code GET /actuator/health/liveness} on the same server, one client, sequential requests.</li>
 * </ul>
 * The policy is the one returns-service ships, bound from its application.yml.
 */
public final class PolicyEvaluationBenchmark implements Benchmark {

    private static final String NAME = "policy-evaluation";
    private static final String[] CATEGORIES = {"KETTLE", "AIR_CONDITIONER", "PHONE", "REFRIGERATOR", "TELEVISION"};
    private static final int MAX_DAYS = 500;

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public List<BenchResult> run(BenchContext context) throws Exception {
        List<BenchResult> results = new ArrayList<>(inProcess(context));
        results.addAll(overHttp(context));
        return results;
    }

    private List<BenchResult> inProcess(BenchContext context) throws IOException {
        ReturnPolicyEngine engine = new ReturnPolicyEngine(shippedPolicy().toSettings(com.aftersales.contracts.warranty.WarrantyTerms.bundled()));
        int count = context.quick() ? 20_000 : 200_000;
        List<CaseFacts> cases = cases(new Random(context.seed()), count);
        long[] engineNanos = new long[count];
        long[] baselineNanos = new long[count];
        long sink = 0;
        for (int round = 0; round < 2; round++) {
            // First round warms up the JIT; the second is measured.
            for (int i = 0; i < count; i++) {
                CaseFacts c = cases.get(i);
                long t0 = System.nanoTime();
                PolicyDecision decision = engine.evaluate(c);
                long t1 = System.nanoTime();
                boolean inWindow = !c.requestDate().isAfter(c.purchaseDate().plusDays(7));
                long t2 = System.nanoTime();
                engineNanos[i] = t1 - t0;
                baselineNanos[i] = t2 - t1;
                sink += decision.remedy().ordinal() + (inWindow ? 1 : 0);
            }
        }
        System.out.printf("in-process: %d cases (checksum %d)%n", count, sink);
        return List.of(
                result("engine p50", percentile(engineNanos, 50) / 1_000.0, "baseline: date compare p50", percentile(baselineNanos, 50) / 1_000.0),
                result("engine p99", percentile(engineNanos, 99) / 1_000.0, "baseline: date compare p99", percentile(baselineNanos, 99) / 1_000.0));
    }

    private List<BenchResult> overHttp(BenchContext context) throws Exception {
        Path data = Files.createTempDirectory("policy-bench-pg");
        int pgPort = freePort();
        try (PostgresServer postgres = PostgresServer.start(data.resolve("pg"), pgPort, data.resolve("postgres.log"))) {
            postgres.ensureDatabases(List.of("returns"));
            int port = freePort();
            Path jar = serviceJar(context);
            // The service runs from its own executable jar, as ./aftersales run starts it (its own class path and migrations),
            // trusting a development key of this run only.
            DevIdentity identity = DevIdentity.generate();
            Path publicKey = identity.writePublicKey(data.resolve("security"));
            String bearer = "Bearer " + identity.mint(DevUser.of("bench-agent", "压测坐席", "AGENT"), java.time.Duration.ofHours(1));
            Process service = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-Xmx384m", "-jar", jar.toString(),
                    "--server.port=" + port,
                    "--spring.datasource.url=" + postgres.jdbcUrl("returns"),
                    "--spring.kafka.bootstrap-servers=127.0.0.1:" + freePort(),
                    "--spring.kafka.listener.auto-startup=false",
                    "--aftersales.kafka.topics.create=false",
                    "--spring.main.banner-mode=off",
                    "--aftersales.security.issuer=" + DevIdentity.ISSUER,
                    "--aftersales.security.public-key-location=" + publicKey.toUri())
                    .redirectErrorStream(true).redirectOutput(data.resolve("returns-service.log").toFile()).start();
            try {
                HttpClient http = HttpClient.newHttpClient();
                awaitUp(http, URI.create("http://127.0.0.1:" + port + "/actuator/health/liveness"), service, data);
                int count = context.quick() ? 500 : 5_000;
                Random random = new Random(context.seed());
                List<String> bodies = new ArrayList<>();
                for (CaseFacts c : cases(random, count)) {
                    bodies.add(body(c));
                }
                URI evaluate = URI.create("http://127.0.0.1:" + port + "/api/returns/policy/evaluate");
                URI health = URI.create("http://127.0.0.1:" + port + "/actuator/health/liveness");
                long[] evaluateNanos = new long[count];
                long[] healthNanos = new long[count];
                for (int round = 0; round < 2; round++) {
                    for (int i = 0; i < count; i++) {
                        long t0 = System.nanoTime();
                        HttpResponse<String> decided = http.send(HttpRequest.newBuilder(evaluate).header("Content-Type", "application/json")
                                .header("Authorization", bearer)
                                .POST(HttpRequest.BodyPublishers.ofString(bodies.get(i))).build(), HttpResponse.BodyHandlers.ofString());
                        long t1 = System.nanoTime();
                        HttpResponse<String> alive = http.send(HttpRequest.newBuilder(health).GET().build(),
                                HttpResponse.BodyHandlers.ofString());
                        long t2 = System.nanoTime();
                        if (decided.statusCode() != 200 || alive.statusCode() != 200) {
                            throw new IllegalStateException("unexpected answer " + decided.statusCode() + " / " + alive.statusCode()
                                    + ": " + decided.body());
                        }
                        evaluateNanos[i] = t1 - t0;
                        healthNanos[i] = t2 - t1;
                    }
                }
                System.out.printf("http: %d requests per endpoint, one client%n", count);
                return List.of(
                        result("HTTP evaluate p50", percentile(evaluateNanos, 50) / 1_000_000.0, "baseline: GET liveness p50",
                                percentile(healthNanos, 50) / 1_000_000.0, "ms"),
                        result("HTTP evaluate p99", percentile(evaluateNanos, 99) / 1_000_000.0, "baseline: GET liveness p99",
                                percentile(healthNanos, 99) / 1_000_000.0, "ms"));
            } finally {
                service.destroy();
                service.waitFor();
            }
        }
    }

    private static Path serviceJar(BenchContext context) throws IOException {
        try (var files = Files.list(context.projectRoot().resolve("returns-service/target"))) {
            return files.filter(f -> f.getFileName().toString().matches("returns-service-.*-exec\\.jar")).findFirst()
                    .orElseThrow(() -> new IllegalStateException("build returns-service first: ./mvnw -pl returns-service package"));
        }
    }

    private static void awaitUp(HttpClient http, URI liveness, Process service, Path data) throws Exception {
        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(120);
        while (System.nanoTime() < deadline) {
            if (!service.isAlive()) {
                throw new IllegalStateException("returns-service exited; see " + data.resolve("returns-service.log"));
            }
            try {
                if (http.send(HttpRequest.newBuilder(liveness).GET().build(), HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(250);
        }
        throw new IllegalStateException("returns-service did not come up; see " + data.resolve("returns-service.log"));
    }

    /** The policy returns-service ships: its application.yml, bound as the service binds it. */
    static PolicyProperties shippedPolicy() throws IOException {
        // Other service jars on the bench class path have an application.yml too: read the one in returns-service's jar.
        java.net.URL jar = ReturnsServiceApplication.class.getProtectionDomain().getCodeSource().getLocation();
        String location = jar.toString().endsWith(".jar") ? "jar:" + jar + "!/application.yml" : jar + "application.yml";
        List<PropertySource<?>> sources = new YamlPropertySourceLoader().load("returns-service",
                new UrlResource(URI.create(location)));
        return new Binder(ConfigurationPropertySources.from(sources))
                .bind("aftersales.returns.policy", PolicyProperties.class)
                .orElseThrow(() -> new IllegalStateException("no aftersales.returns.policy in returns-service's application.yml"));
    }

    private static List<CaseFacts> cases(Random random, int count) {
        List<CaseFacts> cases = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            LocalDate purchased = LocalDate.of(2025, 1, 1).plusDays(random.nextInt(730));
            CaseFacts c = CaseFacts.consumer(CATEGORIES[random.nextInt(CATEGORIES.length)], purchased,
                    purchased.plusDays(random.nextInt(MAX_DAYS)));
            cases.add(c.withQualityFault(random.nextBoolean())
                    .withSignsOfUse(random.nextInt(4) == 0)
                    .withPackaging(random.nextInt(5) != 0, random.nextInt(5) != 0, random.nextInt(8) != 0)
                    .withCustomerCausedDamage(random.nextInt(10) == 0)
                    .withPriceType(random.nextInt(6) == 0 ? PriceType.SPECIAL_PRICE : PriceType.REGULAR));
        }
        return cases;
    }

    private static String body(CaseFacts c) {
        return """
                {"product":{"category":"%s","purchaseDate":"%s","priceType":"%s"},"requestDate":"%s",
                 "qualityFaultClaimed":%s,"signsOfUse":%s,"originalPackagingIntact":%s,"accessoriesComplete":%s,
                 "warrantyCardPresent":%s,"customerCausedDamage":%s}""".formatted(c.category(), c.purchaseDate(), c.priceType(),
                c.requestDate(), c.qualityFaultClaimed(), c.signsOfUse(), c.originalPackagingIntact(), c.accessoriesComplete(),
                c.warrantyCardPresent(), c.customerCausedDamage());
    }

    private static long percentile(long[] values, int percentile) {
        long[] sorted = Arrays.copyOf(values, values.length);
        Arrays.sort(sorted);
        int index = (int) Math.ceil(percentile / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }

    private static BenchResult result(String metric, double value, String baseline, double baselineValue) {
        return result(metric, value, baseline, baselineValue, "µs");
    }

    private static BenchResult result(String metric, double value, String baseline, double baselineValue, String unit) {
        return new BenchResult(NAME, metric, value, unit, baseline, baselineValue, true);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
