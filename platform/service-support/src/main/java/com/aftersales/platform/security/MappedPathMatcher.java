package com.aftersales.platform.security;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Matches a request whose path a controller maps, for any method. The filter chain refuses such a request when the
 * role table does not list it (closed by default: a new endpoint is shut until it is added), while an authenticated
 * request for a path no controller maps goes on to MVC and gets the plain 404 {@code not-found} problem: there is
 * nothing behind it to protect. The patterns are read once, on the first request, when every controller is mapped.
 */
final class MappedPathMatcher implements RequestMatcher {

    private final Supplier<Set<String>> patterns;
    private volatile List<RequestMatcher> matchers;

    MappedPathMatcher(Supplier<Set<String>> patterns) {
        this.patterns = patterns;
    }

    @Override
    public boolean matches(HttpServletRequest request) {
        List<RequestMatcher> current = matchers;
        if (current == null) {
            // Same matching as the table's rules (PathPattern), so a path is "mapped" exactly when a rule could match it.
            current = patterns.get().stream()
                    .map(pattern -> (RequestMatcher) PathPatternRequestMatcher.withDefaults().matcher(pattern)).toList();
            matchers = current;
        }
        return current.stream().anyMatch(matcher -> matcher.matches(request));
    }
}
