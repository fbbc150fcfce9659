package com.aftersales.authserver.client;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class RedirectUriRuleTest {

    final RedirectUriRule rule = new RedirectUriRule(List.of("http://localhost:8080", "http://127.0.0.1:8080"),
            List.of("/desk/", "/ops/", "/swagger-ui/oauth2-redirect.html"));

    @Test
    void anyPathBelowAFolderAndExactlyTheSwaggerUiRedirectOnTheGatewaysOrigins() {
        assertThat(rule.allows("http://localhost:8080/desk/")).isTrue();
        assertThat(rule.allows("http://localhost:8080/desk/callback.html")).isTrue();
        assertThat(rule.allows("http://127.0.0.1:8080/ops/index.html?x=1")).isTrue();
        assertThat(rule.allows("http://localhost:8080/swagger-ui/oauth2-redirect.html")).isTrue();
        assertThat(rule.allows("HTTP://LOCALHOST:8080/desk/")).isTrue();
    }

    @Test
    void nothingElse() {
        assertThat(rule.allows("http://localhost:8080/desk")).as("the folder itself without its slash").isFalse();
        assertThat(rule.allows("http://localhost:8080/deskx/")).isFalse();
        assertThat(rule.allows("http://localhost:8080/swagger-ui/oauth2-redirect.html/x")).isFalse();
        assertThat(rule.allows("http://localhost:8081/desk/")).isFalse();
        assertThat(rule.allows("https://localhost:8080/desk/")).isFalse();
        assertThat(rule.allows("http://evil.example/desk/")).isFalse();
        assertThat(rule.allows("http://localhost:8080@evil.example/desk/")).isFalse();
        assertThat(rule.allows("http://user@localhost:8080/desk/")).isFalse();
        assertThat(rule.allows("http://localhost:8080/desk/#fragment")).isFalse();
        assertThat(rule.allows("http://localhost:8080/desk/../api/tickets")).isFalse();
        assertThat(rule.allows("http://localhost:8080/desk/%2e%2e/api")).isFalse();
        assertThat(rule.allows("http://localhost:8080/desk//evil")).isFalse();
        assertThat(rule.allows("/desk/")).isFalse();
        assertThat(rule.allows("")).isFalse();
        assertThat(rule.allows(null)).isFalse();
        assertThat(rule.allows("javascript:alert(1)")).isFalse();
    }

    @Test
    void registersEveryOriginWithEveryPath() {
        assertThat(rule.registered()).hasSize(6).contains("http://localhost:8080/desk/",
                "http://127.0.0.1:8080/swagger-ui/oauth2-redirect.html");
    }
}
