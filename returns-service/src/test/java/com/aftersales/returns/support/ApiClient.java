package com.aftersales.returns.support;

import com.aftersales.devidentity.DevUser;
import com.aftersales.testsupport.TestIdentity;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;

/** Real HTTP against the service under test, as a supervisor unless {@link #as} names another caller. */
public final class ApiClient {

    private final HttpClient http = HttpClient.newHttpClient();
    private final JsonMapper json = JsonMapper.builder().build();
    private final int port;
    private final String authorization;

    public ApiClient(int port) {
        this(port, TestIdentity.SUPERVISOR);
    }

    private ApiClient(int port, DevUser user) {
        this.port = port;
        this.authorization = user == null ? null : TestIdentity.bearer(user);
    }

    /** The same client calling as {@code user} (null: without a token). */
    public ApiClient as(DevUser user) {
        return new ApiClient(port, user);
    }

    public record Response(int status, JsonNode body, HttpResponse<String> raw) {
        public String header(String name) {
            return raw.headers().firstValue(name).orElse(null);
        }
    }

    public Response post(String path, String body) {
        return post(path, body, Map.of());
    }

    public Response post(String path, String body, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body));
        headers.forEach(request::header);
        return send(request.build());
    }

    public Response get(String path) {
        return send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).GET().build());
    }

    private Response send(HttpRequest unauthenticated) {
        HttpRequest request = authorization == null || unauthenticated.headers().firstValue("Authorization").isPresent()
                ? unauthenticated : HttpRequest.newBuilder(unauthenticated, (name, value) -> true)
                .header("Authorization", authorization).build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            JsonNode body = response.body().isBlank() ? json.nullNode() : json.readTree(response.body());
            return new Response(response.statusCode(), body, response);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
