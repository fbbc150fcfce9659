package com.aftersales.e2e;

import com.aftersales.contracts.Topics;
import com.aftersales.launcher.EmbeddedPlatform;
import com.aftersales.launcher.PlatformService;
import com.aftersales.testsupport.KafkaTestClient;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.yaml.snakeyaml.Yaml;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.File;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Observability of the running platform (demo data loaded, as {@code ./aftersales run} starts it): a request's
 * W3C trace reaches the event the next service publishes; every metric a Grafana dashboard or an alert rule
 * queries is exported by some service; and the ops console in headless Chromium shows the APIs' figures.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@ExtendWith(DemoPlatform.class)
@org.junit.jupiter.api.Order(1)
class OpsObservabilityE2EIT {

    private static final Duration FLOW_TIMEOUT = Duration.ofSeconds(60);
    private static final String TRACE_ID = "0af7651916cd43dd8448eb211c80319c";
    private static final String CHROMIUM = "/usr/bin/chromium";
    private static final String CHROMEDRIVER = "/usr/bin/chromedriver";

    static Path root;
    static EmbeddedPlatform platform;

    private final HttpClient http = HttpClient.newHttpClient();
    private final JsonMapper json = JsonMapper.builder().build();

    @BeforeAll
    static void sharedPlatform() {
        root = DemoPlatform.projectRoot();
        platform = DemoPlatform.platform();
    }

    @Test
    @Order(1)
    void theTraceOfARequestContinuesInTheEventTheNextServicePublishes() throws Exception {
        String customer = created(send("POST", "/api/customers", "AGENT", Map.of("Idempotency-Key", "ops-e2e-customer"), """
                {"name":"孙志强","phones":["13912340000"],"tier":"B","preferredLanguage":"zh-CN","contactConsent":true,
                 "addresses":[{"line":"上海市闵行区七莘路 1500 号","regionCode":"310112","latitude":31.1167,"longitude":121.3829}]}"""));
        String purchased = LocalDate.now(ZoneId.of("Asia/Shanghai")).minusMonths(1).toString();
        created(send("POST", "/api/customers/" + customer + "/products", "AGENT", Map.of("Idempotency-Key", "ops-e2e-product"), """
                {"serialNumber":"SN-OPS-TRACE","model":"KFR-35GW/BpR3","category":"AIR_CONDITIONER","batchNumber":"2026W11",
                 "purchaseDate":"%s","storeCode":"SH-MH-003","receiptNumber":"R-OPS-1","priceType":"REGULAR",
                 "warrantyCardPresent":true}""".formatted(purchased)));

        String ticket = created(send("POST", "/api/tickets", "AGENT",
                Map.of("traceparent", "00-" + TRACE_ID + "-b7ad6b7169203331-01", "Idempotency-Key", "ops-e2e-ticket"), """
                        {"customerId":"%s","serialNumber":"SN-OPS-TRACE","model":"KFR-35GW/BpR3","ticketType":"REPAIR",
                         "channel":"PHONE","faultCategory":"COOLING","faultDescription":"空调不制冷"}""".formatted(customer)));

        try (KafkaTestClient kafka = new KafkaTestClient(platform.kafkaBootstrapServers())) {
            // ticket-service relayed TicketOpened; dispatch-service consumed it and queued a job: its event, written
            // by the consumer's transaction and relayed later, still belongs to the caller's trace.
            ConsumerRecord<String, byte[]> opened = kafka.records(Topics.TICKETS, ticket, 1, FLOW_TIMEOUT).get(0);
            ConsumerRecord<String, byte[]> queued = kafka.records(Topics.DISPATCH, ticket, 1, FLOW_TIMEOUT).get(0);
            assertThat(traceparent(opened)).startsWith("00-" + TRACE_ID + "-");
            assertThat(traceparent(queued)).startsWith("00-" + TRACE_ID + "-").isNotEqualTo(traceparent(opened));
        }
    }

    @Test
    @Order(2)
    void everyMetricADashboardOrAnAlertRuleUsesIsExportedByARunningService() throws Exception {
        Set<String> used = new TreeSet<>();
        try (Stream<Path> files = Files.list(root.resolve("ops/grafana/dashboards"))) {
            for (Path file : files.filter(p -> p.toString().endsWith(".json")).sorted().toList()) {
                collectExpressions(json.readTree(file.toFile()).path("panels"), used);
            }
        }
        try (Stream<Path> files = Files.list(root.resolve("ops/prometheus/rules"))) {
            for (Path file : files.filter(p -> p.toString().endsWith(".yml")).sorted().toList()) {
                Map<String, Object> document = new Yaml().load(Files.readString(file, StandardCharsets.UTF_8));
                for (Object group : (List<?>) document.get("groups")) {
                    for (Object rule : (List<?>) ((Map<?, ?>) group).get("rules")) {
                        used.addAll(PromQl.metricNames(String.valueOf(((Map<?, ?>) rule).get("expr"))));
                    }
                }
            }
        }
        // `up` is written by Prometheus itself, not by a service.
        used.remove("up");
        assertThat(used).hasSizeGreaterThan(30);

        Map<String, Set<String>> exported = new HashMap<>();
        await().atMost(FLOW_TIMEOUT).pollInterval(Duration.ofSeconds(5)).untilAsserted(() -> {
            exported.clear();
            for (PlatformService service : PlatformService.ALL) {
                HttpResponse<String> scrape = http.send(HttpRequest.newBuilder(
                        URI.create(platform.managementUrl(service) + "/actuator/prometheus")).build(), HttpResponse.BodyHandlers.ofString());
                assertThat(scrape.statusCode()).as(service.module()).isEqualTo(200);
                exported.put(service.module(), PromQl.exportedNames(scrape.body()));
            }
            Set<String> missing = new TreeSet<>();
            for (String name : used) {
                if (exported.values().stream().noneMatch(names -> PromQl.isExported(name, names))) {
                    missing.add(name);
                }
            }
            assertThat(missing).as("metrics used by ops/grafana dashboards or ops/prometheus rules that no service exports")
                    .isEmpty();
        });
    }

    @Test
    @Order(3)
    void theOpsConsoleShowsTheFiguresOfTheApisInTheBrowsersLanguage() throws Exception {
        assumeTrue(Files.isExecutable(Path.of(CHROMIUM)) && Files.isExecutable(Path.of(CHROMEDRIVER)),
                "headless Chromium not installed (Debian: apt-get install -y chromium chromium-driver)");
        String token = platform.demoTokens().get("OPS");
        assertThat(token).as("the launcher's OPS demo token").isNotBlank();
        assertThat(send("GET", "/api/ops/ticket-service", null, Map.of(), null).statusCode()).as("without a token").isEqualTo(401);
        JsonNode english = json.readTree(http.send(HttpRequest.newBuilder(URI.create(platform.gatewayUrl() + "/ops/bootstrap"))
                .header("Accept-Language", "en-US,en;q=0.9").build(), HttpResponse.BodyHandlers.ofString()).body());
        assertThat(english.path("messages").path("title").asString()).isEqualTo("After-sales operations");

        ChromeOptions options = new ChromeOptions().setBinary(CHROMIUM)
                .addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu", "--lang=zh-CN",
                        "--window-size=1440,1500");
        options.setExperimentalOption("prefs", Map.of("intl.accept_languages", "zh-CN,zh"));
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(new File(CHROMEDRIVER))
                .usingAnyFreePort().build();
        WebDriver browser = new ChromeDriver(service, options);
        try {
            browser.get(platform.gatewayUrl() + "/ops/#token=" + token);
            WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));
            wait.until(d -> loaded(d));
            assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("售后运营看板");
            assertThat(browser.getCurrentUrl()).as("the token leaves the address bar").doesNotContain("token=");

            await().atMost(FLOW_TIMEOUT).pollInterval(Duration.ofSeconds(2)).untilAsserted(() -> {
                Map<String, JsonNode> before = snapshots(token);
                browser.navigate().refresh();
                wait.until(d -> loaded(d) && d.findElement(By.id("console")).isDisplayed());
                Map<String, JsonNode> after = snapshots(token);
                // Demo data is still flowing: compare only a quiet moment, when the APIs agree before and after.
                assertThat(figures(after)).isEqualTo(figures(before));
                assertThat(shown(browser)).isEqualTo(figures(after));
            });

            Path screenshot = Path.of("target", "ops-console.png");
            Files.createDirectories(screenshot.getParent());
            Files.write(screenshot, ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
            Files.copy(screenshot, root.resolve("docs/ops-console.png"), StandardCopyOption.REPLACE_EXISTING);
            assertThat(Files.size(screenshot)).isGreaterThan(10_000);
        } finally {
            browser.quit();
        }
    }

    /** The page has rendered a refresh (it stamps the body when all four sources answered or failed). */
    private static boolean loaded(WebDriver browser) {
        String stamp = browser.findElement(By.tagName("body")).getDomAttribute("data-loaded");
        return stamp != null && !stamp.isEmpty();
    }

    /** The numbers the page must show, from the four snapshots, keyed like {@link #shown(WebDriver)}. */
    private static Map<String, String> figures(Map<String, JsonNode> s) {
        Map<String, String> figures = new TreeMap<>();
        JsonNode tickets = s.get("ticket-service");
        figures.put("backlog-total", tickets.path("backlog").asString());
        tickets.path("backlogByStatus").properties().forEach(e -> {
            if (e.getValue().asLong() > 0) {
                figures.put("backlog-table/" + e.getKey(), e.getValue().asString());
            }
        });
        figures.put("sla-breaches", tickets.path("breachesInWindowTotal").asString());
        tickets.path("breachesInWindow").properties().forEach(e -> figures.put("sla-table/" + e.getKey(), e.getValue().asString()));
        JsonNode dispatch = s.get("dispatch-service");
        figures.put("technicians-on-duty", dispatch.path("techniciansOnDuty").asString());
        figures.put("technicians-utilisation", number(dispatch.path("utilisation")));
        dispatch.path("techniciansByStatus").properties().forEach(e -> figures.put("technicians-table/" + e.getKey(), e.getValue().asString()));
        JsonNode returns = s.get("returns-service");
        figures.put("returns-awaiting", returns.path("awaitingCompany").asString());
        figures.put("returns-late-depot", returns.path("lateDepotRepairs").asString());
        returns.path("ageing").properties().forEach(e -> figures.put("returns-table/" + e.getKey(), e.getValue().asString()));
        JsonNode feedback = s.get("feedback-service");
        figures.put("csat-value", number(feedback.path("csat")));
        figures.put("nps-value", feedback.path("nps").isNull() ? "" : String.valueOf(Math.round(feedback.path("nps").asDouble())));
        figures.put("quality-open", feedback.path("openQualityAlerts").asString());
        feedback.path("openComplaintsBySeverity").properties()
                .forEach(e -> figures.put("complaints-table/" + e.getKey(), e.getValue().asString()));
        return figures;
    }

    /** What the page shows: each figure's raw value (data-value) and each table row's, with its visible text checked. */
    private static Map<String, String> shown(WebDriver browser) {
        Map<String, String> shown = new TreeMap<>();
        for (String id : List.of("backlog-total", "sla-breaches", "technicians-on-duty", "technicians-utilisation",
                "returns-awaiting", "returns-late-depot", "csat-value", "nps-value", "quality-open")) {
            WebElement figure = browser.findElement(By.id(id));
            String value = figure.getDomAttribute("data-value");
            shown.put(id, value == null || value.isEmpty() ? "" : normalise(value));
            assertThat(figure.getText()).as(id + " is visible").isNotBlank();
        }
        for (String table : List.of("backlog-table", "sla-table", "technicians-table", "returns-table", "complaints-table")) {
            for (WebElement row : browser.findElements(By.cssSelector("#" + table + " tr[data-key]"))) {
                WebElement cell = row.findElement(By.cssSelector("td.n"));
                shown.put(table + "/" + row.getDomAttribute("data-key"), cell.getDomAttribute("data-value"));
                assertThat(cell.getText().replace(",", "")).isEqualTo(cell.getDomAttribute("data-value"));
            }
        }
        return shown;
    }

    private static String number(JsonNode value) {
        return value.isNull() || value.isMissingNode() ? "" : normalise(value.asString());
    }

    /** JavaScript prints 2 where Java prints 2.0, and may round the last digit differently: compare by value. */
    private static String normalise(String number) {
        return new java.math.BigDecimal(number).setScale(6, java.math.RoundingMode.HALF_UP).stripTrailingZeros().toPlainString();
    }

    private Map<String, JsonNode> snapshots(String token) throws Exception {
        Map<String, JsonNode> snapshots = new HashMap<>();
        for (PlatformService service : PlatformService.BACKENDS) {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(
                            URI.create(platform.gatewayUrl() + "/api/ops/" + service.module()))
                    .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).as(service.module() + " " + response.body()).isEqualTo(200);
            snapshots.put(service.module(), json.readTree(response.body()));
        }
        return snapshots;
    }

    private static void collectExpressions(JsonNode panels, Set<String> names) {
        for (JsonNode panel : panels) {
            for (JsonNode target : panel.path("targets")) {
                names.addAll(PromQl.metricNames(target.path("expr").asString("")));
            }
            collectExpressions(panel.path("panels"), names);
        }
    }

    private static String traceparent(ConsumerRecord<String, byte[]> record) {
        Header header = record.headers().lastHeader("traceparent");
        assertThat(header).as("traceparent header on %s", record.topic()).isNotNull();
        return new String(header.value(), StandardCharsets.UTF_8);
    }

    private HttpResponse<String> send(String method, String path, String role, Map<String, String> headers, String body)
            throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(platform.gatewayUrl() + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        if (role != null) {
            request.header("Authorization", "Bearer " + platform.demoTokens().get(role));
        }
        headers.forEach(request::header);
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private String created(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return json.readTree(response.body()).path("id").asString();
    }

    /** Just enough PromQL to find the metric names of an expression, and the sample names of an exposition. */
    static final class PromQl {

        private static final Set<String> WORDS = Set.of("sum", "min", "max", "avg", "count", "stddev", "stdvar", "topk",
                "bottomk", "quantile", "count_values", "group", "by", "without", "on", "ignoring", "group_left", "group_right",
                "and", "or", "unless", "bool", "offset", "rate", "irate", "increase", "delta", "idelta", "deriv",
                "histogram_quantile", "abs", "clamp_min", "clamp_max", "label_replace", "label_join", "vector", "scalar",
                "time", "absent", "changes", "resets", "round", "sort", "sort_desc", "avg_over_time", "max_over_time",
                "min_over_time", "sum_over_time", "count_over_time", "last_over_time", "predict_linear", "le", "inf", "nan");
        private static final Pattern LABELS = Pattern.compile("\\{[^}]*}");
        private static final Pattern RANGES = Pattern.compile("\\[[^]]*]");
        private static final Pattern GROUPING = Pattern.compile("\\b(by|without|on|ignoring|group_left|group_right)\\s*\\([^)]*\\)");
        private static final Pattern STRINGS = Pattern.compile("\"[^\"]*\"");
        private static final Pattern IDENTIFIER = Pattern.compile("(?<![\\w$.])([a-zA-Z_:][a-zA-Z0-9_:]*)(?![\\w(])");

        static Set<String> metricNames(String expr) {
            String stripped = STRINGS.matcher(expr).replaceAll("\"\"");
            stripped = LABELS.matcher(stripped).replaceAll(" ");
            stripped = RANGES.matcher(stripped).replaceAll(" ");
            stripped = GROUPING.matcher(stripped).replaceAll(" ");
            stripped = stripped.replaceAll("\\$\\w+", " ");
            Set<String> names = new TreeSet<>();
            Matcher identifier = IDENTIFIER.matcher(stripped);
            while (identifier.find()) {
                String name = identifier.group(1);
                if (!WORDS.contains(name.toLowerCase()) && !name.matches("\\d.*")) {
                    names.add(name);
                }
            }
            return names;
        }

        /** Sample names of a Prometheus text exposition, plus the family names its TYPE lines declare. */
        static Set<String> exportedNames(String exposition) {
            Set<String> names = new TreeSet<>();
            for (String line : exposition.split("\n")) {
                if (line.startsWith("# TYPE ")) {
                    names.add(line.split(" ")[2]);
                } else if (!line.isBlank() && !line.startsWith("#")) {
                    int end = line.indexOf('{');
                    names.add((end < 0 ? line.substring(0, line.indexOf(' ')) : line.substring(0, end)).trim());
                }
            }
            return names;
        }

        /**
         * Exported when a sample of that exact name is (dashboards and rules name the samples: a counter's
         * {@code _total}, a histogram's {@code _bucket}/{@code _count}/{@code _sum}), or a declared family is (a
         * counter named without its {@code _total}).
         */
        static boolean isExported(String name, Set<String> exported) {
            return exported.contains(name);
        }
    }
}
