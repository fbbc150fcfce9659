package com.aftersales.returns.ticketref;

import com.aftersales.contracts.ticket.TicketOpened;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.sql.Timestamp;
import java.util.Optional;
import java.util.UUID;

/** {@code ticket_reference}: what this service knows of ticket-service's tickets, from their events. */
@Repository
class TicketReferenceRepository implements TicketReferences {

    private final JdbcClient jdbc;

    TicketReferenceRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The store a ticket's unit was sold through; empty for an unknown ticket or one whose store is not known. */
    @Override
    public Optional<String> storeOf(UUID ticketId) {
        return jdbc.sql("select store_code from ticket_reference where ticket_id = :id and store_code is not null").param("id", ticketId)
                .query(String.class).optional();
    }

    /** A ticket opened: remembered once (a redelivered event changes nothing). */
    void remember(TicketOpened ticket) {
        jdbc.sql("""
                        insert into ticket_reference (ticket_id, customer_id, serial_number, model, ticket_type, opened_at,
                               store_code)
                        values (:ticketId, :customerId, :serial, :model, :type, :openedAt, :store)
                        on conflict (ticket_id) do nothing""")
                .param("ticketId", ticket.ticketId())
                .param("customerId", ticket.customerId())
                .param("serial", ticket.serialNumber())
                .param("model", ticket.model())
                .param("type", ticket.ticketType())
                .param("openedAt", Timestamp.from(ticket.openedAt()))
                .param("store", ticket.storeCode())
                .update();
    }
}
