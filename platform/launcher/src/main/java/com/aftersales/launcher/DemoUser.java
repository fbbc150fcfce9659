package com.aftersales.launcher;

import com.aftersales.devidentity.DevUser;

import java.util.List;
import java.util.Map;

/**
 * A person of the embedded authorization server's directory: logs in through its login form (the desk, the ops
 * console, Swagger UI) with {@code username} and {@code password}, generated per data directory.
 *
 * @param username login name, also {@code sub} and {@code preferred_username} of the user's tokens
 * @param password the generated password
 * @param name     display name
 * @param role     platform role
 * @param claims   scope claims ({@code store}, {@code depot}, {@code technician_id})
 */
public record DemoUser(String username, String password, String name, String role, Map<String, String> claims) {

    public DemoUser {
        claims = Map.copyOf(claims);
    }

    /** The same identity for {@link EmbeddedPlatform#mintToken(DevUser, java.time.Duration)}. */
    public DevUser devUser() {
        return new DevUser(username, name, List.of(role), Map.copyOf(claims));
    }
}
