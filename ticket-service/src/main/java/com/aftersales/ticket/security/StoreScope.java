package com.aftersales.ticket.security;

import com.aftersales.platform.security.Actor;
import com.aftersales.platform.security.CurrentActor;
import com.aftersales.platform.web.ProblemException;
import com.aftersales.platform.web.ProblemType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.util.Optional;
import java.util.UUID;

/**
 * A STORE clerk sees the customers and units sold through his store (a registered unit with his store code) and the
 * tickets of those units (the store code a ticket copied from its unit at intake), and nothing else: anything outside
 * answers 404, exactly as an id that does not exist, so ids cannot be probed.
 */
@Component
public class StoreScope {

    private final CurrentActor actors;
    private final JdbcClient jdbc;

    StoreScope(CurrentActor actors, JdbcClient jdbc) {
        this.actors = actors;
        this.jdbc = jdbc;
    }

    /** The store the caller is limited to, or empty when it sees every store's sales. */
    public Optional<String> store() {
        return actors.find().flatMap(Actor::storeScope);
    }

    public boolean customerVisible(UUID customerId) {
        return store().map(store -> jdbc.sql("""
                        select exists (select 1 from product where customer_id = :customer and store_code = :store)""")
                .param("customer", customerId).param("store", store).query(Boolean.class).single()).orElse(true);
    }

    /** 404 for a customer the caller may not see. */
    public void requireCustomer(UUID customerId) {
        if (!customerVisible(customerId)) {
            throw ProblemException.notFound("customer", customerId);
        }
    }

    /**
     * A store registers a sale to a customer it already sold to, or to a customer with no registered unit yet (one
     * it has just registered), and only under its own store code.
     */
    public void requireNewSale(UUID customerId, String storeCode) {
        Optional<String> store = store();
        if (store.isEmpty()) {
            return;
        }
        if (!store.get().equals(storeCode)) {
            throw new ProblemException(ProblemType.FORBIDDEN, "A store registers only units sold through its own store ("
                    + store.get() + ")");
        }
        boolean unclaimed = jdbc.sql("select not exists (select 1 from product where customer_id = :customer)")
                .param("customer", customerId).query(Boolean.class).single();
        if (!unclaimed) {
            requireCustomer(customerId);
        }
    }

    public boolean storeVisible(String storeCode) {
        return store().map(store -> store.equals(storeCode)).orElse(true);
    }

    /**
     * A store opens tickets only for units sold through it: another store's unit answers 404, as an unknown unit
     * does (the new ticket would otherwise show another store's sale).
     */
    public void requireUnit(String model, String serialNumber) {
        Optional<String> store = store();
        if (store.isEmpty()) {
            return;
        }
        boolean sold = jdbc.sql("""
                        select exists (select 1 from product where model = :model and serial_number = :serial
                                       and store_code = :store)""")
                .param("model", model).param("serial", serialNumber).param("store", store.get())
                .query(Boolean.class).single();
        if (!sold) {
            throw ProblemException.notFound("product", model + " / " + serialNumber);
        }
    }
}
