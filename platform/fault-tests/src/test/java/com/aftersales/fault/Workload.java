package com.aftersales.fault;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * A steady stream of realistic work through the gateway: a store registers a sold unit, the call centre opens a
 * repair ticket for it (and, for every third unit, the store files a return), dispatch assigns a technician, who
 * schedules the visit, arrives, writes and gets signed a report and completes the visit; the customer answers
 * the survey. Each worker thread advances its cases one request at a time, so the stream keeps flowing while
 * some cases wait for events.
 *
 * <p>Like a real client, a worker repeats a request that failed: idempotent creations with the same
 * Idempotency-Key; other steps only after checking in the service's database that the failed attempt did not
 * take effect after all (a timeout can hide a commit). A step counts as accepted when it answered 2xx or was
 * found done that way.
 */
final class Workload {

    enum Step { REGISTER_UNIT, OPEN, AWAIT_ASSIGNMENT, SCHEDULE, ON_SITE, REPORT, SIGN, COMPLETE, AWAIT_SURVEY, ANSWER, DONE }

    /** How long a case may keep failing one step before the worker gives up on it (longer than every fault). */
    static final Duration GIVE_UP_AFTER = Duration.ofSeconds(150);
    private static final Duration RETRY_PAUSE = Duration.ofMillis(500);
    private static final Duration POLL_PAUSE = Duration.ofMillis(1000);
    private static final String MODEL = "KFR-35GW/BpR3";
    private static final String[] FAULTS = {"空调不制冷，室外机不转", "开机显示 E1 故障代码，吹热风", "室内机滴水，出风口下方墙面潮湿",
            "遥控器无反应，空调开不了机", "运行时噪音很大，有异响"};

    /** One unit's journey and what the platform accepted of it. */
    static final class Case {
        final String serial;
        final boolean withReturn;
        volatile Step step = Step.REGISTER_UNIT;
        /** Highest step accepted; the ledger expects exactly its effects. */
        volatile Step accepted;
        volatile String productId;
        volatile String ticketId;
        volatile String jobId;
        volatile String technicianId;
        volatile String visitId;
        volatile String reportId;
        volatile String surveyId;
        volatile String surveyToken;
        volatile String returnId;
        volatile boolean returnPending;
        volatile boolean lastAttemptFailed;
        volatile Instant failingSince;
        volatile long nextAttemptNanos;
        volatile String gaveUp;

        Case(String serial, boolean withReturn) {
            this.serial = serial;
            this.withReturn = withReturn;
            this.returnPending = withReturn;
        }

        boolean finished() {
            return gaveUp != null || (step == Step.DONE && !returnPending);
        }

        @Override
        public String toString() {
            return serial + "[" + step + (ticketId == null ? "" : " ticket " + ticketId) + (gaveUp == null ? "" : " gave up: " + gaveUp) + "]";
        }
    }

    private final Gateway gateway;
    private final Databases db;
    private final String customerId;
    private final String name;
    private final int workers;
    private final int inFlightPerWorker;
    private final List<Case> cases = new CopyOnWriteArrayList<>();
    private final AtomicBoolean opening = new AtomicBoolean(true);
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final AtomicInteger started = new AtomicInteger();
    private final AtomicInteger writesAccepted = new AtomicInteger();
    private final AtomicInteger writesRefused = new AtomicInteger();
    private final int maxCases;
    private final List<Thread> threads = new ArrayList<>();

    /** The platform's business clock: purchase dates and visit windows are chosen on it. */
    private final java.time.Clock clock;

    Workload(Gateway gateway, Databases db, String customerId, String name, int workers, int inFlightPerWorker, int maxCases) {
        this(gateway, db, customerId, name, workers, inFlightPerWorker, maxCases, java.time.Clock.systemUTC());
    }

    Workload(Gateway gateway, Databases db, String customerId, String name, int workers, int inFlightPerWorker, int maxCases,
             java.time.Clock clock) {
        this.clock = clock;
        this.gateway = gateway;
        this.db = db;
        this.customerId = customerId;
        this.name = name;
        this.workers = workers;
        this.inFlightPerWorker = inFlightPerWorker;
        this.maxCases = maxCases;
    }

    void start() {
        for (int w = 0; w < workers; w++) {
            Thread thread = new Thread(this::work, "workload-" + name + "-" + w);
            thread.setDaemon(true);
            threads.add(thread);
            thread.start();
        }
    }

    /** No new cases from now on; the open ones keep going. */
    void stopOpening() {
        opening.set(false);
    }

    /** Stops opening and waits until every case finished (or the timeout passed), then stops the workers. */
    boolean finish(Duration timeout) throws InterruptedException {
        stopOpening();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline && !cases.stream().allMatch(Case::finished)) {
            Thread.sleep(200);
        }
        running.set(false);
        for (Thread thread : threads) {
            thread.join(Gateway.REQUEST_TIMEOUT.toMillis() + 1_000);
        }
        return cases.stream().allMatch(Case::finished);
    }

    List<Case> cases() {
        return List.copyOf(cases);
    }

    /** Write requests answered 2xx (creations and state changes, not polls). */
    int writesAccepted() {
        return writesAccepted.get();
    }

    /** Write requests refused: 5xx, 4xx or no answer (each retried later). */
    int writesRefused() {
        return writesRefused.get();
    }

    private void work() {
        List<Case> mine = new ArrayList<>();
        while (running.get()) {
            mine.removeIf(Case::finished);
            if (opening.get() && mine.size() < inFlightPerWorker) {
                int n = started.incrementAndGet();
                if (n <= maxCases) {
                    Case c = new Case("FT-" + name + "-" + n, n % 3 == 0);
                    cases.add(c);
                    mine.add(c);
                }
            }
            boolean acted = false;
            for (Case c : mine) {
                if (running.get() && System.nanoTime() >= c.nextAttemptNanos && !c.finished()) {
                    advance(c);
                    acted = true;
                }
            }
            if (!acted) {
                pause(Duration.ofMillis(50));
            }
        }
    }

    private void advance(Case c) {
        if (c.returnPending && c.accepted != null && c.accepted.compareTo(Step.OPEN) >= 0) {
            fileReturn(c);
            return;
        }
        switch (c.step) {
            case REGISTER_UNIT -> write(c, () -> gateway.post("register unit", "STORE", "/api/customers/" + customerId + "/products", """
                    {"serialNumber":"%s","model":"%s","category":"AIR_CONDITIONER","batchNumber":"2026W30","purchaseDate":"%s",
                     "storeCode":"SH-XH-003","receiptNumber":"R-%s","priceType":"REGULAR","warrantyCardPresent":true}"""
                    .formatted(c.serial, MODEL, java.time.LocalDate.now(clock).minusMonths(2), c.serial), "unit-" + c.serial),
                    r -> c.productId = r.id(), null);
            case OPEN -> write(c, () -> gateway.post("open ticket", "AGENT", "/api/tickets", """
                    {"customerId":"%s","serialNumber":"%s","model":"%s","ticketType":"REPAIR","channel":"PHONE","priority":"NORMAL",
                     "faultCategory":"COOLING","faultDescription":"%s"}"""
                    .formatted(customerId, c.serial, MODEL, FAULTS[Math.floorMod(c.serial.hashCode(), FAULTS.length)]),
                    "ticket-" + c.serial), r -> c.ticketId = r.id(), null);
            case AWAIT_ASSIGNMENT -> {
                Gateway.Response job = gateway.get("read job", "SUPERVISOR", "/api/dispatch/jobs?ticketId=" + c.ticketId);
                if (job.ok() && "ASSIGNED".equals(job.body().path("status").asString())) {
                    c.jobId = job.id();
                    c.technicianId = job.body().path("technicianId").asString();
                    accept(c);
                } else {
                    poll(c);
                }
            }
            case SCHEDULE -> write(c, () -> gateway.post("schedule visit", "SUPERVISOR", "/api/visits", """
                    {"jobId":"%s","windowStart":"%s","windowEnd":"%s"}"""
                    .formatted(c.jobId, Instant.now(clock).plus(Duration.ofMinutes(30)), Instant.now(clock).plus(Duration.ofHours(3))), Map.of()),
                    r -> c.visitId = r.id(),
                    () -> db.value("dispatch", "select id from visit where job_id = ?::uuid", c.jobId).map(id -> c.visitId = id));
            case ON_SITE -> write(c, () -> gateway.post("visit on site", Credentials.technician(c.technicianId), "/api/visits/" + c.visitId + "/status",
                            "{\"status\":\"ON_SITE\"}", technician(c)), r -> { },
                    () -> db.value("dispatch", "select id from visit where id = ?::uuid and status in ('ON_SITE', 'COMPLETED')", c.visitId));
            case REPORT -> write(c, () -> gateway.post("write report", Credentials.technician(c.technicianId), "/api/visits/" + c.visitId + "/reports", """
                            {"cause":"电容老化","fix":"更换电容","faultCode":"E4","fixCode":"REPLACE_CAPACITOR","parts":[],"labourMinutes":40,
                             "dataBackupDone":false,"causeExplained":true}""", technician(c)), r -> c.reportId = r.id(),
                    () -> db.value("dispatch", "select id from service_report where visit_id = ?::uuid", c.visitId).map(id -> c.reportId = id));
            case SIGN -> write(c, () -> gateway.post("sign report", Credentials.technician(c.technicianId), "/api/service-reports/" + c.reportId + "/signature",
                            "{\"signerName\":\"王建国\",\"signatureRef\":\"sig/" + c.serial + ".png\"}", technician(c)), r -> { },
                    () -> db.value("dispatch", "select id from service_report where id = ?::uuid and signed_at is not null", c.reportId));
            case COMPLETE -> write(c, () -> gateway.post("complete visit", Credentials.technician(c.technicianId), "/api/visits/" + c.visitId + "/completion",
                            "{\"outcome\":\"COMPLETED\"}", technician(c)), r -> { },
                    () -> db.value("dispatch", "select id from visit where id = ?::uuid and status = 'COMPLETED'", c.visitId));
            case AWAIT_SURVEY -> {
                // The token reaches the customer by SMS; the test reads it where the sender would.
                Optional<String> survey = db.value("feedback", "select id || ' ' || token from survey where ticket_id = ?::uuid", c.ticketId);
                if (survey.isPresent()) {
                    c.surveyId = survey.get().split(" ")[0];
                    c.surveyToken = survey.get().split(" ")[1];
                    accept(c);
                } else {
                    poll(c);
                }
            }
            case ANSWER -> write(c, () -> gateway.post("answer survey", "AGENT", "/api/surveys/" + c.surveyId + "/responses", """
                            {"token":"%s","csat":%d,"nps":%d,"comment":"师傅很专业，准时上门","channel":"SMS_LINK"}"""
                            .formatted(c.surveyToken, 4 + Math.floorMod(c.serial.hashCode(), 2), 8 + Math.floorMod(c.serial.hashCode(), 3)),
                            Map.of()), r -> { },
                    () -> db.value("feedback", "select id from survey where id = ?::uuid and status = 'ANSWERED'", c.surveyId));
            case DONE -> { }
        }
    }

    private void fileReturn(Case c) {
        Gateway.Response response = gateway.post("file return", "STORE", "/api/returns", """
                {"facts":{"serialNumber":"%s","qualityFaultClaimed":true},"reason":"不制冷，要求退换","salespersonCode":"S-07"}"""
                .formatted(c.serial), "return-" + c.serial);
        if (response.ok()) {
            writesAccepted.incrementAndGet();
            c.returnId = response.id();
            c.returnPending = false;
            c.failingSince = null;
        } else {
            writesRefused.incrementAndGet();
            // The unit's replica reaches returns-service by event: until then a return is refused, so try again.
            c.nextAttemptNanos = System.nanoTime() + RETRY_PAUSE.toNanos();
            if (c.failingSince == null) {
                c.failingSince = Instant.now();
            } else if (Duration.between(c.failingSince, Instant.now()).compareTo(GIVE_UP_AFTER) > 0) {
                c.gaveUp = "return: HTTP " + response.status() + " " + abbreviate(response.raw());
            }
        }
    }

    private static Map<String, String> technician(Case c) {
        return Map.of("X-Technician-Id", c.technicianId);
    }

    /**
     * Sends the step's request; on 2xx records the result and moves on. After a failure, the next attempt first
     * asks {@code alreadyDone} (when the step is not idempotent by key) whether the failed one took effect.
     */
    private void write(Case c, Supplier<Gateway.Response> request, java.util.function.Consumer<Gateway.Response> onAccepted,
                       Supplier<Optional<String>> alreadyDone) {
        if (c.lastAttemptFailed && alreadyDone != null && alreadyDone.get().isPresent()) {
            accept(c);
            return;
        }
        Gateway.Response response = request.get();
        if (response.ok()) {
            writesAccepted.incrementAndGet();
            onAccepted.accept(response);
            accept(c);
            return;
        }
        writesRefused.incrementAndGet();
        c.lastAttemptFailed = true;
        c.nextAttemptNanos = System.nanoTime() + RETRY_PAUSE.toNanos();
        if (c.failingSince == null) {
            c.failingSince = Instant.now();
        } else if (Duration.between(c.failingSince, Instant.now()).compareTo(GIVE_UP_AFTER) > 0) {
            c.gaveUp = c.step + ": HTTP " + response.status() + " " + abbreviate(response.raw());
        }
    }

    private void accept(Case c) {
        c.accepted = c.step;
        c.step = Step.values()[c.step.ordinal() + 1];
        c.lastAttemptFailed = false;
        c.failingSince = null;
        c.nextAttemptNanos = 0;
    }

    private void poll(Case c) {
        c.nextAttemptNanos = System.nanoTime() + POLL_PAUSE.toNanos();
        if (c.failingSince == null) {
            c.failingSince = Instant.now();
        } else if (Duration.between(c.failingSince, Instant.now()).compareTo(GIVE_UP_AFTER) > 0) {
            c.gaveUp = c.step + ": still waiting";
        }
    }

    private static String abbreviate(String text) {
        return text.length() > 300 ? text.substring(0, 300) + "..." : text;
    }

    private static void pause(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
