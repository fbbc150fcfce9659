package com.aftersales.fault;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The workload's HTTP client: every call goes through the gateway with the caller's bearer token (when the
 * platform issues them) and a request id, and is counted per request type and outcome. A transport failure
 * becomes status 0, so callers decide on retries from the status alone.
 */
final class Gateway {

    static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(15);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final String baseUrl;
    private final Credentials credentials;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();
    private final Map<String, AtomicLong> counts = new ConcurrentHashMap<>();

    Gateway(String baseUrl, Credentials credentials) {
        this.baseUrl = baseUrl;
        this.credentials = credentials;
    }

    record Response(int status, JsonNode body, String raw, String contentType) {
        boolean ok() {
            return status >= 200 && status < 300;
        }

        /** No answer, or the gateway or service could not take it now: worth trying again. */
        boolean unavailable() {
            return status == 0 || status == 502 || status == 503 || status == 504;
        }

        String id() {
            return body.path("id").asString();
        }
    }

    Response post(String type, String role, String path, String body, String idempotencyKey) {
        return post(type, role, path, body, idempotencyKey == null ? Map.of() : Map.of("Idempotency-Key", idempotencyKey));
    }

    Response post(String type, String role, String path, String body, Map<String, String> headers) {
        HttpRequest.Builder request = request(role, path).POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
                .header("Content-Type", "application/json");
        headers.forEach(request::header);
        return send(type, request.build());
    }

    Response get(String type, String role, String path) {
        return send(type, request(role, path).GET().build());
    }

    /** Requests by type and outcome ({@code <type> 2xx}, {@code <type> 503}, ...), for the report. */
    Map<String, Long> counts() {
        Map<String, Long> snapshot = new java.util.TreeMap<>();
        counts.forEach((key, value) -> snapshot.put(key, value.get()));
        return snapshot;
    }

    private HttpRequest.Builder request(String role, String path) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(REQUEST_TIMEOUT)
                .header("Accept-Language", "zh-CN");
        credentials.bearer(role).ifPresent(token -> request.header("Authorization", "Bearer " + token));
        return request;
    }

    private Response send(String type, HttpRequest request) {
        Response response;
        try {
            HttpResponse<String> answer = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            JsonNode body;
            try {
                body = answer.body().isBlank() ? JSON.createObjectNode() : JSON.readTree(answer.body());
            } catch (RuntimeException notJson) {
                body = JSON.createObjectNode();
            }
            response = new Response(answer.statusCode(), body, answer.body(),
                    answer.headers().firstValue("Content-Type").orElse(""));
        } catch (IOException e) {
            response = new Response(0, JSON.createObjectNode(), e.toString(), "");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            response = new Response(0, JSON.createObjectNode(), "interrupted", "");
        }
        String outcome = response.ok() ? "2xx" : String.valueOf(response.status());
        counts.computeIfAbsent(type + " " + outcome, k -> new AtomicLong()).incrementAndGet();
        return response;
    }
}
