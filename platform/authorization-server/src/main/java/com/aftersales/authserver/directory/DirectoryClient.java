package com.aftersales.authserver.directory;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A machine client that gets tokens with the client-credentials grant: a partner depot's system or a script.
 *
 * @param clientId   the client id, also the {@code sub}, {@code azp} and {@code preferred_username} of its tokens
 * @param secret     its secret ({@code client_secret_basic} or {@code client_secret_post})
 * @param name       display name ({@code name} claim)
 * @param roles      platform roles of its tokens
 * @param claims     scope claims ({@code depot} for a partner depot, ...)
 * @param timeToLive lifetime of its tokens; null for the server's default
 */
public record DirectoryClient(String clientId, String secret, String name, List<String> roles, Map<String, String> claims,
                              Duration timeToLive) {

    public DirectoryClient {
        Objects.requireNonNull(clientId, "clientId");
        Objects.requireNonNull(secret, "secret");
        name = name == null ? clientId : name;
        roles = roles == null ? List.of() : List.copyOf(roles);
        claims = claims == null ? Map.of() : Map.copyOf(claims);
    }
}
