package com.aftersales.dispatch.security;

import com.aftersales.domain.error.NotFoundException;
import com.aftersales.platform.security.Actor;
import com.aftersales.platform.security.CurrentActor;
import com.aftersales.platform.web.ProblemException;
import com.aftersales.platform.web.ProblemType;
import org.springframework.stereotype.Component;

import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * A TECHNICIAN (by his token's {@code technician_id}, never a header) sees and acts on his own jobs, visits, reports
 * and parts only: anyone else's answers 404, exactly as an id that does not exist. Supervisors see everything.
 */
@Component
public class TechnicianScope {

    private final CurrentActor actors;

    TechnicianScope(CurrentActor actors) {
        this.actors = actors;
    }

    /** The technician the caller is limited to, or null when it sees every technician's work. */
    public UUID technician() {
        return actors.find().flatMap(Actor::technicianScope).orElse(null);
    }

    public boolean sees(UUID owner) {
        UUID technician = technician();
        return technician == null || technician.equals(owner);
    }

    /** 404 (as for an unknown id) when {@code owner}'s {@code resource} is not the caller's. */
    public void require(UUID owner, String resource, Object id) {
        if (!sees(owner)) {
            throw new NotFoundException(resource, id);
        }
    }

    /** A technician names only himself in what he sends (checkouts, declines): 403 otherwise. */
    public void requireSelf(UUID named) {
        UUID technician = technician();
        if (technician != null && !Objects.equals(technician, named)) {
            throw new ProblemException(ProblemType.FORBIDDEN, "A technician acts only for himself");
        }
    }

    /** The caller's label for logs and timelines. */
    public Optional<String> label() {
        return actors.find().map(Actor::label);
    }
}
