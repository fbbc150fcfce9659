package com.aftersales.returns.security;

import com.aftersales.platform.security.Actor;
import com.aftersales.platform.security.CurrentActor;
import com.aftersales.platform.web.ProblemException;
import org.springframework.stereotype.Component;

import java.util.Optional;

/**
 * The data a scoped caller may see, from his token: a STORE clerk his store's returns, a DEPOT_PARTNER the repairs
 * routed to his depot. Anything outside answers 404, exactly as an id that does not exist.
 */
@Component
public class CallerScope {

    private final CurrentActor actors;

    CallerScope(CurrentActor actors) {
        this.actors = actors;
    }

    public Actor actor() {
        return actors.get();
    }

    /** The store the caller is limited to, or empty when it sees every store's returns. */
    public Optional<String> store() {
        return actors.find().flatMap(Actor::storeScope);
    }

    /** The depot the caller is limited to, or empty when it sees every depot's repairs. */
    public Optional<String> depot() {
        return actors.find().flatMap(Actor::depotScope);
    }

    public void requireStore(String storeCode, String resource, Object id) {
        if (store().map(store -> !store.equals(storeCode)).orElse(false)) {
            throw ProblemException.notFound(resource, id);
        }
    }

    public void requireDepot(String depotCode, String resource, Object id) {
        if (depot().map(depot -> !depot.equals(depotCode)).orElse(false)) {
            throw ProblemException.notFound(resource, id);
        }
    }
}
