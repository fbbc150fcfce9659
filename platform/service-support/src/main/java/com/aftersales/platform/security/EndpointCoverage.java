package com.aftersales.platform.security;

import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/** Compares a service's request mappings with its role × endpoint table, for the matrix tests and the filter chain. */
public final class EndpointCoverage {

    private EndpointCoverage() {
    }

    /** Every {@code METHOD /api/...} the service maps. */
    public static Set<String> mappedEndpoints(RequestMappingHandlerMapping mapping) {
        Set<String> endpoints = new TreeSet<>();
        for (RequestMappingInfo info : mapping.getHandlerMethods().keySet()) {
            for (String pattern : apiPatterns(info)) {
                for (RequestMethod method : info.getMethodsCondition().getMethods()) {
                    endpoints.add(method.name() + " " + pattern);
                }
            }
        }
        return endpoints;
    }

    /** Every {@code /api/...} path pattern the service maps, whatever the methods (a mapping without any counts too). */
    public static Set<String> mappedApiPatterns(RequestMappingHandlerMapping mapping) {
        Set<String> patterns = new TreeSet<>();
        mapping.getHandlerMethods().keySet().forEach(info -> patterns.addAll(apiPatterns(info)));
        return patterns;
    }

    /** {@link #mappedEndpoints}, plus {@code * /api/...} for a mapping that names no method (it takes any). */
    public static Set<String> mappedApiEndpoints(RequestMappingHandlerMapping mapping) {
        Set<String> endpoints = new TreeSet<>(mappedEndpoints(mapping));
        for (RequestMappingInfo info : mapping.getHandlerMethods().keySet()) {
            if (info.getMethodsCondition().getMethods().isEmpty()) {
                apiPatterns(info).forEach(pattern -> endpoints.add(MappedPathMatcher.ANY_METHOD + " " + pattern));
            }
        }
        return endpoints;
    }

    private static List<String> apiPatterns(RequestMappingInfo info) {
        if (info.getPathPatternsCondition() == null) {
            return List.of();
        }
        return info.getPathPatternsCondition().getPatternValues().stream().filter(p -> p.startsWith("/api/")).toList();
    }

    /** Every {@code METHOD pattern} of the table. */
    public static Set<String> tableEndpoints(List<EndpointRule> rules) {
        return rules.stream().map(r -> r.method().name() + " " + r.pattern()).collect(Collectors.toCollection(TreeSet::new));
    }
}
