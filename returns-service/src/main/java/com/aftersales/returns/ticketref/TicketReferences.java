package com.aftersales.returns.ticketref;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.util.Optional;
import java.util.UUID;

/** Reads {@code ticket_reference}: what this service knows of ticket-service's tickets, from their events. */
@Repository
public class TicketReferences {

    private final JdbcClient jdbc;

    TicketReferences(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The store a ticket's unit was sold through; empty for an unknown ticket or one whose store is not known. */
    public Optional<String> storeOf(UUID ticketId) {
        return jdbc.sql("select store_code from ticket_reference where ticket_id = :id and store_code is not null").param("id", ticketId)
                .query(String.class).optional();
    }
}
