package com.aftersales.returns.depot;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Chooses the depot of a repair: the requested one if it repairs the category, otherwise an own depot that
 * does (own capacity first), otherwise a partner that does; ties by code, so the choice is stable.
 */
public final class DepotRouter {

    private DepotRouter() {
    }

    public static Depot route(List<Depot> depots, String category, String requestedCode) {
        Optional<Depot> requested = depots.stream()
                .filter(d -> d.code().equals(requestedCode) && d.repairs(category)).findFirst();
        return requested.orElseGet(() -> depots.stream().filter(d -> d.repairs(category))
                .min(Comparator.comparing((Depot d) -> d.kind() != DepotKind.OWN).thenComparing(Depot::code))
                .orElseThrow(() -> new NoDepotForCategoryException(category)));
    }
}
