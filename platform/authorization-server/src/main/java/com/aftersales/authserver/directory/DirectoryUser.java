package com.aftersales.authserver.directory;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A person who logs in through the login form.
 *
 * @param username the login name and the {@code sub} and {@code preferred_username} of the tokens
 * @param password the password (the embedded directory is a demo: generated per data directory, printed by the launcher)
 * @param name     display name ({@code name} claim)
 * @param roles    platform roles ({@code roles} and {@code realm_access.roles})
 * @param claims   the scope claims that pin a role to its data: {@code store}, {@code depot}, {@code technician_id}
 */
public record DirectoryUser(String username, String password, String name, List<String> roles, Map<String, String> claims) {

    public DirectoryUser {
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(password, "password");
        name = name == null ? username : name;
        roles = roles == null ? List.of() : List.copyOf(roles);
        claims = claims == null ? Map.of() : Map.copyOf(claims);
    }
}
