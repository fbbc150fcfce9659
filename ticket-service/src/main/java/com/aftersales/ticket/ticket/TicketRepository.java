package com.aftersales.ticket.ticket;

import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Stores tickets and their timelines in PostgreSQL; updates are guarded by the version column. */
@Repository
class TicketRepository {

    private final JdbcClient jdbc;

    TicketRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(Ticket ticket) {
        jdbc.sql("""
                        insert into ticket (id, customer_id, serial_number, model, ticket_type, channel, priority,
                                            fault_category, fault_description, status, opened_at, updated_at, version)
                        values (:id, :customerId, :serial, :model, :type, :channel, :priority,
                                :faultCategory, :faultDescription, :status, :openedAt, :updatedAt, 0)""")
                .param("id", ticket.id())
                .param("customerId", ticket.customerId())
                .param("serial", ticket.serialNumber())
                .param("model", ticket.model())
                .param("type", ticket.type().name())
                .param("channel", ticket.channel().name())
                .param("priority", ticket.priority().name())
                .param("faultCategory", ticket.faultCategory())
                .param("faultDescription", ticket.faultDescription())
                .param("status", ticket.status().name())
                .param("openedAt", Timestamp.from(ticket.openedAt()))
                .param("updatedAt", Timestamp.from(ticket.updatedAt()))
                .update();
        appendTimeline(ticket);
    }

    /** Saves a changed ticket; fails if someone else saved it since it was read. */
    void update(Ticket ticket) {
        int updated = jdbc.sql("""
                        update ticket set status = :status, updated_at = :updatedAt, version = version + 1
                        where id = :id and version = :version""")
                .param("status", ticket.status().name())
                .param("updatedAt", Timestamp.from(ticket.updatedAt()))
                .param("id", ticket.id())
                .param("version", ticket.version())
                .update();
        if (updated != 1) {
            throw new OptimisticLockingFailureException("ticket " + ticket.id() + " changed since version " + ticket.version());
        }
        appendTimeline(ticket);
    }

    Optional<Ticket> find(UUID id) {
        return jdbc.sql("select * from ticket where id = :id").param("id", id).query(TicketRepository::map).optional();
    }

    /** Reads a ticket and locks its row until the transaction ends (event handlers serialise on it). */
    Optional<Ticket> findForUpdate(UUID id) {
        return jdbc.sql("select * from ticket where id = :id for update").param("id", id).query(TicketRepository::map).optional();
    }

    List<TimelineEntry> timeline(UUID id) {
        return jdbc.sql("""
                        select occurred_at, kind, from_status, to_status, actor, reason from ticket_timeline
                        where ticket_id = :id order by occurred_at, id""")
                .param("id", id)
                .query((rs, n) -> new TimelineEntry(rs.getTimestamp("occurred_at").toInstant(), rs.getString("kind"),
                        status(rs.getString("from_status")), status(rs.getString("to_status")),
                        rs.getString("actor"), rs.getString("reason")))
                .list();
    }

    private void appendTimeline(Ticket ticket) {
        for (TimelineEntry entry : ticket.newTimelineEntries()) {
            jdbc.sql("""
                            insert into ticket_timeline (ticket_id, occurred_at, kind, from_status, to_status, actor, reason)
                            values (:ticketId, :occurredAt, :kind, :from, :to, :actor, :reason)""")
                    .param("ticketId", ticket.id())
                    .param("occurredAt", Timestamp.from(entry.occurredAt()))
                    .param("kind", entry.kind())
                    .param("from", entry.fromStatus() == null ? null : entry.fromStatus().name())
                    .param("to", entry.toStatus() == null ? null : entry.toStatus().name())
                    .param("actor", entry.actor())
                    .param("reason", entry.reason())
                    .update();
        }
    }

    private static Ticket map(ResultSet rs, int row) throws SQLException {
        return Ticket.restore(
                rs.getObject("id", UUID.class),
                rs.getObject("customer_id", UUID.class),
                rs.getString("serial_number"),
                rs.getString("model"),
                TicketType.valueOf(rs.getString("ticket_type")),
                Channel.valueOf(rs.getString("channel")),
                Priority.valueOf(rs.getString("priority")),
                rs.getString("fault_category"),
                rs.getString("fault_description"),
                rs.getTimestamp("opened_at").toInstant(),
                TicketStatus.valueOf(rs.getString("status")),
                rs.getTimestamp("updated_at").toInstant(),
                rs.getLong("version"));
    }

    private static TicketStatus status(String value) {
        return value == null ? null : TicketStatus.valueOf(value);
    }
}
