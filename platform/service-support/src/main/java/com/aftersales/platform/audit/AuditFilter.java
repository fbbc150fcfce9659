package com.aftersales.platform.audit;

import com.aftersales.platform.security.Actor;
import com.aftersales.platform.security.CurrentActor;
import com.aftersales.platform.web.CorrelationId;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.HandlerMapping;

import java.io.IOException;
import java.time.Instant;
import java.util.Map;
import java.util.Set;

/**
 * Records every authenticated state-changing request (POST, PUT, PATCH, DELETE) after it is answered, including those
 * the role table refuses (403). Sits in the security filter chain after authentication and before authorization, so
 * it knows the actor and sees the refusal. Requests without a valid token (401) have no one to attribute them to.
 */
public class AuditFilter extends OncePerRequestFilter {

    private static final Set<String> STATE_CHANGING = Set.of("POST", "PUT", "PATCH", "DELETE");

    private final AuditLog audit;

    public AuditFilter(AuditLog audit) {
        this.audit = audit;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !STATE_CHANGING.contains(request.getMethod());
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        int status = HttpStatus.INTERNAL_SERVER_ERROR.value();
        try {
            chain.doFilter(request, response);
            status = response.getStatus();
        } catch (AccessDeniedException e) {
            status = HttpStatus.FORBIDDEN.value();
            throw e;
        } finally {
            int outcome = status;
            CurrentActor.from(authentication).ifPresent(actor -> audit.record(entry(actor, request, response, outcome)));
        }
    }

    private static AuditEntry entry(Actor actor, HttpServletRequest request, HttpServletResponse response, int status) {
        Object route = request.getAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE);
        return new AuditEntry(0, Instant.now(), actor.subject(), actor.roles().stream().map(Enum::name).sorted().toList(),
                actor.store(), actor.depot(), actor.technicianId(), request.getMethod(),
                route == null ? null : route.toString(), request.getRequestURI(), targetId(request, response), status,
                CorrelationId.current().orElse(null));
    }

    /** The path's {@code id} (or its only variable), else the id a 201 Created points at. */
    @SuppressWarnings("unchecked")
    static String targetId(HttpServletRequest request, HttpServletResponse response) {
        Object variables = request.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE);
        if (variables instanceof Map<?, ?> map && !map.isEmpty()) {
            Map<String, String> values = (Map<String, String>) map;
            if (values.containsKey("id")) {
                return values.get("id");
            }
            return String.join("/", values.values());
        }
        String location = response.getHeader(HttpHeaders.LOCATION);
        if (location != null && !location.isBlank()) {
            String trimmed = location.endsWith("/") ? location.substring(0, location.length() - 1) : location;
            return trimmed.substring(trimmed.lastIndexOf('/') + 1);
        }
        return null;
    }
}
