package com.aftersales.dispatch.job;

import com.aftersales.contracts.ticket.TicketAmended;
import com.aftersales.contracts.ticket.TicketOpened;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.json.JsonMapper;

import java.sql.Timestamp;
import java.util.Optional;
import java.util.UUID;

/**
 * The opening facts of tickets that needed no visit at intake, as ticket-service published them (amendments
 * applied), so that a job can still be queued when an agent sends a technician later. Keyed by ticket id.
 */
@Repository
class TicketsWithoutJobRepository {

    private final JdbcClient jdbc;
    private final JsonMapper json;

    TicketsWithoutJobRepository(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    void remember(TicketOpened ticket) {
        jdbc.sql("""
                        insert into ticket_without_job (ticket_id, facts, opened_at) values (:id, cast(:facts as jsonb), :at)
                        on conflict (ticket_id) do nothing""")
                .param("id", ticket.ticketId()).param("facts", json.writeValueAsString(ticket))
                .param("at", Timestamp.from(ticket.openedAt()))
                .update();
    }

    Optional<TicketOpened> facts(UUID ticketId) {
        return jdbc.sql("select facts::text from ticket_without_job where ticket_id = :id").param("id", ticketId)
                .query(String.class).optional().map(facts -> json.readValue(facts, TicketOpened.class));
    }

    /** An amendment before any job: the remembered facts take the new priority, fault and due times. */
    void amend(TicketAmended a) {
        facts(a.ticketId()).ifPresent(t -> jdbc.sql("update ticket_without_job set facts = cast(:facts as jsonb) where ticket_id = :id")
                .param("id", a.ticketId())
                .param("facts", json.writeValueAsString(new TicketOpened(t.ticketId(), t.customerId(), t.serialNumber(),
                        t.model(), t.ticketType(), t.channel(), a.priority(), a.faultCategory(), a.faultDescription(),
                        t.openedAt(), t.productId(), t.productCategory(), t.batchNumber(), t.customerTier(), t.regionCode(),
                        t.latitude(), t.longitude(), t.entitlement(), t.chargeBasisCommunicated(), a.faultCode(),
                        a.sla() == null ? t.sla() : a.sla())))
                .update());
    }
}
