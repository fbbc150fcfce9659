package com.aftersales.fault;

import com.aftersales.devidentity.DevUser;
import com.aftersales.launcher.EmbeddedPlatform;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Bearer tokens of the platform's demo users per role ({@link EmbeddedPlatform#demoTokens()}); a technician acts
 * with a token of their own ({@code technician_id} claim), minted with the run's key as the technician app would get
 * it. A role is named {@code TECHNICIAN:<technician id>} for that.
 */
final class Credentials {

    static final String TECHNICIAN_PREFIX = "TECHNICIAN:";
    private static final Duration VALIDITY = Duration.ofHours(2);

    private final EmbeddedPlatform platform;
    private final Map<String, String> tokens;
    private final Map<String, String> technicians = new ConcurrentHashMap<>();

    Credentials(EmbeddedPlatform platform) {
        this.platform = platform;
        this.tokens = Map.copyOf(platform.demoTokens());
    }

    static String technician(String technicianId) {
        return TECHNICIAN_PREFIX + technicianId;
    }

    Optional<String> bearer(String role) {
        if (role.startsWith(TECHNICIAN_PREFIX)) {
            String id = role.substring(TECHNICIAN_PREFIX.length());
            return Optional.of(technicians.computeIfAbsent(id, t -> platform.mintToken(
                    DevUser.of("technician-" + t, "师傅 " + t.substring(0, 8), "TECHNICIAN").withScope("technician_id", t), VALIDITY)));
        }
        return Optional.ofNullable(tokens.get(role));
    }
}
