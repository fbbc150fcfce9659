package com.aftersales.feedback.journey;

import com.aftersales.contracts.ticket.TicketOpened;
import com.aftersales.contracts.ticket.TicketStatusChanged;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.sql.Timestamp;

/** {@code ticket_journey} and its steps, written from ticket events (redeliveries and late replays change nothing). */
@Repository
class TicketJourneyRepository {

    private final JdbcClient jdbc;

    TicketJourneyRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The journey and its OPEN step in one statement (a data-modifying WITH runs whether or not it is read). */
    void opened(TicketOpened ticket) {
        jdbc.sql("""
                        with journey as (
                            insert into ticket_journey (ticket_id, ticket_type, channel, priority, opened_at, status,
                                                        status_changed_at, store_code, customer_id)
                            values (:id, :type, :channel, :priority, :openedAt, 'OPEN', :openedAt, :store, :customer)
                            on conflict (ticket_id) do nothing)
                        insert into ticket_journey_step (ticket_id, status, reached_at) values (:id, 'OPEN', :openedAt)
                        on conflict do nothing""")
                .param("id", ticket.ticketId())
                .param("type", ticket.ticketType())
                .param("channel", ticket.channel())
                .param("priority", ticket.priority())
                .param("openedAt", Timestamp.from(ticket.openedAt()))
                .param("store", ticket.storeCode())
                .param("customer", ticket.customerId())
                .update();
    }

    /** The current status and the step in one statement, as {@link #opened}. */
    void statusChanged(TicketStatusChanged change) {
        // Events of one ticket arrive in order (same key, same partition); the guard keeps a late
        // replay from moving the current status backwards.
        jdbc.sql("""
                        with journey as (
                            update ticket_journey set status = :status, status_changed_at = :at
                            where ticket_id = :id and status_changed_at <= :at)
                        insert into ticket_journey_step (ticket_id, status, reached_at) values (:id, :status, :at)
                        on conflict do nothing""")
                .param("status", change.toStatus())
                .param("at", Timestamp.from(change.changedAt()))
                .param("id", change.ticketId())
                .update();
    }
}
