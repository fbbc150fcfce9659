package com.aftersales.platform.security;

import java.util.Arrays;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Who is making the request, taken from the validated bearer token: services use this, never
 * caller-supplied headers, to attribute and scope what they do.
 *
 * @param subject      the token's {@code sub}
 * @param roles        the platform roles the token carries (unknown role names are ignored)
 * @param store        the store code of a STORE clerk ({@code store} claim), else null
 * @param depot        the depot code of a DEPOT_PARTNER ({@code depot} claim), else null
 * @param technicianId the technician a TECHNICIAN acts as ({@code technician_id} claim), else null
 */
public record Actor(String subject, Set<Role> roles, String store, String depot, UUID technicianId) {

    public Actor {
        Objects.requireNonNull(subject, "subject");
        roles = Set.copyOf(roles);
    }

    public boolean has(Role role) {
        return roles.contains(role);
    }

    public boolean hasAny(Role... candidates) {
        return Arrays.stream(candidates).anyMatch(roles::contains);
    }

    /**
     * True when every role the actor holds is scoped to part of the data by {@code role}, i.e. the actor
     * has {@code role} and no role that sees more (SUPERVISOR, ADMIN, ...). A STORE clerk who is also an AGENT is
     * not limited to his store.
     */
    public boolean onlyScopedAs(Role role, Role... alsoScoped) {
        Set<Role> scoped = Set.copyOf(Arrays.asList(alsoScoped));
        return has(role) && roles.stream().allMatch(r -> r == role || scoped.contains(r));
    }

    /** How timelines and the audit log name the actor, e.g. {@code AGENT:agent.li}. */
    public String label() {
        String primary = roles.stream().sorted().map(Role::name).collect(Collectors.joining("+"));
        return (primary.isEmpty() ? "USER" : primary) + ":" + subject;
    }
}
