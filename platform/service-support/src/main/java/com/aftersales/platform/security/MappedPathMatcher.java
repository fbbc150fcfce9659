package com.aftersales.platform.security;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpMethod;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Matches a request that a controller maps, path and method ({@code HEAD} counts as the {@code GET} MVC answers it
 * with). The filter chain refuses such a request when the role table does not list it (closed by default: a new
 * endpoint is shut until it is added). Everything else goes on to MVC once authenticated: a path no controller maps
 * gets the 404 {@code not-found} problem, a method the path does not support the 405 with {@code Allow}; there is
 * no handler behind either to protect. The endpoints are read once, on the first request, when every controller is
 * mapped, as {@code METHOD /pattern} ({@code * /pattern} for a mapping that takes any method).
 */
final class MappedPathMatcher implements RequestMatcher {

    static final String ANY_METHOD = "*";

    private final Supplier<Set<String>> endpoints;
    private volatile List<RequestMatcher> matchers;

    MappedPathMatcher(Supplier<Set<String>> endpoints) {
        this.endpoints = endpoints;
    }

    @Override
    public boolean matches(HttpServletRequest request) {
        List<RequestMatcher> current = matchers;
        if (current == null) {
            // Same matching as the table's rules (PathPattern), so an endpoint is "mapped" exactly when a rule could match it.
            current = endpoints.get().stream().map(MappedPathMatcher::matcher).toList();
            matchers = current;
        }
        HttpServletRequest asMapped = HttpMethod.HEAD.matches(request.getMethod())
                ? new jakarta.servlet.http.HttpServletRequestWrapper(request) {
                    @Override
                    public String getMethod() {
                        return HttpMethod.GET.name();
                    }
                } : request;
        return current.stream().anyMatch(matcher -> matcher.matches(asMapped));
    }

    private static RequestMatcher matcher(String endpoint) {
        int space = endpoint.indexOf(' ');
        String method = endpoint.substring(0, space);
        String pattern = endpoint.substring(space + 1);
        return ANY_METHOD.equals(method) ? PathPatternRequestMatcher.withDefaults().matcher(pattern)
                : PathPatternRequestMatcher.withDefaults().matcher(HttpMethod.valueOf(method), pattern);
    }
}
