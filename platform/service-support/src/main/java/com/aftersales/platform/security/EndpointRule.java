package com.aftersales.platform.security;

import org.springframework.http.HttpMethod;

import java.util.Comparator;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * One row of a service's role × endpoint table: which roles may call {@code method pattern}. Patterns use the
 * request-mapping syntax ({@code /api/tickets/{id}}); {@code scope} says how the data is narrowed for scoped roles.
 * A {@code withoutToken} row is reachable with no bearer token at all (every role ticked): the request proves its
 * right some other way, which {@code scope} names (a survey link's token).
 */
public record EndpointRule(HttpMethod method, String pattern, Set<Role> roles, String scope, boolean withoutToken) {

    public EndpointRule {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(pattern, "pattern");
        if (roles.isEmpty()) {
            throw new IllegalArgumentException(method + " " + pattern + ": an endpoint needs at least one role");
        }
        roles = Set.copyOf(roles);
        scope = scope == null ? "" : scope;
    }

    public EndpointRule(HttpMethod method, String pattern, Set<Role> roles, String scope) {
        this(method, pattern, roles, scope, false);
    }

    public String[] roleNames() {
        return sortedRoles().stream().map(Role::name).toArray(String[]::new);
    }

    /** Roles in declaration order (AGENT first, ADMIN last), for stable rendering. */
    public java.util.List<Role> sortedRoles() {
        return roles.stream().sorted(Comparator.naturalOrder()).toList();
    }

    /** A role this endpoint refuses, or null when every role may call it. */
    public Role refusedRole() {
        EnumSet<Role> refused = EnumSet.complementOf(EnumSet.copyOf(roles));
        return refused.isEmpty() ? null : refused.iterator().next();
    }

    String describe() {
        return method + " " + pattern + " -> " + roles.stream().map(Role::name).sorted().collect(Collectors.joining(","));
    }
}
