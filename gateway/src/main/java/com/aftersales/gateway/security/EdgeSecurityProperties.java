package com.aftersales.gateway.security;

import java.time.Duration;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * What the gateway lets through before routing ({@code aftersales.gateway.security.*}).
 *
 * @param publicPaths paths anyone may call (health, Swagger UI, OpenAPI documents, the ops page assets)
 * @param roleRules coarse role checks at the edge; the services hold the full role matrix and the data scoping
 * @param cors which frontends' origins may call from a browser
 * @param maxRequestSize largest request body accepted (413 problem above it)
 * @param bodyLimits larger limits for a few paths (the technicians' photo uploads)
 * @param contentSecurityPolicy {@code Content-Security-Policy} of every response
 */
@Validated
@ConfigurationProperties("aftersales.gateway.security")
public record EdgeSecurityProperties(@NotNull List<@NotBlank String> publicPaths,
        @NotNull List<@Valid RoleRule> roleRules, @NotNull @Valid Cors cors, @NotNull DataSize maxRequestSize,
        @NotNull List<@Valid BodyLimit> bodyLimits, @NotBlank String contentSecurityPolicy) {

    /**
     * @param paths path patterns, e.g. {@code /api/attachments}
     * @param maxSize largest body accepted on them
     */
    public record BodyLimit(@NotEmpty List<@NotBlank String> paths, @NotNull DataSize maxSize) {
    }

    /**
     * @param paths path patterns, e.g. {@code /api/audit/**}
     * @param roles roles any one of which is required (without {@code ROLE_})
     */
    public record RoleRule(@NotEmpty List<@NotBlank String> paths, @NotEmpty List<@NotBlank String> roles) {
    }

    /**
     * @param allowedOrigins exact origins of the store and call-centre frontends
     * @param allowedMethods methods a browser may send
     * @param allowedHeaders request headers a browser may send
     * @param exposedHeaders response headers a browser script may read
     * @param maxAge how long a browser may cache a preflight answer
     */
    public record Cors(@NotNull List<@NotBlank String> allowedOrigins, @NotEmpty List<@NotBlank String> allowedMethods,
            @NotEmpty List<@NotBlank String> allowedHeaders, @NotNull List<@NotBlank String> exposedHeaders,
            @NotNull Duration maxAge) {
    }

}
