package com.aftersales.platform.security;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;

import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.http.HttpMethod.GET;

class EndpointAccessRulesTest {

    private final List<EndpointRule> table = EndpointAccessRules.table()
            .allowScoped(GET, "/api/returns/{id}", "STORE: own store", Role.STORE, Role.SUPERVISOR)
            .allow(GET, "/api/returns/stats", Role.OPS)
            .build();

    @Test
    void literalPathsAreMatchedBeforeVariablesWhateverTheTableOrder() {
        assertThat(PlatformSecurityAutoConfiguration.bySpecificity(table)).extracting(EndpointRule::pattern)
                .containsExactly("/api/returns/stats", "/api/returns/{id}");
    }

    @Test
    void theMarkdownTableHasARowPerEndpointAndAColumnPerRole() {
        assertThat(EndpointAccessRules.markdown(table)).isEqualTo("""
                | endpoint | AGENT | STORE | SUPERVISOR | TECHNICIAN | QC | DEPOT_PARTNER | OPS | ADMIN | scope |
                |---|---|---|---|---|---|---|---|---|---|
                | `GET /api/returns/{id}` |  | ✓ | ✓ |  |  |  |  |  | STORE: own store |
                | `GET /api/returns/stats` |  |  |  |  |  |  | ✓ |  |  |
                """);
        assertThat(table.get(0).refusedRole()).isEqualTo(Role.AGENT);
    }

    @Test
    void anEndpointAControllerMapsIsMatchedAndAnUnmappedPathOrMethodIsNot() {
        MappedPathMatcher mapped = new MappedPathMatcher(() -> Set.of("GET /api/returns/{id}", "GET /api/returns/stats",
                "* /api/returns/{id}/anything"));
        // Mapped endpoints not in the table are refused (closed by default); HEAD is the GET MVC would run.
        assertThat(mapped.matches(new MockHttpServletRequest("GET", "/api/returns/stats"))).isTrue();
        assertThat(mapped.matches(new MockHttpServletRequest("HEAD", "/api/returns/42"))).isTrue();
        assertThat(mapped.matches(new MockHttpServletRequest("PATCH", "/api/returns/42/anything"))).isTrue();
        // A method the path does not map goes on to MVC's 405 with Allow.
        assertThat(mapped.matches(new MockHttpServletRequest("DELETE", "/api/returns/42"))).isFalse();
        // Paths nothing maps go on to MVC's 404.
        assertThat(mapped.matches(new MockHttpServletRequest("GET", "/api/nothing-here"))).isFalse();
        assertThat(mapped.matches(new MockHttpServletRequest("GET", "/api/returns/42/extra"))).isFalse();
    }
}
