package com.aftersales.e2e;

import com.aftersales.launcher.DemoUser;
import com.aftersales.launcher.EmbeddedPlatform;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.WebDriverWait;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.File;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The service desk in headless Chromium against the whole embedded platform (one start for every scenario), logging
 * in through the embedded authorization server's login form as the demo users: what each page shows is compared
 * with what the API answers, no page may show a problem it was not asked to, every input has a label, the pages work
 * by keyboard, and the main screens are saved as screenshots under docs/desk/.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@org.junit.jupiter.api.extension.ExtendWith(DemoPlatform.class)
class DeskE2EIT {

    private static final String CHROMIUM = "/usr/bin/chromium";
    private static final String CHROMEDRIVER = "/usr/bin/chromedriver";
    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    /** A 1×1 PNG: the "photo" the technician takes. */
    private static final byte[] PHOTO = Base64.getDecoder().decode(
            "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=");

    /** On a failure: the page as it was (screenshot, HTML) under target/desk/, to see what the assertion saw. */
    @org.junit.jupiter.api.extension.RegisterExtension
    static final org.junit.jupiter.api.extension.TestWatcher EVIDENCE = new org.junit.jupiter.api.extension.TestWatcher() {
        @Override
        public void testFailed(org.junit.jupiter.api.extension.ExtensionContext context, Throwable cause) {
            if (browser == null) {
                return;
            }
            try {
                Path dir = Files.createDirectories(Path.of("target", "desk"));
                String name = "failed-" + context.getRequiredTestMethod().getName();
                Files.write(dir.resolve(name + ".png"), ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
                Files.writeString(dir.resolve(name + ".html"), browser.getPageSource());
            } catch (Exception e) {
                cause.addSuppressed(e);
            }
        }
    };

    @TempDir
    static Path dataDir;
    static Path root;
    static EmbeddedPlatform platform;
    static WebDriver browser;

    private final HttpClient http = HttpClient.newHttpClient();
    private final JsonMapper json = JsonMapper.builder().build();

    @BeforeAll
    static void start() {
        assumeTrue(Files.isExecutable(Path.of(CHROMIUM)) && Files.isExecutable(Path.of(CHROMEDRIVER)),
                "headless Chromium not installed (Debian: apt-get install -y chromium chromium-driver)");
        root = Path.of(System.getProperty("aftersales.projectRoot", "../..")).toAbsolutePath().normalize();
        // The demo platform the other end-to-end tests share (demo data loaded): one start fewer in the build.
        platform = DemoPlatform.platform();
        ChromeOptions options = new ChromeOptions().setBinary(CHROMIUM)
                .addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu", "--lang=zh-CN",
                        "--window-size=1366,768");
        options.setExperimentalOption("prefs", Map.of("intl.accept_languages", "zh-CN,zh"));
        // The desk's users sit in Shanghai whatever zone the build machine is in: their "today" is the browser's.
        browser = new ChromeDriver(new ChromeDriverService.Builder().usingDriverExecutable(new File(CHROMEDRIVER))
                .usingAnyFreePort().withEnvironment(Map.of("TZ", SHANGHAI.getId())).build(), options);
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.quit();
        }
    }

    // ---------------------------------------------------------------- scenario 1

    @Test
    @Order(1)
    void anAgentTakesACallASupervisorAssignsATechnicianCompletesAndTheCustomerAnswers() throws Exception {
        login("AGENT", "agent");
        String phone = "139" + String.valueOf(System.nanoTime()).substring(0, 8);
        type(By.id(fieldId("caller-search")), phone);
        waitFor(d -> d.findElement(By.id("caller-results")).getText().contains("没有找到客户"));
        assertAccessible();
        screenshot("agent-search");

        WebElement customerForm = browser.findElement(By.id("customer-form"));
        // A mistyped number: the API's problem in Chinese above the form, its field error beside the phone field, the
        // input kept, and the retry after the correction sends the same Idempotency-Key.
        fill(customerForm, Map.of("name", "赵美兰", "phones", "12", "line", "上海市静安区南京西路 1266 号", "regionCode", "310106"));
        customerForm.findElement(By.cssSelector("button[type=submit]")).click();
        WebElement refused = new WebDriverWait(browser, WAIT).until(d -> d.findElement(By.cssSelector("#customer-form .problem")));
        assertThat(refused.getText()).contains("请求中有字段不合法");
        WebElement phoneInput = customerForm.findElement(By.name("phones"));
        assertThat(phoneInput.getDomAttribute("aria-invalid")).isEqualTo("true");
        assertThat(browser.findElement(By.id(phoneInput.getDomAttribute("aria-describedby"))).getText()).isNotBlank();
        assertThat(customerForm.findElement(By.name("name")).getDomProperty("value")).isEqualTo("赵美兰");
        String key = customerForm.getDomAttribute("data-idempotency-key");
        assertThat(key).isNotBlank();
        setValue(phoneInput, phone);
        // No coordinates: the engine cannot score distance and leaves the job to the supervisor (no-location-no-auto-assign).
        ((JavascriptExecutor) browser).executeScript("""
                window.__keys = []; const original = window.fetch;
                window.fetch = (url, init) => { if (init && init.headers && init.headers['Idempotency-Key']) { window.__keys.push(init.headers['Idempotency-Key']); } return original(url, init); };""");
        customerForm.findElement(By.cssSelector("button[type=submit]")).click();
        WebElement chosen = waitFor(d -> d.findElement(By.id("chosen-customer")));
        String customerId = chosen.getDomAttribute("data-customer-id");
        assertThat((List<Object>) ((JavascriptExecutor) browser).executeScript("return window.__keys;")).as("the retry's key").containsExactly(key);
        assertThat(api("GET", "/api/customers/" + customerId, "AGENT", null).path("name").asString()).isEqualTo("赵美兰");

        String serial = "SN-DESK-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        WebElement productForm = browser.findElement(By.id("product-form"));
        fill(productForm, Map.of("serialNumber", serial, "model", "KFR-35GW/BpR3", "batchNumber", "2026W20",
                "purchaseDate", LocalDate.now(SHANGHAI).minusMonths(2).toString()));
        productForm.findElement(By.cssSelector("button[type=submit]")).click();
        WebElement ticketForm = waitFor(d -> d.findElement(By.id("ticket-form")));

        WebElement fault = ticketForm.findElement(By.name("faultDescription"));
        fault.sendKeys("开机几分钟后停机");
        String described = "开机几分钟后停机，面板显示 E1";
        fault.sendKeys("，面板显示 E1");
        // The suggestions follow the description: the page lists what the knowledge search answers for it.
        List<String> suggested = api("GET", "/api/knowledge-articles/search?q=" + enc(described) + "&model=" + enc("KFR-35GW/BpR3")
                + "&limit=5", "AGENT", null).valueStream().map(x -> x.path("article").path("id").asString()).toList();
        assertThat(suggested).as("the demo knowledge base knows this fault").isNotEmpty();
        waitFor(d -> d.findElements(By.cssSelector("#knowledge-suggestions li[data-article-id]")).stream()
                .map(e -> e.getDomAttribute("data-article-id")).toList().equals(suggested));
        screenshot("agent-new-ticket");
        ticketForm.findElement(By.cssSelector("button[type=submit]")).click();
        WebElement live = waitFor(d -> d.findElement(By.id("ticket-live")));
        String ticketId = waitFor(d -> live.getDomAttribute("data-ticket-id"));
        JsonNode ticket = api("GET", "/api/tickets/" + ticketId, "AGENT", null);
        assertThat(browser.findElement(By.id("ticket-entitlement")).getDomAttribute("data-value"))
                .isEqualTo(ticket.path("entitlement").path("status").asString());
        // The dispatch job is queued by an event: the page polls until it shows the ticket waiting for a technician.
        waitFor(d -> "AWAITING_TECHNICIAN".equals(d.findElement(By.id("ticket-status")).getDomAttribute("data-value")));
        assertNoProblem();
        screenshot("agent-ticket");

        // The supervisor assigns it to the demo technician, overriding hard rules with a reason if he has to.
        String technicianId = platform.demoUser("TECHNICIAN").claims().get("technician_id");
        login("SUPERVISOR", "supervisor");
        WebElement propose = waitFor(d -> d.findElement(By.cssSelector("button[data-ticket-id='" + ticketId + "']")));
        propose.click();
        WebElement assign = waitFor(d -> d.findElement(By.id("assign-form")));
        JsonNode job = api("GET", "/api/dispatch/jobs?ticketId=" + ticketId, "SUPERVISOR", null);
        JsonNode proposal = api("GET", "/api/dispatch/jobs/" + job.path("id").asString() + "/proposal", "SUPERVISOR", null);
        assertThat(browser.findElements(By.cssSelector("table.ranked tbody tr td:nth-child(2)")).stream().map(WebElement::getText).toList())
                .isEqualTo(proposal.path("ranked").valueStream().map(c -> c.path("name").asString()).toList());
        screenshot("supervisor-proposal");
        new org.openqa.selenium.support.ui.Select(assign.findElement(By.name("technicianId"))).selectByValue(technicianId);
        assign.findElement(By.name("reason")).sendKeys("熟悉该小区，客户指定");
        assign.findElement(By.name("overrideRules")).click();
        assign.findElement(By.cssSelector("button[type=submit]")).click();
        waitFor(d -> d.findElement(By.id("assigned")));
        assertThat(api("GET", "/api/dispatch/jobs?ticketId=" + ticketId, "SUPERVISOR", null).path("technicianId").asString())
                .isEqualTo(technicianId);
        assertAccessible();

        // The technician, on a phone: books the visit, goes, reports with a photo and the customer's signature, completes.
        browser.manage().window().setSize(new Dimension(390, 844));
        login("TECHNICIAN", "technician");
        String jobId = job.path("id").asString();
        WebElement schedule = waitFor(d -> d.findElement(By.id("schedule-" + jobId)));
        Instant start = Instant.now().plusSeconds(120);
        setValue(schedule.findElement(By.name("windowStart")), localInput(start));
        setValue(schedule.findElement(By.name("windowEnd")), localInput(start.plusSeconds(1800)));
        schedule.findElement(By.cssSelector("button[type=submit]")).click();
        WebElement visitButton = waitFor(d -> d.findElement(By.cssSelector("#visit-list li[data-visit-id] button.visit")));
        String visitId = browser.findElement(By.cssSelector("#visit-list li[data-visit-id]")).getDomAttribute("data-visit-id");
        JsonNode agenda = api("GET", "/api/visits?from=" + enc(Instant.now().minusSeconds(86400).toString()) + "&to="
                + enc(Instant.now().plusSeconds(86400).toString()), "TECHNICIAN", null);
        assertThat(agenda.valueStream().map(e -> e.path("visit").path("id").asString()).toList()).contains(visitId);
        screenshot("technician-today");
        visitButton.click();
        waitFor(d -> d.findElement(By.id("visit-en_route"))).click();
        waitFor(d -> d.findElement(By.id("visit-on_site"))).click();
        WebElement report = waitFor(d -> d.findElement(By.id("report-form")));
        fill(report, Map.of("cause", "电容老化，压缩机无法启动", "fix", "更换启动电容，试机制冷正常"));
        Path photo = dataDir.resolve("photo.png");
        Files.write(photo, PHOTO);
        report.findElement(By.name("photos")).sendKeys(photo.toString());
        waitFor(d -> d.findElement(By.cssSelector("#photo-list li[data-reference]")));
        assertAccessible();
        screenshot("technician-report");
        report.findElement(By.cssSelector("button[type=submit]")).click();
        WebElement sign = waitFor(d -> d.findElement(By.id("signature-form")));
        sign.findElement(By.name("signerName")).sendKeys("赵美兰");
        WebElement pad = sign.findElement(By.id("signature-pad"));
        new Actions(browser).moveToElement(pad, -100, 0).clickAndHold().moveByOffset(40, -20).moveByOffset(40, 30)
                .moveByOffset(60, -25).release().perform();
        screenshot("technician-signature");
        sign.findElement(By.cssSelector("button[type=submit]")).click();
        waitFor(d -> d.findElement(By.id("complete-visit"))).click();
        waitFor(d -> "COMPLETED".equals(d.findElement(By.id("visit-status")).getDomAttribute("data-value")));
        assertNoProblem();
        JsonNode visit = api("GET", "/api/visits/" + visitId, "SUPERVISOR", null);
        assertThat(visit.path("visit").path("status").asString()).isEqualTo("COMPLETED");
        JsonNode signed = api("GET", "/api/visits/" + visitId + "/reports", "SUPERVISOR", null).get(0);
        assertThat(signed.path("photos").get(0).asString()).startsWith("attachment:");
        String signature = signed.path("signOff").path("signatureRef").asString();
        assertThat(signature).startsWith("attachment:");
        byte[] png = bytes("/api/attachments/" + signature.substring("attachment:".length()), "SUPERVISOR");
        assertThat(png).as("the drawn signature, stored as a PNG").hasSizeGreaterThan(500);

        // The customer opens the link from the SMS (token read where the SMS sender would get it) and answers once.
        JsonNode survey = await().atMost(WAIT).until(() -> apiOrNull("/api/surveys?ticketId=" + ticketId), s -> s != null);
        String surveyId = survey.path("id").asString();
        browser.get(desk() + "/desk/survey.html?s=" + surveyId + "&t=" + enc(surveyToken(surveyId)));
        WebElement answer = waitFor(d -> d.findElement(By.id("survey-form")));
        assertAccessible();
        answer.findElement(By.cssSelector("label[for='csat-5']")).click();
        answer.findElement(By.cssSelector("label[for='nps-9']")).click();
        answer.findElement(By.name("comment")).sendKeys("师傅准时，讲解清楚");
        screenshot("survey");
        answer.findElement(By.cssSelector("button[type=submit]")).click();
        waitFor(d -> "ANSWERED".equals(d.findElement(By.id("survey-state")).getDomAttribute("data-state")));
        JsonNode answered = api("GET", "/api/surveys/" + surveyId, "SUPERVISOR", null);
        assertThat(answered.path("csat").asInt()).isEqualTo(5);
        assertThat(answered.path("channel").asString()).isEqualTo("SMS_LINK");

        // Back at the desk: the ticket is resolved, its timeline is the API's, and the team KPIs are the API's.
        browser.manage().window().setSize(new Dimension(1366, 768));
        login("AGENT", "agent/" + ticketId);
        await().atMost(WAIT).pollInterval(Duration.ofSeconds(2)).untilAsserted(() -> {
            JsonNode now = api("GET", "/api/tickets/" + ticketId, "AGENT", null);
            assertThat(now.path("status").asString()).isIn("RESOLVED", "CLOSED");
            browser.navigate().refresh();
            WebElement liveNow = waitFor(d -> d.findElement(By.cssSelector("#ticket-live[data-status]")));
            assertThat(liveNow.getDomAttribute("data-status")).isEqualTo(now.path("status").asString());
            assertThat(browser.findElements(By.cssSelector("table.timeline tbody tr[data-kind]"))).hasSize(now.path("timeline").size());
        });
        screenshot("agent-ticket-resolved");
        login("SUPERVISOR", "supervisor");
        await().atMost(WAIT).pollInterval(Duration.ofSeconds(2)).untilAsserted(() -> {
            // This month in the KPI zone (Shanghai): the ticket opened minutes ago counts there whatever UTC's date is.
            JsonNode kpis = api("GET", "/api/kpis?granularity=month", "SUPERVISOR", null);
            assertThat(kpis.path("to").asString()).isEqualTo(LocalDate.now(SHANGHAI).toString());
            browser.navigate().refresh();
            WebElement csat = waitFor(d -> d.findElement(By.cssSelector("#team-kpis [data-kpi='csat']")));
            JsonNode expected = kpis.path("rows").get(0).path("kpis").path("csat");
            assertThat(expected.isNull()).as("the answered survey counts in the KPIs").isFalse();
            assertThat(Double.parseDouble(csat.getDomAttribute("data-value"))).isEqualTo(expected.asDouble());
        });
        assertNoProblem();
        screenshot("supervisor");
    }

    // ---------------------------------------------------------------- scenario 2

    @Test
    @Order(2)
    void aStoreClerkOpensAReturnOnDay16ThatInspectionFindsWithoutFault() throws Exception {
        login("STORE", "store");
        LocalDate today = LocalDate.now(SHANGHAI);
        String serial = "SN-RET-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        WebElement sale = waitFor(d -> d.findElement(By.id("sale-form")));
        fill(sale, Map.of("name", "钱立新", "phones", "137" + String.valueOf(System.nanoTime()).substring(0, 8), "serialNumber", serial,
                "model", "XQG100-BD14", "purchaseDate", today.minusDays(16).toString(), "receiptNumber", "R-" + serial));
        new org.openqa.selenium.support.ui.Select(sale.findElement(By.name("category"))).selectByValue("WASHING_MACHINE");
        sale.findElement(By.cssSelector("button[type=submit]")).click();
        waitFor(d -> d.findElement(By.id("sale-registered")));

        WebElement evaluate = browser.findElement(By.id("evaluate-form"));
        fill(evaluate, Map.of("serialNumber", serial, "requestDate", today.toString(), "reason", "洗衣机脱水时异响"));
        evaluate.findElement(By.cssSelector("button[type=submit]")).click();
        WebElement decision = waitFor(d -> d.findElement(By.id("policy-decision")));
        JsonNode expected = api("POST", "/api/returns/policy/evaluate", "STORE", """
                {"serialNumber":"%s","requestDate":"%s","qualityFaultClaimed":true,"signsOfUse":false,"originalPackagingIntact":true,
                 "accessoriesComplete":true,"warrantyCardPresent":true,"customerCausedDamage":false}""".formatted(serial, today));
        assertThat(decision.getDomAttribute("data-remedy")).isEqualTo(expected.path("remedy").asString());
        assertThat(decision.getDomAttribute("data-rule")).isEqualTo(expected.path("decidingRule").asString());
        assertThat(browser.findElement(By.id("decision-days")).getText()).isEqualTo(expected.path("daysSincePurchase").asString());
        assertThat(browser.findElements(By.cssSelector("table.windows td span[data-last-day]")).stream()
                .map(e -> e.getDomAttribute("data-last-day")).toList())
                .isEqualTo(expected.path("windows").valueStream().map(w -> w.path("lastDay").asString()).toList());
        assertThat(browser.findElement(By.id("decision-explanation")).getText()).contains(expected.path("daysSincePurchase").asString());
        assertAccessible();
        screenshot("store-evaluation");

        WebElement rma = browser.findElement(By.id("rma-form"));
        rma.findElement(By.cssSelector("button[type=submit]")).click();
        WebElement view = waitFor(d -> d.findElement(By.id("return-view")));
        String returnId = view.getDomAttribute("data-return-id");
        assertThat(view.getDomAttribute("data-status")).isEqualTo(api("GET", "/api/returns/" + returnId, "STORE", null).path("status").asString());
        WebElement receipt = waitFor(d -> d.findElement(By.id("receipt-form")));
        receipt.findElement(By.name("condition")).sendKeys("外观完好，配件齐全");
        receipt.findElement(By.cssSelector("button[type=submit]")).click();
        waitFor(d -> "RECEIVED".equals(d.findElement(By.id("return-status")).getDomAttribute("data-value")));

        login("QC", "store");
        waitFor(d -> d.findElement(By.xpath("//button[text()='" + serial + "']"))).click();
        WebElement inspection = waitFor(d -> d.findElement(By.id("inspection-form")));
        assertAccessible();
        inspection.findElement(By.cssSelector("button[type=submit]")).click();
        waitFor(d -> "FEE_NEGOTIATION".equals(d.findElement(By.id("return-status")).getDomAttribute("data-value")));
        JsonNode inspected = api("GET", "/api/returns/" + returnId, "QC", null);
        assertThat(inspected.path("status").asString()).isEqualTo("FEE_NEGOTIATION");
        assertThat(new java.math.BigDecimal(browser.findElement(By.id("return-fee")).getDomAttribute("data-amount")))
                .isEqualByComparingTo(inspected.path("fee").path("amount").asString());
        assertNoProblem();
        screenshot("store-fee-negotiation");

        login("STORE", "store");
        waitFor(d -> d.findElement(By.xpath("//button[text()='" + serial + "']"))).click();
        waitFor(d -> d.findElement(By.id("fee-accept"))).click();
        waitFor(d -> !"FEE_NEGOTIATION".equals(d.findElement(By.id("return-status")).getDomAttribute("data-value")));
        screenshot("store-return");
        assertThat(browser.findElement(By.id("return-status")).getDomAttribute("data-value"))
                .isEqualTo(api("GET", "/api/returns/" + returnId, "STORE", null).path("status").asString());
        assertNoProblem();
    }

    // ---------------------------------------------------------------- scenario 3

    @Test
    @Order(3)
    void aDepotPartnerSeesOnlyItsOwnRepairsAndUpdatesOne() throws Exception {
        String depot = platform.demoUser("DEPOT_PARTNER").claims().get("depot");
        // Two units in repair: a washing machine at the partner's depot, an air conditioner at the company's own depot.
        String own = repairAtDepot("WASHING_MACHINE", "XQG100-BD14", depot);
        String other = repairAtDepot("AIR_CONDITIONER", "KFR-35GW/BpR3", null);
        JsonNode all = api("GET", "/api/depot-repairs?limit=200", "SUPERVISOR", null);
        assertThat(all.valueStream().filter(r -> r.path("id").asString().equals(other)).findFirst().orElseThrow()
                .path("depotCode").asString()).isNotEqualTo(depot);

        login("DEPOT_PARTNER", "depot");
        waitFor(d -> d.findElement(By.cssSelector("#depot-repairs tr[data-repair-id='" + own + "']")));
        List<String> shown = browser.findElements(By.cssSelector("#depot-repairs tr[data-repair-id]")).stream()
                .map(r -> r.getDomAttribute("data-repair-id")).toList();
        List<String> expected = all.valueStream().filter(r -> r.path("depotCode").asString().equals(depot))
                .map(r -> r.path("id").asString()).toList();
        assertThat(shown).containsExactlyInAnyOrderElementsOf(expected).contains(own).doesNotContain(other);
        assertThat(browser.findElements(By.cssSelector("#depot-repairs tr[data-repair-id]")))
                .allSatisfy(r -> assertThat(r.getDomAttribute("data-depot")).isEqualTo(depot));
        assertAccessible();

        browser.findElement(By.cssSelector("#depot-repairs tr[data-repair-id='" + own + "'] button")).click();
        WebElement update = waitFor(d -> d.findElement(By.id("depot-status-form")));
        String next = new org.openqa.selenium.support.ui.Select(update.findElement(By.name("status"))).getFirstSelectedOption()
                .getDomAttribute("value");
        update.findElement(By.name("note")).sendKeys("已收到机器，开始检测");
        screenshot("depot");
        update.findElement(By.cssSelector("button[type=submit]")).click();
        waitFor(d -> next.equals(d.findElement(By.id("repair-status")).getDomAttribute("data-value")));
        JsonNode repair = api("GET", "/api/depot-repairs/" + own, "DEPOT_PARTNER", null);
        assertThat(repair.path("status").asString()).isEqualTo(next);
        assertThat(browser.findElement(By.id("repair-promised")).getDomAttribute("data-value")).isEqualTo(repair.path("promisedBy").asString());
        assertNoProblem();
    }

    @Test
    @Order(4)
    void theDeskSwitchesToEnglishAndWorksByKeyboard() throws Exception {
        login("AGENT", "agent");
        WebElement language = browser.findElement(By.id("language"));
        new org.openqa.selenium.support.ui.Select(language).selectByValue("en");
        waitFor(d -> "Service desk".equals(d.findElement(By.id("app-title")).getText()));
        // Keyboard only: the first Tab reaches the skip link, Enter on it moves to the content, the next Tab is the
        // caller search, where the agent types.
        browser.navigate().refresh();
        waitFor(d -> d.findElement(By.tagName("body")).getDomAttribute("data-ready") != null);
        new Actions(browser).sendKeys(Keys.TAB).perform();
        assertThat(browser.switchTo().activeElement().getText()).isEqualTo("Skip to content");
        new Actions(browser).sendKeys(Keys.ENTER).perform();
        assertThat(browser.switchTo().activeElement().getDomAttribute("id")).isEqualTo("view");
        new Actions(browser).sendKeys(Keys.TAB).perform();
        assertThat(browser.switchTo().activeElement().getDomAttribute("name")).as("the caller search is the first stop").isEqualTo("caller-search");
        new Actions(browser).sendKeys("Nobody-" + UUID.randomUUID().toString().substring(0, 6)).perform();
        waitFor(d -> d.findElement(By.id("caller-results")).getText().contains("No customer found"));
        assertNoProblem();
        screenshot("agent-english");
        new org.openqa.selenium.support.ui.Select(browser.findElement(By.id("language"))).selectByValue("zh-CN");

        // Signing out ends the session at the authorization server too: the desk asks for a login again.
        browser.findElement(By.id("logout")).click();
        new WebDriverWait(browser, WAIT).until(d -> d.findElement(By.id("username")));
        assertThat(browser.getCurrentUrl()).startsWith(platform.issuer());
        assertThat(((JavascriptExecutor) browser).executeScript("return sessionStorage.length;")).isEqualTo(0L);
    }

    // ---------------------------------------------------------------- helpers

    /**
     * A unit sold two months ago, returned with a confirmed quality fault and sent to repair at {@code depot} (null:
     * the depot the routing rules choose), all through the API as a supervisor; the depot repair's id.
     */
    private String repairAtDepot(String category, String model, String depot) throws Exception {
        String serial = "SN-DEP-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        String customer = api("POST", "/api/customers", "SUPERVISOR", """
                {"name":"孙立华","phones":["136%s"],"tier":"C","contactConsent":false}""".formatted(String.valueOf(System.nanoTime()).substring(0, 8)))
                .path("id").asString();
        api("POST", "/api/customers/" + customer + "/products", "SUPERVISOR", """
                {"serialNumber":"%s","model":"%s","category":"%s","purchaseDate":"%s","storeCode":"SH-XH-003","priceType":"REGULAR",
                 "warrantyCardPresent":true,"soldByUs":true}""".formatted(serial, model, category, LocalDate.now(SHANGHAI).minusMonths(2)));
        String facts = """
                {"facts":{"serialNumber":"%s","qualityFaultClaimed":true,"signsOfUse":false,"originalPackagingIntact":true,
                 "accessoriesComplete":true,"warrantyCardPresent":true},"reason":"不工作"}""".formatted(serial);
        // returns-service learns of the unit from an event: until then the serial number is unknown to it.
        String returnId = await().atMost(WAIT).pollInterval(Duration.ofMillis(500)).until(() -> {
            HttpResponse<String> created = send("POST", "/api/returns", "SUPERVISOR", facts);
            return created.statusCode() == 201 ? json.readTree(created.body()).path("id").asString() : null;
        }, id -> id != null);
        api("POST", "/api/returns/" + returnId + "/receipt", "SUPERVISOR", "{\"condition\":\"整机，包装完好\"}");
        api("POST", "/api/returns/" + returnId + "/inspection", "QC", """
                {"items":[{"area":"FUNCTION","passed":false,"notes":"不启动"},{"area":"APPEARANCE","passed":true},
                 {"area":"PACKAGING","passed":true},{"area":"ACCESSORIES","passed":true}],"faultConfirmed":true,"customerDamageFound":false}""");
        api("POST", "/api/returns/" + returnId + "/repair", "QC", null);
        return api("POST", "/api/depot-repairs", "QC", depot == null ? "{\"returnId\":\"%s\"}".formatted(returnId)
                : "{\"returnId\":\"%s\",\"depotCode\":\"%s\"}".formatted(returnId, depot)).path("id").asString();
    }

    /** The desk as browsers reach it: on localhost, the origin the authorization server's desk client knows. */
    private static String desk() {
        return platform.gatewayUrl().replace("127.0.0.1", "localhost");
    }

    /**
     * Into the desk at {@code route} as the first demo user of {@code role}, through the real login: the desk
     * redirects to the authorization server (code + PKCE), the user types name and password, the desk takes the code
     * back. Each time from nothing: no desk session in the tab, no login session at the authorization server.
     */
    private static void login(String role, String route) {
        long started = System.nanoTime();
        DemoUser user = platform.demoUser(role);
        browser.get(desk() + "/desk/config.json");
        ((JavascriptExecutor) browser).executeScript("sessionStorage.clear();");
        browser.manage().deleteAllCookies();
        browser.get(desk() + "/desk/#/" + route);
        WebElement name = new WebDriverWait(browser, WAIT).until(d -> d.findElement(By.id("username")));
        assertThat(browser.getCurrentUrl()).as("the authorization server's login page").startsWith(platform.issuer());
        name.sendKeys(user.username());
        browser.findElement(By.id("password")).sendKeys(user.password());
        browser.findElement(By.id("login")).click();
        waitFor(d -> d.findElement(By.tagName("body")).getDomAttribute("data-ready") != null);
        assertThat(browser.getCurrentUrl()).as("back at the desk, the code gone from the address").startsWith(desk() + "/desk/")
                .doesNotContain("code=");
        System.out.printf("desk login as %s (%s) to #/%s: %d ms%n", user.username(), role, route,
                Duration.ofNanos(System.nanoTime() - started).toMillis());
    }

    /** A token of the same demo user the browser logs in as (for the API side of each comparison). */
    private static String token(String role) {
        return TOKENS.computeIfAbsent(role, r -> platform.mintToken(platform.demoUser(r).devUser(), Duration.ofHours(1)));
    }

    private static final Map<String, String> TOKENS = new java.util.concurrent.ConcurrentHashMap<>();

    private static <T> T waitFor(java.util.function.Function<WebDriver, T> condition) {
        return new WebDriverWait(browser, WAIT).ignoring(org.openqa.selenium.NoSuchElementException.class)
                .ignoring(org.openqa.selenium.StaleElementReferenceException.class).until(d -> {
                    List<WebElement> problems = d.findElements(By.cssSelector(".problem"));
                    assertThat(problems.stream().map(WebElement::getText).toList()).as("problems on the page").isEmpty();
                    T value = condition.apply(d);
                    return value instanceof Boolean b && !b ? null : value;
                });
    }

    private static void assertNoProblem() {
        assertThat(browser.findElements(By.cssSelector(".problem")).stream().map(WebElement::getText).toList())
                .as("problems on the page").isEmpty();
    }

    /** Every input, select and textarea has a label (for=id, or around it) or an aria-label(ledby). */
    private static void assertAccessible() {
        Object unlabelled = ((JavascriptExecutor) browser).executeScript("""
                return [...document.querySelectorAll('input:not([type=hidden]), select, textarea')].filter(e =>
                  !(e.id && document.querySelector('label[for="' + CSS.escape(e.id) + '"]')) && !e.closest('label') && !e.getAttribute('aria-label')
                  && !e.getAttribute('aria-labelledby')).map(e => e.name || e.id || e.outerHTML);""");
        assertThat((List<?>) unlabelled).as("inputs without a label").isEmpty();
    }

    private static String fieldId(String name) {
        return (String) ((JavascriptExecutor) browser).executeScript(
                "return document.querySelector('[name=\"' + arguments[0] + '\"]').id;", name);
    }

    private static void type(By by, String text) {
        WebElement element = waitFor(d -> d.findElement(by));
        element.clear();
        element.sendKeys(text);
    }

    private static void fill(WebElement form, Map<String, String> values) {
        values.forEach((name, value) -> setValue(form.findElement(By.name(name)), value));
    }

    /** Sets a value as typing would (date and datetime inputs take ISO values this way, whatever the locale). */
    private static void setValue(WebElement input, String value) {
        ((JavascriptExecutor) browser).executeScript("arguments[0].value = arguments[1];"
                + "arguments[0].dispatchEvent(new Event('input', {bubbles: true}));", input, value);
    }

    private static String localInput(Instant instant) {
        return (String) ((JavascriptExecutor) browser).executeScript("""
                const d = new Date(arguments[0]); const p = n => String(n).padStart(2, '0');
                return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}T${p(d.getHours())}:${p(d.getMinutes())}`;""",
                instant.toString());
    }

    private static void screenshot(String name) throws Exception {
        Path file = Path.of("target", "desk", name + ".png");
        Files.createDirectories(file.getParent());
        Files.write(file, ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
        Files.copy(file, root.resolve("docs/desk/" + name + ".png"), StandardCopyOption.REPLACE_EXISTING);
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    /** The survey link's token, where the SMS sender takes it from (the API never shows it to staff). */
    private static String surveyToken(String surveyId) throws Exception {
        try (Connection c = DriverManager.getConnection(platform.jdbcUrl("feedback"), "feedback", "feedback");
             PreparedStatement s = c.prepareStatement("select token from survey where id = ?::uuid")) {
            s.setString(1, surveyId);
            try (ResultSet r = s.executeQuery()) {
                r.next();
                return r.getString(1);
            }
        }
    }

    private JsonNode api(String method, String path, String role, String body) throws Exception {
        HttpResponse<String> response = send(method, path, role, body);
        assertThat(response.statusCode()).as(method + " " + path + " " + response.body()).isBetween(200, 299);
        return json.readTree(response.body());
    }

    private HttpResponse<String> send(String method, String path, String role, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(platform.gatewayUrl() + path))
                .header("Authorization", "Bearer " + token(role)).header("Accept-Language", "zh-CN")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private JsonNode apiOrNull(String path) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(platform.gatewayUrl() + path))
                .header("Authorization", "Bearer " + token("SUPERVISOR")).build(), HttpResponse.BodyHandlers.ofString());
        return response.statusCode() == 200 ? json.readTree(response.body()) : null;
    }

    private byte[] bytes(String path, String role) throws Exception {
        HttpResponse<byte[]> response = http.send(HttpRequest.newBuilder(URI.create(platform.gatewayUrl() + path))
                .header("Authorization", "Bearer " + token(role)).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(response.statusCode()).isEqualTo(200);
        return response.body();
    }
}
