package com.aftersales.dispatch;

import com.aftersales.devidentity.DevUser;
import com.aftersales.testsupport.TestIdentity;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/** A small HTTP client for the service under test, calling as a supervisor (dispatcher) unless {@link #as} says otherwise. */
public final class Api {

    private final HttpClient http = HttpClient.newHttpClient();
    private final JsonMapper json = JsonMapper.builder().build();
    private final int port;
    private final String authorization;

    public Api(int port) {
        this(port, TestIdentity.SUPERVISOR);
    }

    private Api(int port, DevUser user) {
        this.port = port;
        this.authorization = user == null ? null : TestIdentity.bearer(user);
    }

    /** The same client calling as {@code user} (null: without a token). */
    public Api as(DevUser user) {
        return new Api(port, user);
    }

    public record Response(int status, JsonNode body, java.net.http.HttpHeaders headers) {

        /** The Link rel="next" target of a list's page (docs/paging.md), empty on the last page. */
        public java.util.Optional<String> next() {
            return com.aftersales.testsupport.NextLink.of(headers);
        }
    }

    public Response get(String path) {
        return send(HttpRequest.newBuilder(uri(path)).GET());
    }

    public Response post(String path, String body) {
        return send(HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    public Response put(String path, String body) {
        return send(HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(body)));
    }

    public Response send(HttpRequest.Builder request) {
        try {
            if (authorization != null && request.build().headers().firstValue("Authorization").isEmpty()) {
                request.header("Authorization", authorization);
            }
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Response(response.statusCode(), response.body().isEmpty() ? null : json.readTree(response.body()),
                    response.headers());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    /** A technician body near (lat, lon) who works every day of the week 00:00–23:59, so tests pass at any hour. */
    public static String technician(String name, double lat, double lon, String productCategory, String faultCategory,
                                    int maxVisits) {
        return """
                {"name":"%s","skills":[{"kind":"PRODUCT_CATEGORY","code":"%s","level":4},{"kind":"FAULT_CATEGORY","code":"%s","level":4}],
                 "homeLatitude":%s,"homeLongitude":%s,"serviceRadiusKm":30,
                 "calendar":{"timeZone":"%s","shifts":[%s]},"maxVisitsPerDay":%d}"""
                .formatted(name, productCategory, faultCategory, lat, lon, middayZone(), allDay(), maxVisits);
    }

    /**
     * A UTC offset in which it is now about midday, so that the all-day shift has hours left whenever the tests
     * run (in UTC, a run after 23:00 left the technician less than a visit's time before the shift's end).
     */
    private static String middayZone() {
        int utcHour = java.time.OffsetDateTime.now(java.time.ZoneOffset.UTC).getHour();
        return java.time.ZoneOffset.ofHours(Math.max(-12, Math.min(14, 12 - utcHour))).getId();
    }

    private static String allDay() {
        StringBuilder shifts = new StringBuilder();
        for (java.time.DayOfWeek day : java.time.DayOfWeek.values()) {
            shifts.append(shifts.isEmpty() ? "" : ",").append("{\"day\":\"%s\",\"start\":\"00:00\",\"end\":\"23:59\"}".formatted(day));
        }
        return shifts.toString();
    }
}
