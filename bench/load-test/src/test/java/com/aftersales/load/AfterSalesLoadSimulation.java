package com.aftersales.load;

import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Simulation;
import io.gatling.javaapi.http.HttpProtocolBuilder;
import io.gatling.javaapi.http.HttpRequestActionBuilder;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Iterator;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import java.util.stream.Stream;

import static io.gatling.javaapi.core.CoreDsl.StringBody;
import static io.gatling.javaapi.core.CoreDsl.constantUsersPerSec;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.global;
import static io.gatling.javaapi.core.CoreDsl.jsonPath;
import static io.gatling.javaapi.core.CoreDsl.pause;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

/**
 * A working hour of an after-sales desk, compressed: call-centre agents (a caller is registered with the unit they
 * bought, found again by phone, the knowledge base searched for the fault, a repair ticket opened and read back),
 * store counters (a sale registered, a return checked against the 三包 policy at the counter) and supervisors
 * (KPIs, the queue of tickets waiting for a technician). Open model: new users arrive at a constant rate for
 * {@code aftersales.load.seconds}, and the run is capped at twice that, so requests and time are bounded.
 *
 * <p>Only {@code 127.0.0.1} (or {@code localhost}) is accepted as the target. Tokens, when the platform requires
 * them, come from the environment ({@code AGENT_TOKEN}, {@code STORE_TOKEN}, {@code SUPERVISOR_TOKEN}, as in the
 * launcher's {@code tokens.env}).
 */
public class AfterSalesLoadSimulation extends Simulation {

    static final String GATEWAY = System.getProperty("aftersales.gateway", "http://127.0.0.1:8080");
    static final int SECONDS = Integer.getInteger("aftersales.load.seconds", 60);
    /** New call-centre callers per second; store and supervisor rates follow in proportion. */
    static final double CALLERS_PER_SECOND = Double.parseDouble(System.getProperty("aftersales.load.callers", "3"));
    static final int TECHNICIANS = 20;
    static final String MODEL = "KFR-35GW/BpR3";
    static final String[] FAULTS = {"空调不制冷，室外机不转", "开机显示 E1 故障代码，吹热风", "室内机滴水，出风口下方墙面潮湿",
            "遥控器无反应，空调开不了机", "运行时噪音很大，有异响", "制热效果差，出风不热"};
    static final String[] KNOWLEDGE_QUERIES = {"不制冷", "E1 故障", "滴水", "噪音", "遥控器", "制热"};
    static final String[] SURNAMES = {"王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周"};
    static final String[] GIVEN = {"建国", "丽华", "晓梅", "志强", "秀英", "海涛", "静", "伟", "芳", "磊"};

    static {
        String host = URI.create(GATEWAY).getHost();
        if (!"127.0.0.1".equals(host) && !"localhost".equals(host)) {
            throw new IllegalArgumentException("The load test only targets this machine (127.0.0.1), not " + GATEWAY);
        }
    }

    private static final AtomicLong SEQUENCE = new AtomicLong(System.currentTimeMillis() % 100_000_000L);
    private static final Random RANDOM = new Random(20261124L);

    /** A new caller or buyer: unique phone and serial, a Shanghai address. */
    private static final Iterator<Map<String, Object>> PEOPLE = Stream.generate((Supplier<Map<String, Object>>) () -> {
        long n = SEQUENCE.incrementAndGet();
        synchronized (RANDOM) {
            return Map.<String, Object>of(
                    "name", SURNAMES[RANDOM.nextInt(SURNAMES.length)] + GIVEN[RANDOM.nextInt(GIVEN.length)],
                    "phone", String.format("139%08d", n % 100_000_000L),
                    "serial", "LT-" + n,
                    "latitude", String.format(java.util.Locale.ROOT, "%.4f", 31.15 + RANDOM.nextDouble() * 0.15),
                    "longitude", String.format(java.util.Locale.ROOT, "%.4f", 121.40 + RANDOM.nextDouble() * 0.15),
                    "fault", FAULTS[RANDOM.nextInt(FAULTS.length)],
                    "query", KNOWLEDGE_QUERIES[RANDOM.nextInt(KNOWLEDGE_QUERIES.length)],
                    "purchased", LocalDate.now().minusDays(3 + RANDOM.nextInt(600)).toString(),
                    "key", UUID.randomUUID().toString());
        }
    }).iterator();

    HttpProtocolBuilder protocol = http.baseUrl(GATEWAY)
            .acceptHeader("application/json")
            .contentTypeHeader("application/json")
            .acceptLanguageHeader("zh-CN")
            .shareConnections();

    static HttpRequestActionBuilder as(String role, HttpRequestActionBuilder request) {
        String token = System.getenv(role + "_TOKEN");
        return token == null || token.isBlank() ? request : request.header("Authorization", "Bearer " + token);
    }

    ChainBuilder registerCustomerAndUnit(String role) {
        return exec(as(role, http("register customer").post("/api/customers")
                        .header("Idempotency-Key", "load-customer-#{key}")
                        .body(StringBody("""
                                {"name":"#{name}","phones":["#{phone}"],"tier":"B","preferredLanguage":"zh-CN","contactConsent":true,
                                 "addresses":[{"line":"上海市徐汇区漕溪北路 88 号","regionCode":"310104","latitude":#{latitude},"longitude":#{longitude}}]}"""))
                        .check(status().is(201), jsonPath("$.id").saveAs("customerId"))))
                .exec(as(role, http("register product").post("/api/customers/#{customerId}/products")
                        .header("Idempotency-Key", "load-unit-#{key}")
                        .body(StringBody("""
                                {"serialNumber":"#{serial}","model":"%s","category":"AIR_CONDITIONER","batchNumber":"2026W30",
                                 "purchaseDate":"#{purchased}","storeCode":"SH-XH-003","receiptNumber":"R-#{serial}","priceType":"REGULAR",
                                 "warrantyCardPresent":true}""".formatted(MODEL)))
                        .check(status().is(201))));
    }

    ScenarioBuilder callCentre = scenario("call centre").feed(PEOPLE)
            .exec(registerCustomerAndUnit("AGENT"))
            .pause(Duration.ofMillis(500))
            .exec(as("AGENT", http("search customer by phone").get("/api/customers?phone=#{phone}").check(status().is(200))))
            .exec(as("AGENT", http("knowledge search").get("/api/knowledge-articles/search?q=#{query}&model=" + MODEL)
                    .check(status().is(200))))
            .pause(Duration.ofMillis(500))
            .exec(as("AGENT", http("open ticket").post("/api/tickets")
                    .header("Idempotency-Key", "load-ticket-#{key}")
                    .body(StringBody("""
                            {"customerId":"#{customerId}","serialNumber":"#{serial}","model":"%s","ticketType":"REPAIR","channel":"PHONE",
                             "priority":"NORMAL","faultCategory":"COOLING","faultDescription":"#{fault}"}""".formatted(MODEL)))
                    .check(status().is(201), jsonPath("$.id").saveAs("ticketId"))))
            .pause(Duration.ofSeconds(1))
            .exec(as("AGENT", http("read ticket").get("/api/tickets/#{ticketId}").check(status().is(200))));

    ScenarioBuilder storeCounter = scenario("store counter").feed(PEOPLE)
            .exec(registerCustomerAndUnit("STORE"))
            .pause(Duration.ofMillis(500))
            .exec(as("STORE", http("policy evaluation").post("/api/returns/policy/evaluate")
                    .body(StringBody("""
                            {"product":{"category":"AIR_CONDITIONER","purchaseDate":"#{purchased}","priceType":"REGULAR"},
                             "requestDate":"%s","qualityFaultClaimed":true}""".formatted(LocalDate.now())))
                    .check(status().is(200))));

    ScenarioBuilder supervisor = scenario("supervisor")
            .exec(as("SUPERVISOR", http("KPI read").get("/api/kpis?groupBy=technician&from=" + LocalDate.now().minusDays(30)
                    + "&to=" + LocalDate.now() + "&granularity=day").check(status().is(200))))
            .exec(pause(Duration.ofMillis(300)))
            .exec(as("SUPERVISOR", http("tickets waiting").get("/api/tickets?status=AWAITING_TECHNICIAN&pageSize=20")
                    .check(status().is(200))));

    {
        registerTechnicians();
        Duration during = Duration.ofSeconds(SECONDS);
        setUp(
                callCentre.injectOpen(constantUsersPerSec(CALLERS_PER_SECOND).during(during)),
                storeCounter.injectOpen(constantUsersPerSec(CALLERS_PER_SECOND * 2 / 3).during(during)),
                supervisor.injectOpen(constantUsersPerSec(CALLERS_PER_SECOND / 6).during(during)))
                .protocols(protocol)
                .maxDuration(during.multipliedBy(2))
                .assertions(global().failedRequests().percent().lt(1.0));
    }

    /** Technicians on duty around Shanghai, so that every ticket is assigned (Idempotency-Key: a rerun adds none). */
    static void registerTechnicians() {
        HttpClient client = HttpClient.newHttpClient();
        StringBuilder shifts = new StringBuilder();
        for (java.time.DayOfWeek day : java.time.DayOfWeek.values()) {
            shifts.append(shifts.isEmpty() ? "" : ",").append("{\"day\":\"").append(day).append("\",\"start\":\"00:00\",\"end\":\"23:59\"}");
        }
        for (int i = 0; i < TECHNICIANS; i++) {
            String body = """
                    {"name":"负载师傅%d","skills":[{"kind":"PRODUCT_CATEGORY","code":"AIR_CONDITIONER","level":4},
                      {"kind":"FAULT_CATEGORY","code":"COOLING","level":4}],"homeLatitude":%.4f,"homeLongitude":%.4f,"serviceRadiusKm":40,
                     "calendar":{"timeZone":"Asia/Shanghai","shifts":[%s]},"maxVisitsPerDay":50}"""
                    .formatted(i, 31.18 + i * 0.006, 121.42 + i * 0.006, shifts);
            String id = send(client, "/api/technicians", body, "load-technician-" + i);
            send(client, "/api/technicians/" + id + "/status", "{\"status\":\"AVAILABLE\"}", null);
        }
    }

    private static String send(HttpClient client, String path, String body, String key) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(GATEWAY + path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (key != null) {
            request.header("Idempotency-Key", key);
        }
        String token = System.getenv("SUPERVISOR_TOKEN");
        if (token != null && !token.isBlank()) {
            request.header("Authorization", "Bearer " + token);
        }
        try {
            HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() / 100 != 2) {
                throw new IllegalStateException(path + " -> HTTP " + response.statusCode() + " " + response.body());
            }
            java.util.regex.Matcher id = java.util.regex.Pattern.compile("\"id\"\\s*:\\s*\"([^\"]+)\"").matcher(response.body());
            return id.find() ? id.group(1) : null;
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
