package com.aftersales.launcher;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

/**
 * Demo tickets posted through the gateway, one JSON request body per line of {@code demo/tickets.jsonl}.
 * Each carries {@code Idempotency-Key: demo-ticket-<line number>}, so posting them again on every start
 * creates nothing new.
 */
public final class DemoData {

    public static final String RESOURCE = "/demo/tickets.jsonl";
    public static final String TICKETS_PATH = "/api/tickets";
    public static final String IDEMPOTENCY_KEY_PREFIX = "demo-ticket-";
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);
    private static final int CREATED = 201;
    private static final int OK = 200;

    private DemoData() {
    }

    /** The request bodies, in file order; blank lines are skipped. */
    public static List<String> tickets() {
        try (InputStream in = DemoData.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the launcher's class path");
            }
            try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
                return reader.lines().map(String::strip).filter(line -> !line.isEmpty()).toList();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Posts every demo ticket; a rejected one is reported on {@code out} (with the problem body) and
     * skipped. Returns how many the gateway accepted (201 created, or 200 for a replayed idempotency key).
     */
    public static int load(String gatewayUrl, PrintStream out) {
        HttpClient http = HttpClient.newBuilder().connectTimeout(REQUEST_TIMEOUT).build();
        List<String> tickets = tickets();
        int accepted = 0;
        for (int i = 0; i < tickets.size(); i++) {
            String key = IDEMPOTENCY_KEY_PREFIX + (i + 1);
            HttpRequest request = HttpRequest.newBuilder(URI.create(gatewayUrl + TICKETS_PATH))
                    .timeout(REQUEST_TIMEOUT)
                    .header("Content-Type", "application/json")
                    .header("Accept", "application/json, application/problem+json")
                    .header("Idempotency-Key", key)
                    .POST(HttpRequest.BodyPublishers.ofString(tickets.get(i), StandardCharsets.UTF_8))
                    .build();
            try {
                HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
                if (response.statusCode() == CREATED || response.statusCode() == OK) {
                    accepted++;
                } else {
                    out.println("  demo ticket " + key + " rejected: HTTP " + response.statusCode() + " " + response.body());
                }
            } catch (IOException e) {
                out.println("  demo ticket " + key + " not sent: " + e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                out.println("  demo data interrupted after " + accepted + " tickets");
                return accepted;
            }
        }
        return accepted;
    }
}
