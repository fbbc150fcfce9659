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
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Demo data posted through the gateway: Shanghai customers with their registered units
 * ({@code demo/customers.tsv}: a ref, the customer's request body, then one request body per unit,
 * tab-separated), then repair tickets for them ({@code demo/tickets.jsonl}, one request body per line).
 * A ticket's {@code customerId} is the ref of a customer line; it is replaced by the id the service
 * gave the customer. (The launcher has no JSON library: the few values read back are found by pattern.)
 * <p>
 * Restarts create nothing new: a customer is looked up by phone before it is registered (and registered
 * with {@code Idempotency-Key: demo-customer-<ref>}), a unit that is already registered to the customer
 * answers 409 and is taken as it is, and tickets carry {@code Idempotency-Key: demo-ticket-<line number>}.
 */
public final class DemoData {

    public static final String RESOURCE = "/demo/tickets.jsonl";
    public static final String CUSTOMERS_RESOURCE = "/demo/customers.tsv";
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
                return reader.lines().map(String::strip).filter(line -> !line.isEmpty()).toList();
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
            Map<String, String> customerIds = registerCustomers(http, gatewayUrl, out);
            return postTickets(http, gatewayUrl, customerIds, out);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            out.println("  demo data interrupted");
            return 0;
        }
    }

    private static Map<String, String> registerCustomers(AuthorizedClient http, String gatewayUrl, PrintStream out)
            throws InterruptedException {
        Map<String, String> ids = new HashMap<>();
        for (String[] entry : customers()) {
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

    private static int postTickets(AuthorizedClient http, String gatewayUrl, Map<String, String> customerIds, PrintStream out)
            throws InterruptedException {
        List<String> tickets = tickets();
        int accepted = 0;
        for (int i = 0; i < tickets.size(); i++) {
            String key = IDEMPOTENCY_KEY_PREFIX + (i + 1);
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
