package com.aftersales.ticket.security;

import com.aftersales.platform.security.Actor;
import com.aftersales.platform.security.CurrentActor;
import com.aftersales.platform.security.Role;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.util.Optional;
import java.util.UUID;

/**
 * What a technician or a QC inspector may read of a registered unit (the role table's scope of
 * {@code GET /api/products/{serial}}):
 * <ul>
 *   <li>a TECHNICIAN (by his token's {@code technician_id}) only units with a ticket that is assigned to him and not
 *       closed: any other serial answers 404, as an unknown one does, so serials cannot be probed; he sees where the
 *       unit is installed (he goes there) but not the receipt;</li>
 *   <li>QC any unit, for the facts an inspection is decided on (model, batch, purchase date, price type, warranty card,
 *       service history), without the customer, the install address or the receipt.</li>
 * </ul>
 * A caller who also holds a role that sees more (AGENT, SUPERVISOR...) is not narrowed.
 */
@Component
public class UnitReadScope {

    /** How much of a unit the caller sees. */
    public enum View { FULL, TECHNICIAN, INSPECTION }

    private final CurrentActor actors;
    private final JdbcClient jdbc;

    UnitReadScope(CurrentActor actors, JdbcClient jdbc) {
        this.actors = actors;
        this.jdbc = jdbc;
    }

    public View view() {
        Optional<Actor> actor = actors.find();
        if (actor.flatMap(Actor::technicianScope).isPresent()) {
            return View.TECHNICIAN;
        }
        return actor.map(a -> a.onlyScopedAs(Role.QC)).orElse(false) ? View.INSPECTION : View.FULL;
    }

    /** Whether the caller may read this unit at all: a technician only the units of his open tickets. */
    public boolean visible(UUID productId) {
        Optional<UUID> technician = actors.find().flatMap(Actor::technicianScope);
        return technician.map(t -> jdbc.sql("""
                        select exists (select 1 from ticket where product_id = :product and technician_id = :technician
                                       and status <> 'CLOSED')""")
                .param("product", productId).param("technician", t.toString())
                .query(Boolean.class).single()).orElse(true);
    }
}
