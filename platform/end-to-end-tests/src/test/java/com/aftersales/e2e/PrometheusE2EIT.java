package com.aftersales.e2e;

import com.aftersales.launcher.EmbeddedPlatform;
import com.aftersales.launcher.PlatformService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.yaml.snakeyaml.Yaml;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The dashboards and alert rules against a real Prometheus (Debian's {@code prometheus}, which CI installs) scraping
 * the running platform: after a short scripted workload every Grafana panel's expression, with its template variables
 * substituted, returns at least one series through Prometheus's HTTP API, and so does every alert rule's expression
 * (its comparison with the threshold left out: the metric is there, the alert is quiet). Then one alert fires for
 * real: a stopped service makes {@code ServiceDown} firing, as shipped ({@code for: 1m}).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@ExtendWith(DemoPlatform.class)
@org.junit.jupiter.api.Order(1)
class PrometheusE2EIT {

    private static final String PROMETHEUS = "/usr/bin/prometheus";
    /** Short, so that rate() over the panels' interval has samples within seconds of the workload. */
    private static final Duration SCRAPE_INTERVAL = Duration.ofSeconds(2);
    /** What Grafana would put for $__rate_interval and $__interval at this scrape interval. */
    private static final String RATE_INTERVAL = "30s";
    private static final Duration SERIES_TIMEOUT = Duration.ofSeconds(90);
    /** ServiceDown's own {@code for: 1m}, a scrape and an evaluation. */
    private static final Duration ALERT_TIMEOUT = Duration.ofMinutes(3);
    private static final ZoneId STORE_ZONE = ZoneId.of("Asia/Shanghai");

    private static EmbeddedPlatform platform;
    private static Path root;
    private static Path workDir;
    private static Process prometheus;
    private static String prometheusUrl;

    private static final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();
    private static final JsonMapper json = JsonMapper.builder().build();

    @BeforeAll
    static void startPrometheus() throws Exception {
        assumeTrue(Files.isExecutable(Path.of(PROMETHEUS)), "Debian's prometheus package is not installed (.ci/run installs it)");
        platform = DemoPlatform.platform();
        root = DemoPlatform.projectRoot();
        workDir = Files.createTempDirectory("aftersales-prometheus");
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        Files.writeString(workDir.resolve("prometheus.yml"), configuration(), StandardCharsets.UTF_8);
        prometheus = new ProcessBuilder(PROMETHEUS, "--config.file=" + workDir.resolve("prometheus.yml"),
                "--storage.tsdb.path=" + workDir.resolve("data"), "--web.listen-address=127.0.0.1:" + port)
                .redirectErrorStream(true).redirectOutput(workDir.resolve("prometheus.log").toFile()).start();
        prometheusUrl = "http://127.0.0.1:" + port;
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1)).ignoreExceptions()
                .until(() -> get(prometheusUrl + "/-/ready").statusCode() == 200);
    }

    @AfterAll
    static void stopPrometheus() throws Exception {
        if (prometheus != null) {
            prometheus.destroy();
            prometheus.waitFor();
        }
        if (workDir != null) {
            try (Stream<Path> files = Files.walk(workDir)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    /** The shipped scrape jobs (one per service, labelled {@code service}) on this run's ports, the shipped rule files. */
    private static String configuration() {
        StringBuilder config = new StringBuilder("""
                global:
                  scrape_interval: %ds
                  evaluation_interval: %ds
                rule_files:
                  - %s/*.yml
                scrape_configs:
                """.formatted(SCRAPE_INTERVAL.toSeconds(), SCRAPE_INTERVAL.toSeconds(), root.resolve("ops/prometheus/rules")));
        for (PlatformService service : PlatformService.ALL) {
            URI management = URI.create(platform.managementUrl(service));
            config.append("""
                      - job_name: %s
                        metrics_path: %s/actuator/prometheus
                        static_configs:
                          - targets: ["%s:%d"]
                            labels:
                              service: %s
                    """.formatted(service.module(), management.getPath().replaceAll("/$", ""), management.getHost(),
                    management.getPort(), service.module()));
        }
        return config.toString();
    }

    @Test
    @Order(1)
    void everyPanelAndEveryAlertRuleReturnsASeriesAfterAWorkload() throws Exception {
        await().atMost(SERIES_TIMEOUT).pollInterval(Duration.ofSeconds(2)).untilAsserted(() -> {
            List<String> down = new ArrayList<>();
            json.readTree(get(prometheusUrl + "/api/v1/targets").body()).path("data").path("activeTargets").forEach(t -> {
                if (!t.path("health").asString().equals("up")) {
                    down.add(t.path("scrapeUrl").asString() + " " + t.path("health").asString() + " " + t.path("lastError").asString());
                }
            });
            assertThat(down).as("scrape targets not up").isEmpty();
        });
        workload();
        Map<String, String> expressions = new LinkedHashMap<>();
        try (Stream<Path> files = Files.list(root.resolve("ops/grafana/dashboards"))) {
            for (Path file : files.filter(p -> p.toString().endsWith(".json")).sorted().toList()) {
                JsonNode dashboard = json.readTree(file.toFile());
                panels(dashboard.path("panels"), file.getFileName() + " / ", expressions);
            }
        }
        try (Stream<Path> files = Files.list(root.resolve("ops/prometheus/rules"))) {
            for (Path file : files.filter(p -> p.toString().endsWith(".yml")).sorted().toList()) {
                Map<String, Object> document = new Yaml().load(Files.readString(file, StandardCharsets.UTF_8));
                for (Object group : (List<?>) document.get("groups")) {
                    for (Object rule : (List<?>) ((Map<?, ?>) group).get("rules")) {
                        Map<?, ?> r = (Map<?, ?>) rule;
                        List<String> clauses = clauses(String.valueOf(r.get("expr")));
                        for (int i = 0; i < clauses.size(); i++) {
                            expressions.put(file.getFileName() + " / alert " + r.get("alert") + (clauses.size() > 1 ? " / clause " + (i + 1) : ""),
                                    withoutThreshold(clauses.get(i)));
                        }
                    }
                }
            }
        }
        assertThat(expressions).hasSizeGreaterThan(60);

        List<String> empty = new ArrayList<>();
        await().atMost(SERIES_TIMEOUT).pollInterval(Duration.ofSeconds(5)).untilAsserted(() -> {
            empty.clear();
            for (Map.Entry<String, String> e : expressions.entrySet()) {
                JsonNode answer = query(e.getValue());
                assertThat(answer.path("status").asString()).as(e.getKey() + ": " + e.getValue()).isEqualTo("success");
                if (answer.path("data").path("result").isEmpty()) {
                    empty.add(e.getKey() + ": " + e.getValue());
                }
            }
            assertThat(empty).as("panels and alert rules that show nothing (series per service: %s)",
                    query("count by (service) ({__name__=~\".+\"})").path("data").path("result")).isEmpty();
        });
    }

    @Test
    @Order(2)
    void aStoppedServiceFiresServiceDown() throws Exception {
        platform.stopService(PlatformService.RETURNS);
        try {
            await().atMost(ALERT_TIMEOUT).pollInterval(Duration.ofSeconds(5)).untilAsserted(() -> {
                JsonNode alerts = json.readTree(get(prometheusUrl + "/api/v1/alerts").body()).path("data").path("alerts");
                List<String> firing = new ArrayList<>();
                alerts.forEach(a -> {
                    if (a.path("state").asString().equals("firing")) {
                        firing.add(a.path("labels").path("alertname").asString() + "/" + a.path("labels").path("service").asString());
                    }
                });
                assertThat(firing).contains("ServiceDown/returns-service");
            });
        } finally {
            platform.startService(PlatformService.RETURNS);
        }
        await().atMost(ALERT_TIMEOUT).pollInterval(Duration.ofSeconds(5))
                .until(() -> query("up{service=\"returns-service\"} == 1").path("data").path("result").size() == 1);
    }

    /** A few of the calls a desk makes: a customer, a unit, a ticket, a return evaluated and opened, reads. */
    private static void workload() throws Exception {
        String agent = platform.demoTokens().get("AGENT");
        String store = platform.demoTokens().get("STORE");
        String phone = "139" + String.format("%08d", System.nanoTime() % 100_000_000L);
        String customer = id(post("/api/customers", agent, """
                {"name":"钱卫东","phones":["%s"],"tier":"B","preferredLanguage":"zh-CN","contactConsent":true,
                 "addresses":[{"line":"上海市长宁区天山路 600 号","regionCode":"310105","latitude":31.2135,"longitude":121.4012}]}"""
                .formatted(phone)));
        String serial = "SN-PROM-" + System.nanoTime();
        post("/api/customers/" + customer + "/products", agent, """
                {"serialNumber":"%s","model":"KFR-35GW/BpR3","category":"AIR_CONDITIONER","batchNumber":"2026W20",
                 "purchaseDate":"%s","storeCode":"SH-XH-003","receiptNumber":"R-PROM-1","priceType":"REGULAR",
                 "warrantyCardPresent":true}""".formatted(serial, LocalDate.now(STORE_ZONE).minusDays(5)));
        post("/api/tickets", agent, """
                {"customerId":"%s","serialNumber":"%s","model":"KFR-35GW/BpR3","ticketType":"REPAIR","channel":"PHONE",
                 "faultCategory":"COOLING","faultDescription":"空调不制冷，外机不转"}""".formatted(customer, serial));
        post("/api/returns/policy/evaluate", store, """
                {"product":{"category":"KETTLE","purchaseDate":"%s","priceType":"REGULAR"},"qualityFaultClaimed":true}"""
                .formatted(LocalDate.now(STORE_ZONE).minusDays(3)));
        for (String path : List.of("/api/tickets", "/api/dispatch/jobs", "/api/returns", "/api/kpis")) {
            send(HttpRequest.newBuilder(URI.create(platform.gatewayUrl() + path)).header("Authorization", "Bearer " + agent).GET());
        }
        // a client error, so that request rates by status have more than one series
        post("/api/tickets", agent, "{}");
    }

    private static void panels(JsonNode panels, String prefix, Map<String, String> expressions) {
        for (JsonNode panel : panels) {
            int i = 0;
            for (JsonNode target : panel.path("targets")) {
                String expr = target.path("expr").asString("");
                if (!expr.isBlank()) {
                    expressions.put(prefix + panel.path("title").asString() + " #" + i++, substitute(expr));
                }
            }
            panels(panel.path("panels"), prefix, expressions);
        }
    }

    /** Grafana's variables: every service, the rate interval Grafana would choose at this scrape interval. */
    static String substitute(String expr) {
        return expr.replace("$__rate_interval", RATE_INTERVAL).replace("$__interval", RATE_INTERVAL).replace("$service", ".+");
    }

    private static final java.util.regex.Pattern SET_OPERATOR = java.util.regex.Pattern.compile(
            "\\s(and|or|unless)\\s+(?:(?:on|ignoring)\\s*\\([^)]*\\)\\s*)?");

    /**
     * The operands of an alert's top-level {@code and}/{@code or}/{@code unless}: "at least five and three times the
     * usual" is two conditions, each of which must be backed by a series even while the alert is quiet.
     */
    static List<String> clauses(String expr) {
        List<String> clauses = new ArrayList<>();
        int depth = 0;
        int start = 0;
        for (int i = 0; i < expr.length(); i++) {
            char c = expr.charAt(i);
            if (c == '(' || c == '{' || c == '[') {
                depth++;
            } else if (c == ')' || c == '}' || c == ']') {
                depth--;
            } else if (depth == 0 && Character.isWhitespace(c)) {
                java.util.regex.Matcher operator = SET_OPERATOR.matcher(expr).region(i, expr.length());
                if (operator.lookingAt()) {
                    clauses.add(expr.substring(start, i).strip());
                    start = operator.end();
                    i = operator.end() - 1;
                }
            }
        }
        clauses.add(expr.substring(start).strip());
        return clauses;
    }

    /** The expression of an alert without its final comparison against a threshold ({@code up == 0} → {@code up}). */
    static String withoutThreshold(String expr) {
        String trimmed = expr.strip();
        int depth = 0;
        for (int i = trimmed.length() - 1; i > 0; i--) {
            char c = trimmed.charAt(i);
            if (c == ')' || c == '}' || c == ']') {
                depth++;
            } else if (c == '(' || c == '{' || c == '[') {
                depth--;
            } else if (depth == 0 && (c == '>' || c == '<' || c == '=' && (trimmed.charAt(i - 1) == '=' || trimmed.charAt(i - 1) == '!'))) {
                int start = i;
                while (start > 0 && "<>=!".indexOf(trimmed.charAt(start - 1)) >= 0) {
                    start--;
                }
                return trimmed.substring(0, start).strip();
            }
        }
        return trimmed;
    }

    private static JsonNode query(String expr) throws Exception {
        return json.readTree(get(prometheusUrl + "/api/v1/query?query=" + URLEncoder.encode(expr, StandardCharsets.UTF_8)).body());
    }

    private static HttpResponse<String> get(String url) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> post(String path, String token, String body) throws Exception {
        return send(HttpRequest.newBuilder(URI.create(platform.gatewayUrl() + path)).header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return http.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String id(HttpResponse<String> created) {
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return json.readTree(created.body()).path("id").asString();
    }
}
