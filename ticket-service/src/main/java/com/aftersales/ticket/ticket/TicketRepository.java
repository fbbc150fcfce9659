package com.aftersales.ticket.ticket;

import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** Stores tickets and their timelines in PostgreSQL; updates are guarded by the version column. */
@Repository
class TicketRepository {

    private static final TypeReference<List<Attachment>> ATTACHMENTS = new TypeReference<>() {
    };

    private final JdbcClient jdbc;
    private final JsonMapper json;

    TicketRepository(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    void insert(Ticket ticket) {
        TicketSubject s = ticket.subject();
        jdbc.sql("""
                        insert into ticket (id, customer_id, serial_number, model, ticket_type, channel, priority,
                                            fault_category, fault_description, status, opened_at, updated_at, version,
                                            product_id, product_category, batch_number, store_code, customer_tier,
                                            region_code, latitude, longitude, fault_code, attachments, entitlement,
                                            entitlement_rule, entitlement_reason, charge_basis_by, charge_basis_at)
                        values (:id, :customerId, :serial, :model, :type, :channel, :priority,
                                :faultCategory, :faultDescription, :status, :openedAt, :updatedAt, 0,
                                :productId, :productCategory, :batch, :store, :tier, :region, :lat, :lng, :faultCode,
                                cast(:attachments as jsonb), :entitlement, :entitlementRule, :entitlementReason,
                                :chargeBasisBy, :chargeBasisAt)""")
                .param("id", ticket.id())
                .param("customerId", s.customerId())
                .param("serial", s.serialNumber())
                .param("model", s.model())
                .param("type", ticket.type().name())
                .param("channel", ticket.channel().name())
                .param("priority", ticket.priority().name())
                .param("faultCategory", ticket.faultCategory())
                .param("faultDescription", ticket.faultDescription())
                .param("status", ticket.status().name())
                .param("openedAt", Timestamp.from(ticket.openedAt()))
                .param("updatedAt", Timestamp.from(ticket.updatedAt()))
                .param("productId", s.productId())
                .param("productCategory", s.productCategory())
                .param("batch", s.batchNumber())
                .param("store", s.storeCode())
                .param("tier", s.customerTier())
                .param("region", s.regionCode())
                .param("lat", s.latitude())
                .param("lng", s.longitude())
                .param("faultCode", ticket.faultCode())
                .param("attachments", json.writeValueAsString(ticket.attachments()))
                .param("entitlement", ticket.entitlement().status().name())
                .param("entitlementRule", ticket.entitlement().rule())
                .param("entitlementReason", ticket.entitlement().reason())
                .param("chargeBasisBy", ticket.chargeBasisCommunicatedBy())
                .param("chargeBasisAt", ts(ticket.chargeBasisCommunicatedAt()))
                .update();
        appendTimeline(ticket);
    }

    /** Saves a changed ticket; fails if someone else saved it since it was read. */
    void update(Ticket ticket) {
        int updated = jdbc.sql("""
                        update ticket set status = :status, updated_at = :updatedAt, priority = :priority,
                               fault_category = :faultCategory, fault_code = :faultCode, fault_description = :faultDescription,
                               charge_basis_by = :chargeBasisBy,
                               charge_basis_at = :chargeBasisAt, escalated_to = :escalatedTo, closed_at = :closedAt,
                               reopen_count = :reopenCount, technician_id = :technician, version = version + 1
                        where id = :id and version = :version""")
                .param("status", ticket.status().name())
                .param("updatedAt", Timestamp.from(ticket.updatedAt()))
                .param("priority", ticket.priority().name())
                .param("faultCategory", ticket.faultCategory())
                .param("faultCode", ticket.faultCode())
                .param("faultDescription", ticket.faultDescription())
                .param("chargeBasisBy", ticket.chargeBasisCommunicatedBy())
                .param("chargeBasisAt", ts(ticket.chargeBasisCommunicatedAt()))
                .param("escalatedTo", ticket.escalatedTo() == null ? null : ticket.escalatedTo().name())
                .param("closedAt", ts(ticket.closedAt()))
                .param("reopenCount", ticket.reopenCount())
                .param("technician", ticket.technicianId())
                .param("id", ticket.id())
                .param("version", ticket.version())
                .update();
        if (updated != 1) {
            throw new OptimisticLockingFailureException("ticket " + ticket.id() + " changed since version " + ticket.version());
        }
        appendTimeline(ticket);
    }

    Optional<Ticket> find(UUID id) {
        return jdbc.sql("select * from ticket where id = :id").param("id", id).query(this::map).optional();
    }

    /** Reads a ticket and locks its row until the transaction ends (event handlers serialise on it). */
    Optional<Ticket> findForUpdate(UUID id) {
        return jdbc.sql("select * from ticket where id = :id for update").param("id", id).query(this::map).optional();
    }

    /** Resolved tickets whose customer has not answered since {@code before}: candidates for closing. */
    List<UUID> resolvedBefore(Instant before, int limit) {
        return jdbc.sql("""
                        select id from ticket where status in ('RESOLVED', 'RESOLVED_REMOTELY') and updated_at < :before
                        order by updated_at limit :limit""")
                .param("before", Timestamp.from(before)).param("limit", limit)
                .query(UUID.class).list();
    }

    /** One page of tickets matching the filter, newest first; {@code after} is the last row of the previous page. */
    List<Ticket> search(TicketFilter f, TicketFilter.Cursor after, int limit, Instant now) {
        StringBuilder sql = new StringBuilder("select t.* from ticket t where true");
        Map<String, Object> params = new LinkedHashMap<>();
        condition(sql, params, "status", f.status(), "t.status = :status", Enum::name);
        condition(sql, params, "type", f.type(), "t.ticket_type = :type", Enum::name);
        condition(sql, params, "customerId", f.customerId(), "t.customer_id = :customerId", v -> v);
        condition(sql, params, "serial", f.serialNumber(), "t.serial_number = :serial", v -> v);
        condition(sql, params, "model", f.model(), "t.model = :model", v -> v);
        condition(sql, params, "store", f.storeCode(), "t.store_code = :store", v -> v);
        condition(sql, params, "technician", f.technicianId(), "t.technician_id = :technician", v -> v);
        condition(sql, params, "from", f.createdFrom(), "t.opened_at >= :from", Timestamp::from);
        condition(sql, params, "to", f.createdTo(), "t.opened_at < :to", Timestamp::from);
        if (f.slaState() != null) {
            params.put("now", Timestamp.from(now));
            sql.append(switch (f.slaState()) {
                case BREACHED -> " and exists (select 1 from sla_clock c where c.ticket_id = t.id and ((c.state = 'RUNNING' and c.due_at <= :now) or c.state = 'MISSED'))";
                case AT_RISK -> " and exists (select 1 from sla_clock c where c.ticket_id = t.id and c.state = 'RUNNING' and c.warn_at <= :now and c.due_at > :now)";
                case ON_TRACK -> " and not exists (select 1 from sla_clock c where c.ticket_id = t.id and ((c.state = 'RUNNING' and c.warn_at <= :now) or c.state = 'MISSED'))";
            });
        }
        if (after != null) {
            sql.append(" and (t.opened_at, t.id) < (:afterOpened, :afterId)");
            params.put("afterOpened", Timestamp.from(after.openedAt()));
            params.put("afterId", after.id());
        }
        sql.append(" order by t.opened_at desc, t.id desc limit :limit");
        params.put("limit", limit);
        return jdbc.sql(sql.toString()).params(params).query(this::map).list();
    }

    private static <T> void condition(StringBuilder sql, Map<String, Object> params, String name, T value, String clause,
                                      java.util.function.Function<T, Object> convert) {
        if (value != null) {
            sql.append(" and ").append(clause);
            params.put(name, convert.apply(value));
        }
    }

    /** The customer's newest ticket on this unit that is not resolved or closed. */
    Optional<Ticket> newestOpenOnUnit(UUID customerId, UUID productId) {
        return jdbc.sql("""
                        select * from ticket where customer_id = :customer and product_id = :product
                          and status not in ('RESOLVED', 'RESOLVED_REMOTELY', 'CLOSED')
                        order by opened_at desc, id desc limit 1""")
                .param("customer", customerId).param("product", productId).query(this::map).optional();
    }

    List<TimelineEntry> timeline(UUID id) {
        return jdbc.sql("""
                        select occurred_at, kind, from_status, to_status, actor, reason, reason_key, reason_args
                        from ticket_timeline
                        where ticket_id = :id order by occurred_at, id""")
                .param("id", id)
                .query((rs, n) -> new TimelineEntry(rs.getTimestamp("occurred_at").toInstant(), rs.getString("kind"),
                        status(rs.getString("from_status")), status(rs.getString("to_status")),
                        rs.getString("actor"), rs.getString("reason"), rs.getString("reason_key"),
                        rs.getArray("reason_args") == null ? null
                                : java.util.List.of((String[]) rs.getArray("reason_args").getArray())))
                .list();
    }

    /** Adds entries that do not change the ticket row (reports from other services). */
    void appendTimeline(UUID ticketId, List<TimelineEntry> entries) {
        for (TimelineEntry entry : entries) {
            jdbc.sql("""
                            insert into ticket_timeline (ticket_id, occurred_at, kind, from_status, to_status, actor, reason,
                                                         reason_key, reason_args)
                            values (:ticketId, :occurredAt, :kind, :from, :to, :actor, :reason, :reasonKey, :reasonArgs)""")
                    .param("reasonKey", entry.reasonKey())
                    .param("reasonArgs", entry.reasonKey() == null ? null : entry.reasonArgs().toArray(String[]::new))
                    .param("ticketId", ticketId)
                    .param("occurredAt", Timestamp.from(entry.occurredAt()))
                    .param("kind", entry.kind())
                    .param("from", entry.fromStatus() == null ? null : entry.fromStatus().name())
                    .param("to", entry.toStatus() == null ? null : entry.toStatus().name())
                    .param("actor", entry.actor())
                    .param("reason", entry.reason())
                    .update();
        }
    }

    private void appendTimeline(Ticket ticket) {
        appendTimeline(ticket.id(), ticket.newTimelineEntries());
    }

    private Ticket map(ResultSet rs, int row) throws SQLException {
        TicketSubject subject = new TicketSubject(
                rs.getObject("customer_id", UUID.class),
                rs.getObject("product_id", UUID.class),
                rs.getString("serial_number"),
                rs.getString("model"),
                rs.getString("product_category"),
                rs.getString("batch_number"),
                rs.getString("store_code"),
                rs.getString("customer_tier"),
                rs.getString("region_code"),
                rs.getObject("latitude", Double.class),
                rs.getObject("longitude", Double.class));
        String escalated = rs.getString("escalated_to");
        return Ticket.restore(new Ticket.Snapshot(
                rs.getObject("id", UUID.class),
                subject,
                TicketType.valueOf(rs.getString("ticket_type")),
                Channel.valueOf(rs.getString("channel")),
                Priority.valueOf(rs.getString("priority")),
                rs.getString("fault_category"),
                rs.getString("fault_code"),
                rs.getString("fault_description"),
                new ArrayList<>(json.readValue(rs.getString("attachments"), ATTACHMENTS)),
                instant(rs, "opened_at"),
                new Entitlement(Entitlement.Status.valueOf(rs.getString("entitlement")), rs.getString("entitlement_rule"),
                        rs.getString("entitlement_reason")),
                rs.getLong("version"),
                TicketStatus.valueOf(rs.getString("status")),
                instant(rs, "updated_at"),
                rs.getString("charge_basis_by"),
                instant(rs, "charge_basis_at"),
                escalated == null ? null : EscalationTarget.valueOf(escalated),
                instant(rs, "closed_at"),
                rs.getInt("reopen_count"),
                rs.getString("technician_id")));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp value = rs.getTimestamp(column);
        return value == null ? null : value.toInstant();
    }

    private static Timestamp ts(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }

    private static TicketStatus status(String value) {
        return value == null ? null : TicketStatus.valueOf(value);
    }
}
