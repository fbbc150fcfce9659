package com.aftersales.testsupport;

import org.junit.jupiter.api.DynamicTest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The role × endpoint matrix test: for every row of a service's table, one allowed role gets past security (neither
 * 401 nor 403), one refused role gets a 403 problem, and a request without a token gets a 401 problem. Path
 * variables become fresh random UUIDs, so an allowed call acts on nothing that exists (typically a 404 or a 400).
 * An allowed state-changing call asks for a media type no endpoint produces, so that endpoints without a path
 * variable (re-plans, rebuilds, scans) answer 406 once past security instead of acting on the shared test data.
 */
public final class EndpointMatrix {

    /**
     * One row: {@code method pattern}, the roles it allows, a role it refuses (null when none), and whether it is
     * reachable without a token (then a request without one must get past security too).
     */
    public record Row(String method, String pattern, List<String> allowed, String refused, boolean withoutToken) {

        public Row(String method, String pattern, List<String> allowed, String refused) {
            this(method, pattern, allowed, refused, false);
        }
    }

    /** Produced by no endpoint: content negotiation stops a state-changing probe after security, before the handler. */
    static final String PROBE_MEDIA_TYPE = "application/x-aftersales-authorization-probe";
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();

    private EndpointMatrix() {
    }

    public static Stream<DynamicTest> tests(int port, List<Row> rows) {
        return rows.stream().map(row -> DynamicTest.dynamicTest(row.method() + " " + row.pattern(), () -> {
            String path = row.pattern().replaceAll("\\{[^}]+}", UUID.randomUUID().toString());
            if (row.withoutToken()) {
                HttpResponse<String> anonymous = send(port, row.method(), path, null,
                        row.method().equals("GET") ? "application/json" : PROBE_MEDIA_TYPE);
                assertThat(anonymous.statusCode()).as("open without a token: " + anonymous.body()).isNotIn(401, 403);
            } else {
                HttpResponse<String> anonymous = send(port, row.method(), path, null, "application/json");
                assertThat(anonymous.statusCode()).as("no token: " + anonymous.body()).isEqualTo(401);
                assertThat(anonymous.body()).contains("urn:aftersales:problem:unauthenticated");
                assertThat(anonymous.headers().firstValue("X-Request-Id")).isPresent();
            }

            String allowedRole = row.allowed().get(0);
            HttpResponse<String> allowed = send(port, row.method(), path, TestIdentity.bearer(TestIdentity.user(allowedRole)),
                    row.method().equals("GET") ? "application/json" : PROBE_MEDIA_TYPE);
            assertThat(allowed.statusCode()).as(allowedRole + " is allowed: " + allowed.body()).isNotIn(401, 403);

            if (row.refused() != null) {
                HttpResponse<String> refused = send(port, row.method(), path,
                        TestIdentity.bearer(TestIdentity.user(row.refused())), "application/json");
                assertThat(refused.statusCode()).as(row.refused() + " is refused: " + refused.body()).isEqualTo(403);
                assertThat(refused.body()).contains("urn:aftersales:problem:forbidden");
            }
        }));
    }

    private static HttpResponse<String> send(int port, String method, String path, String authorization, String accept) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .header("Accept", accept)
                .method(method, method.equals("GET") || method.equals("DELETE") ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString("{}"));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        try {
            return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * Asserts that the README's generated section (between {@code <!-- begin:name -->} and {@code <!-- end:name -->})
     * is exactly {@code expected}; run with {@code -Daftersales.readme.write=true} to rewrite it from the code.
     */
    public static void assertReadmeSection(Path readme, String name, String expected) {
        String begin = "<!-- begin:" + name + " -->\n";
        String end = "<!-- end:" + name + " -->";
        try {
            String text = Files.readString(readme, StandardCharsets.UTF_8);
            int from = text.indexOf(begin);
            int to = text.indexOf(end);
            assertThat(from).as(readme + " has no " + begin.trim() + " ... " + end + " section").isNotNegative();
            assertThat(to).as(readme + " has no " + end).isGreaterThan(from);
            String current = text.substring(from + begin.length(), to);
            if (!current.equals(expected) && Boolean.getBoolean("aftersales.readme.write")) {
                Files.writeString(readme, text.substring(0, from + begin.length()) + expected + text.substring(to),
                        StandardCharsets.UTF_8);
                return;
            }
            assertThat(current).as("the roles × endpoints table in " + readme + " differs from the code; "
                    + "rerun with -Daftersales.readme.write=true to regenerate it").isEqualTo(expected);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
