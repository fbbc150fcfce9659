package com.aftersales.gateway;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Plain JDK HTTP client against the running gateway: no Spring test client in between. */
final class GatewayClient {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    // HTTP/1.1 as the frontends speak it; the JDK's default h2c upgrade attempt on plain HTTP is not what we test.
    private final HttpClient http = HttpClient.newBuilder()
        .version(HttpClient.Version.HTTP_1_1)
        .connectTimeout(Duration.ofSeconds(5))
        .followRedirects(HttpClient.Redirect.NEVER)
        .build();

    private final int port;

    private final String token;

    /** A client that sends an ADMIN token (the routing tests are not about roles). */
    GatewayClient(int port) {
        this(port, TestTokens.admin());
    }

    /** A client that sends {@code token} as a bearer token, or none when it is {@code null}. */
    GatewayClient(int port, String token) {
        this.port = port;
        this.token = token;
    }

    String token() {
        return token;
    }

    GatewayClient withToken(String other) {
        return new GatewayClient(port, other);
    }

    URI uri(String pathAndQuery) {
        return URI.create("http://127.0.0.1:" + port + pathAndQuery);
    }

    HttpRequest.Builder request(String pathAndQuery) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(uri(pathAndQuery)).timeout(Duration.ofSeconds(20));
        return token == null ? builder : builder.header("Authorization", "Bearer " + token);
    }

    HttpResponse<String> get(String pathAndQuery, String... headers) {
        HttpRequest.Builder builder = request(pathAndQuery).GET();
        if (headers.length > 0) {
            builder.headers(headers);
        }
        return send(builder.build());
    }

    HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        }
        catch (IOException e) {
            throw new IllegalStateException(e);
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static JsonNode json(String body) {
        return JSON.readTree(body);
    }

}
