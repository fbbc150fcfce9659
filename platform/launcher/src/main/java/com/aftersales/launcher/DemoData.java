package com.aftersales.launcher;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Demo data posted through the gateway, a Shanghai after-sales desk: first the desk itself ({@code demo/desk.tsv},
 * phase {@code before}: a partner depot and an own repair centre, technicians with their skills, home coordinates
 * and districts, set available, and published knowledge articles), then Shanghai customers with their registered units
 * ({@code demo/customers.tsv}: a ref, the customer's request body, then one request body per unit,
 * tab-separated), then repair tickets for them ({@code demo/tickets.jsonl}, one request body per line).
 * A ticket's {@code customerId} is the ref of a customer line; it is replaced by the id the service
 * gave the customer. (The launcher has no JSON library: the few values read back are found by pattern.)
 * <p>
 * Restarts create nothing new: a customer is looked up by phone before it is registered (and registered
 * with {@code Idempotency-Key: demo-customer-<ref>}), a unit that is already registered to the customer
 * answers 409 and is taken as it is, and tickets carry {@code Idempotency-Key: demo-ticket-<line number>}.
 * <p>
 * Then a planted bad batch ({@link PlantedBatch}: 72 households in 闵行 with one air-conditioner model, eight repair
 * tickets, seven of them from one batch), the returns of {@code desk.tsv} (phase {@code after}), and finally a quality
 * scan, which finds the batch: {@code GET /api/quality-alerts} shows it. Tickets end in various states on their own:
 * assigned where a skilled technician is on shift, waiting where none is, in return where a return was requested.
 */
public final class DemoData {

    public static final String RESOURCE = "/demo/tickets.jsonl";
    public static final String CUSTOMERS_RESOURCE = "/demo/customers.tsv";
    public static final String DESK_RESOURCE = "/demo/desk.tsv";
    public static final String PLANTED_KEY_PREFIX = "demo-planted-ticket-";
    public static final String QUALITY_SCANS_PATH = "/api/quality-alerts/scans";
    private static final String PHASE_BEFORE = "before";
    private static final String PHASE_AFTER = "after";
    private static final String NO_REF = "-";
    private static final int NOT_FOUND = 404;
    private static final int UNPROCESSABLE = 422;
    /** How long a desk line waits for another service to catch up with an event, and the quality scan for its alert. */
    private static final Duration CATCH_UP = Duration.ofSeconds(30);
    private static final Duration RETRY_PAUSE = Duration.ofMillis(500);
    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private static final Pattern TODAY = Pattern.compile("\\{today(?:-(\\d+))?}");
    private static final Pattern REF = Pattern.compile("\\{([A-Za-z0-9-]+)}");
    public static final String TICKETS_PATH = "/api/tickets";
    public static final String CUSTOMERS_PATH = "/api/customers";
    public static final String IDEMPOTENCY_KEY_PREFIX = "demo-ticket-";
    public static final String CUSTOMER_KEY_PREFIX = "demo-customer-";
    public static final String PRODUCT_KEY_PREFIX = "demo-product-";
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);
    private static final int CREATED = 201;
    private static final int OK = 200;
    private static final int CONFLICT = 409;
    private static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*\"([0-9a-fA-F-]{36})\"");
    private static final Pattern PHONE = Pattern.compile("\"phones\"\\s*:\\s*\\[\\s*\"([^\"]+)\"");
    private static final Pattern SERIAL = Pattern.compile("\"serialNumber\"\\s*:\\s*\"([^\"]+)\"");
    private static final Pattern SAME_CUSTOMER = Pattern.compile("\"sameCustomer\"\\s*:\\s*true");

    private DemoData() {
    }

    /** The ticket request bodies, in file order; blank lines are skipped. */
    public static List<String> tickets() {
        return lines(RESOURCE);
    }

    /** Every demo ticket: the file's and the planted batch's. */
    public static int ticketCount() {
        return tickets().size() + PlantedBatch.tickets().size();
    }

    /** The desk lines (phase, ref, path, body; tab-separated), in file order; comments skipped. */
    static List<String[]> desk() {
        return lines(DESK_RESOURCE).stream().filter(line -> !line.startsWith("#")).map(line -> line.split("\t", 4)).toList();
    }

    /** {@code {today}} and {@code {today-N}}: dates in Shanghai, so purchase windows are the same on every run. */
    static String withDates(String text, LocalDate today) {
        return TODAY.matcher(text).replaceAll(match -> today.minusDays(match.group(1) == null ? 0
                : Long.parseLong(match.group(1))).toString());
    }

    /** The customer lines (ref, customer body, unit bodies; tab-separated), in file order; comments skipped. */
    public static List<String[]> customers() {
        return lines(CUSTOMERS_RESOURCE).stream().filter(line -> !line.startsWith("#")).map(line -> line.split("\t"))
                .toList();
    }

    private static List<String> lines(String resource) {
        try (InputStream in = DemoData.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is missing from the launcher's class path");
            }
            try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
                LocalDate today = LocalDate.now(SHANGHAI);
                return reader.lines().map(String::strip).filter(line -> !line.isEmpty())
                        .map(line -> withDates(line, today)).toList();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Registers the demo customers and units, then posts every demo ticket; a rejected request is reported
     * on {@code out} (with the problem body) and skipped. Returns how many tickets the gateway accepted
     * (201 created, or a replayed idempotency key). Every request carries {@code bearerToken} (an ADMIN's).
     */
    public static int load(String gatewayUrl, String bearerToken, PrintStream out) {
        AuthorizedClient http = new AuthorizedClient(HttpClient.newBuilder().connectTimeout(REQUEST_TIMEOUT).build(), bearerToken);
        try {
            Map<String, String> ids = new HashMap<>();
            postDesk(http, gatewayUrl, PHASE_BEFORE, ids, out);
            List<String[]> customers = new ArrayList<>(customers());
            LocalDate today = LocalDate.now(SHANGHAI);
            PlantedBatch.customers().forEach(line -> customers.add(new String[] {line[0], line[1], withDates(line[2], today)}));
            Map<String, String> customerIds = registerCustomers(http, gatewayUrl, customers, out);
            ids.putAll(customerIds);
            int accepted = postTickets(http, gatewayUrl, customerIds, tickets(), IDEMPOTENCY_KEY_PREFIX, out)
                    + postTickets(http, gatewayUrl, customerIds, PlantedBatch.tickets(), PLANTED_KEY_PREFIX, out);
            postDesk(http, gatewayUrl, PHASE_AFTER, ids, out);
            scanForThePlantedBatch(http, gatewayUrl, out);
            return accepted;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            out.println("  demo data interrupted");
            return 0;
        }
    }

    private static Map<String, String> registerCustomers(AuthorizedClient http, String gatewayUrl, List<String[]> customers,
                                                         PrintStream out) throws InterruptedException {
        Map<String, String> ids = new HashMap<>();
        for (String[] entry : customers) {
            String ref = entry[0];
            String customer = entry[1];
            try {
                Optional<String> id = findByPhone(http, gatewayUrl, first(PHONE, customer).orElseThrow());
                if (id.isEmpty()) {
                    HttpResponse<String> created = send(http, post(gatewayUrl + CUSTOMERS_PATH, customer,
                            CUSTOMER_KEY_PREFIX + ref));
                    if (created.statusCode() != CREATED && created.statusCode() != OK) {
                        out.println("  demo customer " + ref + " rejected: HTTP " + created.statusCode() + " " + created.body());
                        continue;
                    }
                    id = first(ID, created.body());
                }
                ids.put(ref, id.orElseThrow());
                for (int i = 2; i < entry.length; i++) {
                    String serial = first(SERIAL, entry[i]).orElseThrow();
                    HttpResponse<String> registered = send(http, post(gatewayUrl + CUSTOMERS_PATH + "/" + id.get() + "/products",
                            entry[i], PRODUCT_KEY_PREFIX + serial));
                    boolean alreadyTheirs = registered.statusCode() == CONFLICT
                            && SAME_CUSTOMER.matcher(registered.body()).find();
                    if (registered.statusCode() != CREATED && registered.statusCode() != OK && !alreadyTheirs) {
                        out.println("  demo product " + serial + " rejected: HTTP " + registered.statusCode() + " "
                                + registered.body());
                    }
                }
            } catch (IOException e) {
                out.println("  demo customer " + ref + " not sent: " + e);
            }
        }
        return ids;
    }

    private static Optional<String> first(Pattern pattern, String text) {
        Matcher matcher = pattern.matcher(text);
        return matcher.find() ? Optional.of(matcher.group(1)) : Optional.empty();
    }

    private static Optional<String> findByPhone(AuthorizedClient http, String gatewayUrl, String phone)
            throws IOException, InterruptedException {
        HttpResponse<String> found = send(http, HttpRequest.newBuilder(URI.create(gatewayUrl + CUSTOMERS_PATH + "?phone="
                        + URLEncoder.encode(phone, StandardCharsets.UTF_8)))
                .timeout(REQUEST_TIMEOUT).header("Accept", "application/json").GET().build());
        if (found.statusCode() != OK) {
            return Optional.empty();
        }
        return first(ID, found.body());
    }

    private static int postTickets(AuthorizedClient http, String gatewayUrl, Map<String, String> customerIds,
                                   List<String> tickets, String keyPrefix, PrintStream out) throws InterruptedException {
        int accepted = 0;
        for (int i = 0; i < tickets.size(); i++) {
            String key = keyPrefix + (i + 1);
            String ticket = tickets.get(i);
            Optional<String> ref = customerIds.keySet().stream().filter(r -> ticket.contains("\"" + r + "\"")).findFirst();
            if (ref.isEmpty()) {
                out.println("  demo ticket " + key + " skipped: its customer was not registered");
                continue;
            }
            String body = ticket.replace("\"" + ref.get() + "\"", "\"" + customerIds.get(ref.get()) + "\"");
            try {
                HttpResponse<String> response = send(http, post(gatewayUrl + TICKETS_PATH, body, key));
                if (response.statusCode() == CREATED || response.statusCode() == OK) {
                    accepted++;
                } else {
                    out.println("  demo ticket " + key + " rejected: HTTP " + response.statusCode() + " " + response.body());
                }
            } catch (IOException e) {
                out.println("  demo ticket " + key + " not sent: " + e);
            }
        }
        return accepted;
    }

    /**
     * Posts the desk lines of one phase in order, remembering the ids of those with a ref. A line that another
     * service cannot take yet (404 or 422: the unit's registration has not reached it) is retried until
     * {@link #CATCH_UP} has passed.
     */
    private static void postDesk(AuthorizedClient http, String gatewayUrl, String phase, Map<String, String> ids,
                                 PrintStream out) throws InterruptedException {
        for (String[] line : desk()) {
            if (line.length != 4 || !line[0].equals(phase)) {
                continue;
            }
            String ref = line[1];
            Optional<String> path = resolve(line[2], ids);
            Optional<String> body = resolve(line[3], ids);
            if (path.isEmpty() || body.isEmpty()) {
                out.println("  demo " + line[2] + " skipped: it refers to something that was not created");
                continue;
            }
            String key = "demo-" + (ref.equals(NO_REF) ? path.get().replaceAll("[^A-Za-z0-9]+", "-") : ref);
            long deadline = System.nanoTime() + CATCH_UP.toNanos();
            try {
                HttpResponse<String> response = send(http, post(gatewayUrl + path.get(), body.get(), key));
                while ((response.statusCode() == NOT_FOUND || response.statusCode() == UNPROCESSABLE)
                        && System.nanoTime() < deadline) {
                    Thread.sleep(RETRY_PAUSE.toMillis());
                    response = send(http, post(gatewayUrl + path.get(), body.get(), key));
                }
                if (response.statusCode() == CREATED || response.statusCode() == OK) {
                    if (!ref.equals(NO_REF)) {
                        first(ID, response.body()).ifPresent(id -> ids.put(ref, id));
                    }
                } else {
                    out.println("  demo " + path.get() + " (" + ref + ") rejected: HTTP " + response.statusCode() + " "
                            + response.body());
                }
            } catch (IOException e) {
                out.println("  demo " + path.get() + " not sent: " + e);
            }
        }
    }

    /** Replaces every {@code {ref}} by the id created for it; empty when one is unknown. */
    static Optional<String> resolve(String text, Map<String, String> ids) {
        Matcher matcher = REF.matcher(text);
        StringBuilder resolved = new StringBuilder();
        while (matcher.find()) {
            String id = ids.get(matcher.group(1));
            if (id == null) {
                return Optional.empty();
            }
            matcher.appendReplacement(resolved, Matcher.quoteReplacement(id));
        }
        matcher.appendTail(resolved);
        return Optional.of(resolved.toString());
    }

    /**
     * Runs the quality detector now (its schedule is hourly) until it reports the planted batch, raised by this
     * scan or an earlier one; the projection it reads fills from Kafka a moment after the tickets are in.
     */
    private static void scanForThePlantedBatch(AuthorizedClient http, String gatewayUrl, PrintStream out)
            throws InterruptedException {
        long deadline = System.nanoTime() + CATCH_UP.toNanos();
        try {
            while (true) {
                HttpResponse<String> scan = send(http, post(gatewayUrl + QUALITY_SCANS_PATH, "", "demo-quality-scan-"
                        + System.nanoTime()));
                if (scan.statusCode() == OK && scan.body().contains(PlantedBatch.BAD_BATCH)) {
                    return;
                }
                if (System.nanoTime() > deadline) {
                    out.println("  demo quality scan did not flag batch " + PlantedBatch.BAD_BATCH + " within "
                            + CATCH_UP.toSeconds() + " s: HTTP " + scan.statusCode() + " " + scan.body());
                    return;
                }
                Thread.sleep(RETRY_PAUSE.toMillis());
            }
        } catch (IOException e) {
            out.println("  demo quality scan not sent: " + e);
        }
    }

    private static HttpRequest post(String url, String body, String idempotencyKey) {
        return HttpRequest.newBuilder(URI.create(url))
                .timeout(REQUEST_TIMEOUT)
                .header("Content-Type", "application/json")
                .header("Accept", "application/json, application/problem+json")
                .header("Idempotency-Key", idempotencyKey)
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
                .build();
    }

    private static HttpResponse<String> send(AuthorizedClient http, HttpRequest request) throws IOException, InterruptedException {
        return http.send(request);
    }

    /** The JDK client has no default headers: this adds {@code Authorization: Bearer <token>} to every request. */
    record AuthorizedClient(HttpClient http, String bearerToken) {
        HttpResponse<String> send(HttpRequest request) throws IOException, InterruptedException {
            HttpRequest authorized = HttpRequest.newBuilder(request, (name, value) -> true)
                    .header("Authorization", "Bearer " + bearerToken).build();
            return http.send(authorized, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        }
    }
}
