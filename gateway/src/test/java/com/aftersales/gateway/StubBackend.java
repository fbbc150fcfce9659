package com.aftersales.gateway;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A real HTTP backend on a random loopback port that records every request it receives and
 * answers according to the last path segment, so tests can provoke each behaviour over the wire.
 */
final class StubBackend implements AutoCloseable {

    /** A request as the backend saw it. */
    record Received(String method, String path, String query, Headers headers, String body) {

        String header(String name) {
            return headers.getFirst(name);
        }

    }

    static final String PROBLEM_BODY = "{\"type\":\"urn:aftersales:problem:ticket-closed\",\"title\":\"Conflict\","
            + "\"status\":409,\"detail\":\"Ticket T-1 is closed.\",\"instance\":\"/api/tickets/T-1/problem\"}";

    private final String name;

    private final HttpServer server;

    private final ExecutorService executor;

    private final Duration slowFor;

    private final List<Received> received = new CopyOnWriteArrayList<>();

    private StubBackend(String name, Duration slowFor) throws IOException {
        this.name = name;
        this.slowFor = slowFor;
        this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        this.executor = Executors.newCachedThreadPool(runnable -> {
            Thread thread = new Thread(runnable, "stub-" + name);
            thread.setDaemon(true);
            return thread;
        });
        server.setExecutor(executor);
        server.createContext("/", this::handle);
        server.start();
    }

    static StubBackend start(String name) {
        return start(name, Duration.ofSeconds(3));
    }

    static StubBackend start(String name, Duration slowFor) {
        try {
            return new StubBackend(name, slowFor);
        }
        catch (IOException e) {
            throw new IllegalStateException("cannot start stub " + name, e);
        }
    }

    URI url() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    List<Received> received() {
        return received;
    }

    Received last() {
        return received.get(received.size() - 1);
    }

    void reset() {
        received.clear();
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }

    private void handle(HttpExchange exchange) throws IOException {
        String body;
        try (InputStream in = exchange.getRequestBody()) {
            body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        URI uri = exchange.getRequestURI();
        received.add(new Received(exchange.getRequestMethod(), uri.getRawPath(), uri.getRawQuery(),
                exchange.getRequestHeaders(), body));
        String path = uri.getPath();
        String last = path.substring(path.lastIndexOf('/') + 1);
        switch (last) {
            case "api-docs" -> respond(exchange, 200, "application/json",
                    "{\"openapi\":\"3.1.0\",\"info\":{\"title\":\"" + name + "\",\"version\":\"1\"}}", Map.of());
            case "slow" -> {
                sleep(slowFor);
                respond(exchange, 200, "application/json", "{\"late\":true}", Map.of());
            }
            case "created-absolute" -> respond(exchange, 201, "application/json", "{}",
                    Map.of("Location", url() + "/api/tickets/42?view=full"));
            case "created-relative" -> respond(exchange, 201, "application/json", "{}",
                    Map.of("Location", "/api/tickets/43"));
            case "elsewhere" -> respond(exchange, 302, "text/plain", "",
                    Map.of("Location", "https://example.org/elsewhere"));
            case "problem" -> respond(exchange, 409, "application/problem+json", PROBLEM_BODY, Map.of());
            case "fail" -> respond(exchange, 502, "text/plain", "upstream of the backend failed", Map.of());
            default -> respond(exchange, 200, "application/json",
                    "{\"service\":\"" + name + "\",\"method\":\"" + exchange.getRequestMethod() + "\"}", Map.of());
        }
    }

    private static void respond(HttpExchange exchange, int status, String contentType, String body,
            Map<String, String> headers) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", contentType);
        headers.forEach(exchange.getResponseHeaders()::set);
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        try (var out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

}
