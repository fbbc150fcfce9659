package com.aftersales.platform.security;

import com.aftersales.testsupport.EndpointMatrix;
import com.aftersales.testsupport.TestIdentity;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;
import java.util.UUID;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The role × endpoint table of a service: enforced for every endpoint, complete, and the same as the README's.
 * Each service runs it as its {@code EndpointAccessIT} (a {@code @SpringBootTest} on a random port with real
 * infrastructure); shipped in service-support's test jar.
 */
public abstract class EndpointAccessContract {

    @LocalServerPort
    int port;
    @Autowired
    EndpointAccessRules access;
    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;
    @Value("${spring.application.name}")
    String service;

    private List<EndpointRule> rules() {
        return PlatformSecurityAutoConfiguration.effectiveRules(service, access);
    }

    @TestFactory
    public Stream<DynamicTest> everyEndpointAdmitsItsRolesAndRefusesTheOthers() {
        return EndpointMatrix.tests(port, rules().stream().map(rule -> new EndpointMatrix.Row(rule.method().name(),
                rule.pattern(), List.of(rule.roleNames()), rule.refusedRole() == null ? null : rule.refusedRole().name()))
                .toList());
    }

    @Test
    public void everyMappedEndpointIsInTheTableAndNothingElse() {
        assertThat(EndpointCoverage.tableEndpoints(rules())).isEqualTo(EndpointCoverage.mappedEndpoints(mappings));
    }

    /** A method the path does not map is MVC's 405 with Allow, also for a caller the table admits elsewhere. */
    @Test
    public void aMethodNoControllerMapsIsA405WithAllowNotA403() throws Exception {
        Set<String> mapped = EndpointCoverage.mappedEndpoints(mappings);
        EndpointRule rule = rules().stream().filter(r -> !r.pattern().startsWith("/api/audit/"))
                .filter(r -> unmappedMethod(mapped, r.pattern()) != null).findFirst().orElseThrow();
        String method = unmappedMethod(mapped, rule.pattern());
        HttpResponse<String> response = send(method, rule.pattern().replaceAll("\\{[^}]+}", UUID.randomUUID().toString()),
                TestIdentity.bearer(TestIdentity.user(rule.roleNames()[0])));
        assertThat(response.statusCode()).as(method + " " + rule.pattern() + ": " + response.body()).isEqualTo(405);
        assertThat(response.headers().firstValue("Allow")).as("Allow").hasValueSatisfying(allow -> assertThat(allow)
                .contains(rule.method().name()));
        assertThat(response.body()).contains("urn:aftersales:problem:method-not-allowed");
        assertThat(response.headers().firstValue("Content-Security-Policy")).isPresent();
        assertThat(response.headers().firstValue("Referrer-Policy")).hasValue("no-referrer");
        assertThat(response.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
    }

    /** {@code /error} called directly is a plain 404 problem, not Boot's 500. */
    @Test
    public void theErrorPageAnsweredDirectlyIsA404Problem() throws Exception {
        HttpResponse<String> response = send("GET", "/error", null);
        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(response.body()).contains("urn:aftersales:problem:not-found");
    }

    private static String unmappedMethod(Set<String> mapped, String pattern) {
        return Stream.of("PUT", "DELETE", "PATCH", "POST").filter(m -> !mapped.contains(m + " " + pattern)).findFirst()
                .orElse(null);
    }

    private HttpResponse<String> send(String method, String path, String authorization) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(30)).header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(method.equals("GET") ? "" : "{}"));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    public void theReadmeTableIsTheCodesTable() {
        EndpointMatrix.assertReadmeSection(Path.of("README.md"), "roles-endpoints", EndpointAccessRules.markdown(rules()));
    }
}
