package com.aftersales.platform.security;

import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;
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

    /** Matches no technician: a TECHNICIAN token without a usable {@code technician_id} sees nothing. */
    public static final UUID NO_TECHNICIAN = new UUID(0, 0);
    /** Matches no store or depot code, for scoped tokens without their scope claim. */
    public static final String NO_SCOPE = "";

    /** The technician whose work alone this actor may see, or empty when it sees everyone's. */
    public Optional<UUID> technicianScope() {
        return onlyScopedAs(Role.TECHNICIAN) ? Optional.of(technicianId == null ? NO_TECHNICIAN : technicianId)
                : Optional.empty();
    }

    /** The store whose sales and returns alone this actor may see, or empty when it sees all stores'. */
    public Optional<String> storeScope() {
        return onlyScopedAs(Role.STORE) ? Optional.of(store == null ? NO_SCOPE : store) : Optional.empty();
    }

    /** The depot whose repair orders alone this actor may see, or empty when it sees all depots'. */
    public Optional<String> depotScope() {
        return onlyScopedAs(Role.DEPOT_PARTNER) ? Optional.of(depot == null ? NO_SCOPE : depot) : Optional.empty();
    }

    /** How timelines name the actor: its roles and subject, e.g. {@code agent:agent.li} (as {@code system:<service>}). */
    public String label() {
        String kind = roles.stream().sorted().map(r -> r.name().toLowerCase(java.util.Locale.ROOT))
                .collect(Collectors.joining("+"));
        return (kind.isEmpty() ? "user" : kind) + ":" + subject;
    }
}
