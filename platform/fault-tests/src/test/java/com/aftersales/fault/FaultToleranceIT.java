package com.aftersales.fault;

import com.aftersales.contracts.Topics;
import com.aftersales.launcher.EmbeddedPlatform;
import com.aftersales.launcher.PlatformOptions;
import com.aftersales.launcher.PlatformService;
import com.aftersales.launcher.TcpProxy;
import com.aftersales.launcher.ServiceInstance;
import com.aftersales.testsupport.KafkaTestClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Faults under load, on the whole platform as {@code ./aftersales run --instances 2} starts it (every backend twice,
 * the gateway balancing), with returns-service's database on a PostgreSQL server of its own so that it can fail
 * alone. Every scenario runs the same steady stream of work ({@link Workload}), injects its fault, heals it, lets
 * the stream finish and checks the {@link Ledger}: every accepted request produced exactly its final state and
 * events. One platform serves all scenarios, in order; each prints its row and the table is written to
 * {@code target/fault-tolerance.md} (copied into docs/fault-tolerance.md).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FaultToleranceIT {

    static final int WORKERS = 3;
    static final int IN_FLIGHT_PER_WORKER = 3;
    static final int MAX_CASES = 60;
    static final Duration STEADY = Duration.ofSeconds(6);
    static final Duration AFTER_HEAL = Duration.ofSeconds(4);
    static final Duration KAFKA_DOWN = Duration.ofSeconds(30);
    static final Duration POSTGRES_DOWN = Duration.ofSeconds(15);
    static final Duration SLOW_DB = Duration.ofSeconds(20);
    /** Added to every answer of returns-service's PostgreSQL: a query's round trip goes from ~1 ms to this. */
    static final Duration SLOW_DB_LATENCY = Duration.ofMillis(150);
    static final Duration SLOW_BROKER = Duration.ofSeconds(20);
    /** Added to every answer of the broker (fetches, produce acknowledgements, metadata): ~1 ms becomes this. */
    static final Duration SLOW_BROKER_LATENCY = Duration.ofMillis(150);
    /** Longer than the consumers' session timeout (10 s) and the clients' request timeout (30 s). */
    static final Duration BROKER_PARTITIONED = Duration.ofSeconds(35);
    static final int GATEWAYS = 2;
    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    /**
     * The platform's business clock is set so that midnight in Shanghai comes this long after the start (the platform
     * is ready after ~90 s, up to ~200 s on a busy machine, and the scenarios take ~8 min): the run crosses midnight, in whatever scenario it falls.
     */
    static final Duration MIDNIGHT_AFTER_START = Duration.ofSeconds(300);
    static final String CLOCK_OFFSET_VARIABLE = "AFTERSALES_CLOCK_OFFSET";
    static final Duration WAITING_JOB_SWEEP = Duration.ofSeconds(5);
    static final Duration FINISH = Duration.ofSeconds(150);
    static final Duration CONVERGE = Duration.ofSeconds(90);
    static final int TECHNICIANS = 12;
    static final int SLA_TICKETS = 6;
    static final String SLA_BREACHED = "aftersales.ticket.sla-breached.v1";

    @TempDir
    static Path dataDir;
    static EmbeddedPlatform platform;
    static Gateway gateway;
    static Databases db;
    static EventLog events;
    static Ledger ledger;
    /** In front of returns-service's PostgreSQL from the start, so that it can answer slowly. */
    static TcpProxy returnsDatabase;
    static String customerId;
    /** The services' business clock: the system clock moved by {@link #clockOffset}. */
    static Clock platformClock;
    static Duration clockOffset;
    /** Midnight in Shanghai on the business clock, which the run crosses. */
    static Instant midnight;
    static final List<String> rows = new ArrayList<>();
    /** Names each scenario's units and tickets apart (their Idempotency-Keys derive from them). */
    static final java.util.concurrent.atomic.AtomicInteger SCENARIOS = new java.util.concurrent.atomic.AtomicInteger();

    @BeforeAll
    static void startPlatform() throws Exception {
        Path root = Path.of(System.getProperty("aftersales.projectRoot", "../..")).toAbsolutePath().normalize();
        Instant crossAt = Instant.now().plus(MIDNIGHT_AFTER_START);
        midnight = nearestMidnightInShanghai(crossAt);
        clockOffset = Duration.between(crossAt, midnight);
        platformClock = Clock.offset(Clock.systemUTC(), clockOffset);
        // Two gateways behind a TCP load balancer, and every client's Kafka traffic through a proxy that can slow or cut it.
        PlatformOptions options = PlatformOptions.withFreePorts(root, dataDir, 2).toBuilder()
                .dedicatedPostgres(PlatformService.RETURNS).gateways(GATEWAYS).kafkaBehindProxy(true)
                .backendEnvironment(CLOCK_OFFSET_VARIABLE, clockOffset.toString())
                // A job that finds nobody (the technicians' shifts end at 23:59:59) waits for the sweep (rule
                // retry-waiting-jobs); a short sweep keeps such a wait well inside the workload's patience.
                .backendEnvironment("AFTERSALES_DISPATCH_ASSIGNMENT_SWEEP_INTERVAL", WAITING_JOB_SWEEP.toString()).build();
        long started = System.nanoTime();
        platform = EmbeddedPlatform.start(options);
        returnsDatabase = platform.proxyPostgres(PlatformService.RETURNS);
        System.out.printf(Locale.ROOT, "fault tests: platform with 2 instances per backend and 2 gateways ready in %.1f s; "
                + "business clock %s ahead, midnight in Shanghai (%s) in %d s%n", (System.nanoTime() - started) / 1e9,
                clockOffset, midnight, Duration.between(platformClock.instant(), midnight).toSeconds());
        gateway = new Gateway(platform.gatewayUrl(), new Credentials(platform));
        db = new Databases(platform);
        events = new EventLog(platform.kafkaBootstrapServers());
        ledger = new Ledger(db, events);
        customerId = register("/api/customers", "AGENT", "ft-customer", """
                {"name":"赵丽华","phones":["13916881234"],"tier":"B","preferredLanguage":"zh-CN","contactConsent":true,
                 "addresses":[{"label":"家","line":"上海市徐汇区漕溪北路 88 号 12 楼","regionCode":"310104","latitude":31.1880,"longitude":121.4365}]}""");
        String shifts = String.join(",", java.util.Arrays.stream(java.time.DayOfWeek.values())
                .map(d -> "{\"day\":\"" + d + "\",\"start\":\"00:00\",\"end\":\"23:59:59\"}").toList());
        for (int i = 0; i < TECHNICIANS; i++) {
            String technician = register("/api/technicians", "SUPERVISOR", "ft-technician-" + i, """
                    {"name":"师傅%d","skills":[{"kind":"PRODUCT_CATEGORY","code":"AIR_CONDITIONER","level":4},
                      {"kind":"FAULT_CATEGORY","code":"COOLING","level":4}],
                     "homeLatitude":%.4f,"homeLongitude":%.4f,"serviceRadiusKm":40,
                     "calendar":{"timeZone":"Asia/Shanghai","shifts":[%s]},"maxVisitsPerDay":50}"""
                    .formatted(i, 31.20 + i * 0.01, 121.44 + i * 0.01, shifts));
            register("/api/technicians/" + technician + "/status", "SUPERVISOR", null, "{\"status\":\"AVAILABLE\"}");
        }
    }

    @AfterAll
    static void stopPlatform() throws Exception {
        String table = table();
        System.out.println();
        System.out.println(table);
        Path report = Path.of("target", "fault-tolerance.md");
        Files.createDirectories(report.getParent());
        Files.writeString(report, table, StandardCharsets.UTF_8);
        if (events != null) {
            events.close();
        }
        if (platform != null) {
            platform.close();
        }
    }

    @Test
    @Order(1)
    void aPoisonMessageGoesToTheDeadLetterTopicAndDoesNotBlockItsPartition() throws Exception {
        Scenario scenario = new Scenario("poison message (schema-invalid ticket.opened) on aftersales.tickets.v1");
        scenario.start();
        String victimTicket = scenario.awaitAnOpenedTicket();
        // A well-formed CloudEvent whose data breaks the ticket.opened schema, keyed like a live ticket (same partition,
        // so it sits in front of that ticket's next events); its own subject keeps it out of the ticket's ledger.
        String poison = """
                {"specversion":"1.0","id":"%s","source":"/aftersales/ticket-service","type":"aftersales.ticket.opened.v1",
                 "subject":"poison-%s","time":"%s","datacontenttype":"application/json","data":{"ticketId":"not-a-uuid"}}"""
                .formatted(UUID.randomUUID(), UUID.randomUUID(), Instant.now());
        try (KafkaTestClient kafka = new KafkaTestClient(platform.kafkaBootstrapServers())) {
            kafka.send(Topics.TICKETS, victimTicket, poison.getBytes(StandardCharsets.UTF_8));
        }
        scenario.healed();
        scenario.finishAndVerify();
        List<EventLog.Event> dead = events.records(Topics.deadLetterOf(Topics.TICKETS)).stream()
                .filter(e -> victimTicket.equals(e.key())).toList();
        assertThat(dead).as("the poison message in the dead-letter topic").isNotEmpty();
        scenario.report("dead-lettered " + dead.size() + "x (once per consumer group)");
    }

    @Test
    @Order(2)
    void aServicesDatabaseAnswersSlowlyItsCallsSlowDownNoneFailsWith500AndNothingIsLost() throws Exception {
        Scenario scenario = new Scenario("returns-service PostgreSQL answers " + SLOW_DB_LATENCY.toMillis() + " ms late for "
                + SLOW_DB.toSeconds() + " s (TCP proxy)");
        scenario.start();
        scenario.steady();
        long t0 = System.nanoTime();
        Gateway.Response before = gateway.get("list returns", "ADMIN", "/api/returns?limit=1");
        Duration readBefore = Duration.ofNanos(System.nanoTime() - t0);
        long serverErrorsBefore = serverErrors();
        int acceptedBefore = scenario.workload.writesAccepted();
        returnsDatabase.latency(SLOW_DB_LATENCY);
        Instant slow = Instant.now();
        Gateway.Response whileSlow;
        Duration readWhileSlow;
        int acceptedWhileSlow;
        try {
            long t1 = System.nanoTime();
            whileSlow = gateway.get("list returns", "ADMIN", "/api/returns?limit=1");
            readWhileSlow = Duration.ofNanos(System.nanoTime() - t1);
            sleepUntil(slow.plus(SLOW_DB));
            acceptedWhileSlow = scenario.workload.writesAccepted() - acceptedBefore;
        } finally {
            returnsDatabase.latency(Duration.ZERO);
            scenario.healed();
        }
        assertThat(before.status()).as(before.raw()).isEqualTo(200);
        // Slow, not failed: answered, or a 503/504 problem if a timeout is reached; never a 500.
        assertThat(whileSlow.status()).as(whileSlow.raw()).isIn(200, 503, 504);
        if (whileSlow.status() != 200) {
            assertThat(whileSlow.contentType()).startsWith("application/problem+json");
        }
        assertThat(readWhileSlow).as("the proxy is in the path").isGreaterThan(SLOW_DB_LATENCY);
        assertThat(acceptedWhileSlow).as("writes accepted while the database was slow").isPositive();
        scenario.finishAndVerify();
        assertThat(serverErrors()).as("HTTP 500 answers during the scenario").isEqualTo(serverErrorsBefore);
        scenario.report(String.format(Locale.ROOT, "list returns %d ms before, %d ms while slow (HTTP %d); %d writes accepted "
                + "meanwhile; no 500", readBefore.toMillis(), readWhileSlow.toMillis(), whileSlow.status(), acceptedWhileSlow));
    }

    private static long serverErrors() {
        return gateway.counts().entrySet().stream().filter(e -> e.getKey().endsWith(" 500")).mapToLong(Map.Entry::getValue).sum();
    }

    @Test
    @Order(3)
    void aServicesDatabaseGoesAwayItAnswers503AndTheOthersKeepWorking() throws Exception {
        Scenario scenario = new Scenario("returns-service PostgreSQL stopped " + POSTGRES_DOWN.toSeconds() + " s");
        scenario.start();
        scenario.steady();
        int acceptedBefore = scenario.workload.writesAccepted();
        platform.stopPostgres(PlatformService.RETURNS);
        Instant down = Instant.now();
        Gateway.Response whileDown;
        List<Integer> readiness = new ArrayList<>();
        int acceptedWhileDown;
        try {
            do {
                whileDown = gateway.get("list returns", "ADMIN", "/api/returns?limit=1");
                Thread.sleep(500);
            } while (whileDown.status() != 503 && Duration.between(down, Instant.now()).compareTo(POSTGRES_DOWN) < 0);
            for (ServiceInstance instance : platform.instances(PlatformService.RETURNS)) {
                readiness.add(status(instance.url() + "/readyz"));
            }
            sleepUntil(down.plus(POSTGRES_DOWN));
            acceptedWhileDown = scenario.workload.writesAccepted() - acceptedBefore;
        } finally {
            platform.startPostgres(PlatformService.RETURNS);
            scenario.healed();
        }
        assertThat(whileDown.status()).as(whileDown.raw()).isEqualTo(503);
        assertThat(whileDown.contentType()).startsWith("application/problem+json");
        assertThat(whileDown.body().path("type").asString()).isEqualTo("urn:aftersales:problem:service-unavailable");
        assertThat(readiness).as("readiness of the returns-service instances").containsOnly(503);
        assertThat(acceptedWhileDown).as("the other services kept accepting work").isPositive();
        scenario.finishAndVerify();
        scenario.report("503 problem + readiness DOWN while stopped; " + acceptedWhileDown + " writes accepted meanwhile");
    }

    @Test
    @Order(4)
    void theBrokerStopsForThirtySecondsAndNothingAcceptedIsLost() throws Exception {
        Scenario scenario = new Scenario("Kafka broker stopped " + KAFKA_DOWN.toSeconds() + " s");
        scenario.start();
        scenario.steady();
        int acceptedBefore = scenario.workload.writesAccepted();
        platform.stopKafka();
        Instant down = Instant.now();
        int acceptedWhileDown;
        long pending;
        long backlogUpTo;
        try {
            sleepUntil(down.plus(KAFKA_DOWN));
            acceptedWhileDown = scenario.workload.writesAccepted() - acceptedBefore;
            pending = Long.parseLong(db.value("ticket", "select count(*) from outbox_event where published_at is null").orElse("0"));
            backlogUpTo = Long.parseLong(db.value("ticket", "select coalesce(max(sequence_number), 0) from outbox_event "
                    + "where published_at is null").orElse("0"));
        } finally {
            platform.startKafka();
            scenario.healed();
        }
        scenario.finishAndVerify();
        // the backlog of the outage is published (new events keep arriving, e.g. SLA warnings: not part of it)
        assertThat(db.value("ticket", "select count(*) from outbox_event where published_at is null and sequence_number <= ?",
                backlogUpTo).orElseThrow()).as("ticket-service outbox backlog drained").isEqualTo("0");
        // Kafka is not in the readiness group: the services stay routable and take work into their outboxes.
        assertThat(acceptedWhileDown).as("writes accepted while the broker was down").isPositive();
        scenario.report(acceptedWhileDown + " writes accepted while down; ticket outbox backlog " + pending + " drained");
    }

    @Test
    @Order(5)
    void theBrokerAnswersSlowlyWorkGoesOnAndNothingIsLost() throws Exception {
        TcpProxy broker = platform.kafkaProxy();
        Scenario scenario = new Scenario("Kafka broker answers " + SLOW_BROKER_LATENCY.toMillis() + " ms late for "
                + SLOW_BROKER.toSeconds() + " s (TCP proxy)");
        scenario.start();
        scenario.steady();
        long serverErrorsBefore = serverErrors();
        int acceptedBefore = scenario.workload.writesAccepted();
        broker.latency(SLOW_BROKER_LATENCY);
        Instant slow = Instant.now();
        int acceptedWhileSlow;
        try {
            sleepUntil(slow.plus(SLOW_BROKER));
            acceptedWhileSlow = scenario.workload.writesAccepted() - acceptedBefore;
        } finally {
            broker.latency(Duration.ZERO);
            scenario.healed();
        }
        assertThat(acceptedWhileSlow).as("writes accepted while the broker was slow").isPositive();
        scenario.finishAndVerify();
        assertThat(serverErrors()).as("HTTP 500 answers during the scenario").isEqualTo(serverErrorsBefore);
        scenario.report(acceptedWhileSlow + " writes accepted while slow; no 500");
    }

    @Test
    @Order(6)
    void theBrokerIsCutOffByTheNetworkWritesAreKeptAndPublishedWhenItIsBack() throws Exception {
        TcpProxy broker = platform.kafkaProxy();
        Scenario scenario = new Scenario("Kafka broker unreachable " + BROKER_PARTITIONED.toSeconds()
                + " s (network partition at the TCP proxy, broker running)");
        scenario.start();
        scenario.steady();
        long serverErrorsBefore = serverErrors();
        int acceptedBefore = scenario.workload.writesAccepted();
        broker.partition();
        Instant cut = Instant.now();
        int acceptedWhileCut;
        long backlogUpTo;
        long pending;
        Gateway.Response probe;
        try {
            // A new customer while the broker cannot be reached: a write whose event waits in the outbox. (The workload's
            // own cases soon all wait for events, so how many of their writes fall into the cut is not the measure.)
            probe = gateway.post("register customer while cut off", "AGENT", "/api/customers", """
                    {"name":"钱晓梅","phones":["13916%06d"],"tier":"B","preferredLanguage":"zh-CN","contactConsent":true,
                     "addresses":[{"label":"家","line":"上海市徐汇区漕溪北路 90 号","regionCode":"310104","latitude":31.1880,"longitude":121.4365}]}"""
                    .formatted(Math.floorMod(System.nanoTime(), 1_000_000)), "partition-probe-" + UUID.randomUUID());
            sleepUntil(cut.plus(BROKER_PARTITIONED));
            acceptedWhileCut = scenario.workload.writesAccepted() - acceptedBefore;
            pending = Long.parseLong(db.value("ticket", "select count(*) from outbox_event where published_at is null").orElse("0"));
            backlogUpTo = Long.parseLong(db.value("ticket", "select coalesce(max(sequence_number), 0) from outbox_event "
                    + "where published_at is null").orElse("0"));
        } finally {
            broker.heal();
            scenario.healed();
        }
        scenario.finishAndVerify();
        assertThat(db.value("ticket", "select count(*) from outbox_event where published_at is null and sequence_number <= ?",
                backlogUpTo).orElseThrow()).as("ticket-service outbox backlog drained").isEqualTo("0");
        assertThat(probe.status()).as("a customer registered while the broker was unreachable: " + probe.raw()).isIn(200, 201);
        assertThat(serverErrors()).as("HTTP 500 answers during the scenario").isEqualTo(serverErrorsBefore);
        scenario.report("a new customer accepted while cut off (and " + acceptedWhileCut + " of the workload's writes); ticket outbox "
                + "backlog " + pending + " drained; no 500");
    }

    @Test
    @Order(7)
    void killNineOfAServiceWhileItProcessesThenItRestartsAndCatchesUp() throws Exception {
        // dispatch-service alone, so that the restarted instance itself must catch up from its offsets and outbox
        ServiceInstance second = platform.instance(PlatformService.DISPATCH, 2);
        platform.stop(second);
        Scenario scenario = new Scenario("kill -9 dispatch-service (single instance), restarted");
        scenario.start();
        scenario.steady();
        ServiceInstance victim = platform.instance(PlatformService.DISPATCH, 1);
        try {
            platform.kill(victim);
            platform.restart(victim);
            scenario.healedAt(scenario.faultAt);
            scenario.finishAndVerify();
            scenario.report("restart to ready included in recovery");
        } finally {
            platform.startService(PlatformService.DISPATCH);
        }
    }

    @Test
    @Order(8)
    void oneOfTwoGatewaysKilledMidStreamTheOtherCarriesTheTraffic() throws Exception {
        assertThat(platform.instances(PlatformService.GATEWAY)).hasSize(GATEWAYS);
        Scenario scenario = new Scenario("kill -9 one of 2 gateways behind the load balancer, not restarted during the run");
        scenario.start();
        scenario.steady();
        ServiceInstance victim = platform.instance(PlatformService.GATEWAY, 1);
        long unansweredBefore = unanswered();
        try {
            platform.kill(victim);
            scenario.healedAt(scenario.faultAt);
            scenario.finishAndVerify();
            long broken = unanswered() - unansweredBefore;
            Gateway.Response after = gateway.get("list returns", "ADMIN", "/api/returns?limit=1");
            assertThat(after.status()).as("the surviving gateway answers: " + after.raw()).isEqualTo(200);
            scenario.report(broken + " requests lost their connection with the killed gateway and were retried");
        } finally {
            platform.restart(victim);
        }
    }

    private static long unanswered() {
        return gateway.counts().entrySet().stream().filter(e -> e.getKey().endsWith(" 0")).mapToLong(Map.Entry::getValue).sum();
    }

    @Test
    @Order(9)
    void twoInstancesOfEveryServiceOneKilledMidStreamKeepsOrderAndTheSlaSchedulerFiresOnce() throws Exception {
        Scenario scenario = new Scenario("2 instances each; kill -9 one instance of every backend mid-stream");
        List<String> slaTickets = openSlaTickets();
        scenario.start();
        scenario.steady();
        // Their clocks fall due now, while both ticket-service instances scan (FOR UPDATE SKIP LOCKED); one dies just after.
        java.sql.Timestamp dueNow = java.sql.Timestamp.from(platformClock.instant());
        int clocks = db.update("ticket", "update sla_clock set due_at = ?, warn_at = ? where state = 'RUNNING' "
                + "and ticket_id = any(?::uuid[])", dueNow, dueNow, (Object) slaTickets.toArray(String[]::new));
        assertThat(clocks).isPositive();
        Thread.sleep(1_000);
        for (ServiceInstance victim : List.of(platform.instance(PlatformService.TICKET, 1), platform.instance(PlatformService.DISPATCH, 2),
                platform.instance(PlatformService.RETURNS, 1), platform.instance(PlatformService.FEEDBACK, 2))) {
            platform.kill(victim);
        }
        scenario.healedAt(scenario.faultAt);
        scenario.finishAndVerify();
        // Exactly one breach per clock, whichever instance claimed it. The surviving instance scans every
        // aftersales.ticket.sla.scan-interval (15 s), which the workload may well finish before: wait for the scan.
        String published = awaitValue("ticket", "select count(*) from sla_clock where breach_published_at is not null "
                + "and ticket_id = any(?::uuid[])", String.valueOf(clocks), (Object) slaTickets.toArray(String[]::new));
        long breaches = awaitBreachEvents(slaTickets, clocks);
        assertThat(breaches).as("SLA breaches published for " + clocks + " clocks").isEqualTo(clocks);
        assertThat(published).isEqualTo(String.valueOf(clocks));
        scenario.report("per-ticket order kept; SLA breach events " + breaches + " for " + clocks + " due clocks");
    }

    @Test
    @Order(10)
    void theRunCrossedMidnightInShanghaiAndEachDayCountsItsOwnTickets() throws Exception {
        assertThat(platformClock.instant()).as("the run went past midnight in Shanghai on the business clock").isAfter(midnight);
        LocalDate before = midnight.minusSeconds(1).atZone(SHANGHAI).toLocalDate();
        LocalDate after = midnight.atZone(SHANGHAI).toLocalDate();
        String beforeMidnight = db.value("ticket", "select count(*) from ticket where opened_at < ?",
                java.sql.Timestamp.from(midnight)).orElseThrow();
        String afterMidnight = db.value("ticket", "select count(*) from ticket where opened_at >= ?",
                java.sql.Timestamp.from(midnight)).orElseThrow();
        assertThat(Long.parseLong(beforeMidnight)).as("tickets opened before midnight").isPositive();
        assertThat(Long.parseLong(afterMidnight)).as("tickets opened after midnight").isPositive();
        // Each service reads "today" in Shanghai from its business clock: feedback's daily KPIs count every ticket on the
        // Shanghai day it was opened, whichever side of midnight, as ticket-service recorded it.
        Map<String, String> perDay = new java.util.TreeMap<>();
        for (LocalDate day : List.of(before, after)) {
            String tickets = db.value("ticket", "select count(*) from ticket where (opened_at at time zone 'Asia/Shanghai')::date = ?",
                    day).orElseThrow();
            String counted = awaitValue("feedback", "select coalesce(sum(tickets), 0) from kpi_daily where dimension = 'all' "
                    + "and day = ?", tickets, day);
            assertThat(counted).as("feedback's KPI tickets on " + day).isEqualTo(tickets);
            perDay.put(day.toString(), tickets);
        }
        // A return's request date is the store's date (Shanghai) when it was filed, also in the minutes around midnight.
        List<String> wrongDates = db.column("returns", "select id from return_order where request_date_override is null "
                + "and request_date <> (created_at at time zone 'Asia/Shanghai')::date");
        assertThat(wrongDates).as("returns whose request date is not the store's date at filing").isEmpty();
        rows.add(String.format(Locale.ROOT, "| the whole run crosses midnight in Shanghai (business clock %s ahead) | — | "
                + "tickets per Shanghai day %s, KPIs the same | 0 | — | returns dated by the store's day |", clockOffset, perDay));
    }

    /**
     * The distinct breach events of these tickets on the ticket topic, once they number {@code expected} (the relay may
     * still be sending them) and a moment later, so that a second breach of a clock would still be counted.
     */
    private static long awaitBreachEvents(List<String> tickets, int expected) throws InterruptedException {
        long deadline = System.nanoTime() + CONVERGE.toNanos();
        long breaches = breachEvents(tickets);
        while (breaches < expected && System.nanoTime() < deadline) {
            Thread.sleep(1_000);
            breaches = breachEvents(tickets);
        }
        Thread.sleep(2_000);
        return breachEvents(tickets);
    }

    private static long breachEvents(List<String> tickets) {
        long breaches = 0;
        for (String ticket : tickets) {
            breaches += events.distinct(Topics.TICKETS, ticket, SLA_BREACHED);
        }
        return breaches;
    }

    /** Waits until the query's value is {@code expected} (the KPI projection may still be applying), else returns the last. */
    private static String awaitValue(String database, String sql, String expected, Object... params) throws InterruptedException {
        long deadline = System.nanoTime() + CONVERGE.toNanos();
        String value = db.value(database, sql, params).orElse("");
        while (!value.equals(expected) && System.nanoTime() < deadline) {
            Thread.sleep(1_000);
            value = db.value(database, sql, params).orElse("");
        }
        return value;
    }

    /** The midnight in Shanghai nearest to {@code instant}: the business clock moves by at most twelve hours. */
    static Instant nearestMidnightInShanghai(Instant instant) {
        ZonedDateTime local = instant.atZone(SHANGHAI);
        ZonedDateTime previous = local.toLocalDate().atStartOfDay(SHANGHAI);
        ZonedDateTime next = local.toLocalDate().plusDays(1).atStartOfDay(SHANGHAI);
        return Duration.between(previous, local).compareTo(Duration.between(local, next)) < 0 ? previous.toInstant() : next.toInstant();
    }

    /** Tickets that stay open (nobody visits), whose SLA clocks the scale-out scenario makes due. */
    private static List<String> openSlaTickets() throws InterruptedException {
        List<String> tickets = new ArrayList<>();
        for (int i = 0; i < SLA_TICKETS; i++) {
            String serial = "FT-SLA-" + i;
            register("/api/customers/" + customerId + "/products", "STORE", "unit-" + serial, """
                    {"serialNumber":"%s","model":"KFR-35GW/BpR3","category":"AIR_CONDITIONER","batchNumber":"2026W30","purchaseDate":"%s",
                     "storeCode":"SH-XH-003","priceType":"REGULAR","warrantyCardPresent":true}""".formatted(serial, LocalDate.now().minusMonths(1)));
            tickets.add(register("/api/tickets", "AGENT", "ticket-" + serial, """
                    {"customerId":"%s","serialNumber":"%s","model":"KFR-35GW/BpR3","ticketType":"REPAIR","channel":"PHONE",
                     "priority":"URGENT","faultCategory":"COOLING","faultDescription":"空调完全不工作，家中有老人"}""".formatted(customerId, serial)));
        }
        return tickets;
    }

    /** One fault: its workload, when the fault began and ended, and its row of the table. */
    static final class Scenario {
        final String fault;
        final Workload workload;
        Instant faultAt;
        Instant healedAt;
        Ledger.Verdict verdict;
        Duration recovery;

        Scenario(String fault) {
            this.fault = fault;
            this.workload = new Workload(gateway, db, customerId, "s" + SCENARIOS.incrementAndGet(), WORKERS, IN_FLIGHT_PER_WORKER,
                    MAX_CASES, platformClock);
        }

        void start() {
            workload.start();
        }

        void steady() throws InterruptedException {
            Thread.sleep(STEADY.toMillis());
            faultAt = Instant.now();
        }

        String awaitAnOpenedTicket() throws InterruptedException {
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (System.nanoTime() < deadline) {
                for (Workload.Case c : workload.cases()) {
                    if (c.ticketId != null) {
                        faultAt = Instant.now();
                        return c.ticketId;
                    }
                }
                Thread.sleep(100);
            }
            throw new AssertionError("no ticket opened within 60 s");
        }

        void healed() {
            healedAt = Instant.now();
        }

        void healedAt(Instant when) {
            healedAt = when;
        }

        /** Keeps the stream going a little, lets every case finish, then waits until the ledger holds. */
        void finishAndVerify() throws Exception {
            Thread.sleep(AFTER_HEAL.toMillis());
            boolean finished = workload.finish(FINISH);
            long deadline = System.nanoTime() + CONVERGE.toNanos();
            do {
                verdict = ledger.verify(workload.cases());
                if (verdict.allCorrect()) {
                    break;
                }
                Thread.sleep(1_000);
            } while (System.nanoTime() < deadline);
            recovery = Duration.between(healedAt, Instant.now());
            List<String> gaveUp = workload.cases().stream().filter(c -> c.gaveUp != null).map(Object::toString).toList();
            System.out.printf(Locale.ROOT, "%s: %d cases, %d writes accepted, %d refused and retried, requests %s%n", fault,
                    workload.cases().size(), workload.writesAccepted(), workload.writesRefused(), gateway.counts());
            verdict.problems().stream().limit(10).forEach(p -> System.out.println("  wrong: " + p));
            gaveUp.stream().limit(10).forEach(p -> System.out.println("  gave up: " + p));
            assertThat(verdict.problems()).as(fault + ": ledger").isEmpty();
            assertThat(verdict.duplicates()).as(fault + ": duplicates").isZero();
            assertThat(gaveUp).as(fault + ": cases the workload gave up on").isEmpty();
            assertThat(finished).as(fault + ": every case finished").isTrue();
        }

        void report(String note) {
            rows.add(String.format(Locale.ROOT, "| %s | %d | %d / %d | %d | %.1f s | %s |", fault, workload.writesAccepted(),
                    verdict.correct(), verdict.cases(), verdict.duplicates(), recovery.toMillis() / 1000.0, note));
            System.out.println(rows.get(rows.size() - 1));
        }
    }

    static String table() {
        StringBuilder table = new StringBuilder("""
                | fault | requests accepted | final states correct (cases) | duplicates | recovery time | notes |
                |---|---|---|---|---|---|
                """);
        rows.forEach(row -> table.append(row).append('\n'));
        return table.toString();
    }

    private static String register(String path, String role, String key, String body) throws InterruptedException {
        // Right after start-up the gateway may not have seen every instance healthy yet: retry what it cannot route.
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        Gateway.Response response = gateway.post("setup", role, path, body, key);
        while (response.unavailable() && System.nanoTime() < deadline) {
            Thread.sleep(500);
            response = gateway.post("setup", role, path, body, key);
        }
        assertThat(response.status()).as(path + " " + response.raw()).isIn(200, 201);
        return response.id();
    }

    private static int status(String url) throws Exception {
        try {
            // with the database gone, readiness waits for the connection pool's timeout (5 s) before answering DOWN
            return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(20)).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (java.io.IOException e) {
            return 0;
        }
    }

    private static void sleepUntil(Instant when) throws InterruptedException {
        long millis = Duration.between(Instant.now(), when).toMillis();
        if (millis > 0) {
            Thread.sleep(millis);
        }
    }
}
