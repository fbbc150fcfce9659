package com.aftersales.platform.security;

import org.springframework.http.HttpMethod;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A service's declarative role × endpoint table. Each service declares exactly one bean; the platform's security
 * filter chain allows each listed endpoint to its roles and refuses every other {@code /api/**} request to a path a
 * controller maps (403), so a new endpoint is closed until it is added here; a path no controller maps is a 404. The same table is rendered into the service README.
 */
public interface EndpointAccessRules {

    List<EndpointRule> rules();

    /** Builds a table row by row, in the order the README shows it. */
    static Builder table() {
        return new Builder();
    }

    /** The Markdown table of {@code rules}: one row per endpoint, one column per role. */
    static String markdown(List<EndpointRule> rules) {
        StringBuilder table = new StringBuilder("| endpoint | ");
        table.append(Arrays.stream(Role.values()).map(Role::name).collect(Collectors.joining(" | ")))
                .append(" | scope |\n|---|");
        table.append("---|".repeat(Role.values().length)).append("---|\n");
        for (EndpointRule rule : rules) {
            table.append("| `").append(rule.method().name()).append(' ').append(rule.pattern()).append("` |");
            for (Role role : Role.values()) {
                table.append(rule.roles().contains(role) ? " ✓ |" : "  |");
            }
            table.append(' ').append(rule.scope()).append(" |\n");
        }
        return table.toString();
    }

    final class Builder {
        private final List<EndpointRule> rules = new ArrayList<>();

        public Builder allow(HttpMethod method, String pattern, Role... roles) {
            return allowScoped(method, pattern, "", roles);
        }

        /** An endpoint whose data is narrowed for scoped roles; {@code scope} says how (shown in the README). */
        public Builder allowScoped(HttpMethod method, String pattern, String scope, Role... roles) {
            rules.add(new EndpointRule(method, pattern, EnumSet.copyOf(Arrays.asList(roles)), scope));
            return this;
        }

        /**
         * An endpoint anyone may call without a bearer token; {@code proof} says what the request carries instead
         * (shown in the README's scope column). The handler must check that proof itself.
         */
        public Builder allowWithoutToken(HttpMethod method, String pattern, String proof) {
            rules.add(new EndpointRule(method, pattern, EnumSet.allOf(Role.class), "no token: " + proof, true));
            return this;
        }

        public List<EndpointRule> build() {
            return List.copyOf(rules);
        }
    }
}
