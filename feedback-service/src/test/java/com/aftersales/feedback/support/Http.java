package com.aftersales.feedback.support;

import com.aftersales.devidentity.DevUser;
import com.aftersales.testsupport.TestIdentity;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/** A small real-HTTP client for ITs against the service on its random port, as a supervisor unless {@link #as} says otherwise. */
public final class Http {

    private final HttpClient client = HttpClient.newHttpClient();
    private final JsonMapper json = JsonMapper.builder().build();
    private final int port;
    private final String authorization;

    public Http(int port) {
        this(port, TestIdentity.SUPERVISOR);
    }

    private Http(int port, DevUser user) {
        this.port = port;
        this.authorization = user == null ? null : TestIdentity.bearer(user);
    }

    /** The same client calling as {@code user} (null: without a token). */
    public Http as(DevUser user) {
        return new Http(port, user);
    }

    /** Status and parsed body of a response. */
    public record Response(int status, JsonNode body, String raw, HttpResponse<String> response) {
    }

    public Response get(String path) {
        return send(HttpRequest.newBuilder(uri(path)).GET().build());
    }

    /** A GET asking for an answer in {@code acceptLanguage} (e.g. zh-CN). */
    public Response get(String path, String acceptLanguage) {
        return send(HttpRequest.newBuilder(uri(path)).header("Accept-Language", acceptLanguage).GET().build());
    }

    public Response post(String path, String body) {
        return send(HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    private Response send(HttpRequest unauthenticated) {
        HttpRequest request = authorization == null || unauthenticated.headers().firstValue("Authorization").isPresent()
                ? unauthenticated : HttpRequest.newBuilder(unauthenticated, (name, value) -> true)
                .header("Authorization", authorization).build();
        try {
            HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
            String raw = response.body();
            JsonNode body = raw == null || raw.isBlank() || !raw.trim().startsWith("{") && !raw.trim().startsWith("[")
                    ? json.nullNode() : json.readTree(raw);
            return new Response(response.statusCode(), body, raw, response);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
