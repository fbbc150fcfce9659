package com.aftersales.feedback.complaint;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.json.JsonMapper;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

@Repository
class ComplaintRepository {

    private static final String COLUMNS = """
            id, customer_id, ticket_id, channel, about_type, about_ref, severity, description, origin, survey_id, opened_at,
            acknowledge_due_at, resolve_due_at, status, customer_request, offer, compensation, currency, resolution,
            status_changed_at, version""";

    private final JdbcClient jdbc;
    private final JsonMapper json;

    ComplaintRepository(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /** @return false when the survey already opened a complaint (the unique index on survey_id) */
    boolean insert(Complaint c) {
        return jdbc.sql("insert into complaint (" + COLUMNS + """
                        ) values (:id, :customer, :ticket, :channel, :aboutType, :aboutRef, :severity, :description, :origin,
                          :survey, :openedAt, :ackDue, :resolveDue, :status, null, null, 0, null, null, :openedAt, 0)
                        on conflict do nothing""")
                .param("id", c.id()).param("customer", c.customerId()).param("ticket", c.ticketId())
                .param("channel", c.channel().name()).param("aboutType", c.aboutType().name()).param("aboutRef", c.aboutRef())
                .param("severity", c.severity().name()).param("description", c.description()).param("origin", c.origin())
                .param("survey", c.surveyId()).param("openedAt", Timestamp.from(c.openedAt()))
                .param("ackDue", Timestamp.from(c.acknowledgeDueAt())).param("resolveDue", Timestamp.from(c.resolveDueAt()))
                .param("status", c.status().name())
                .update() == 1;
    }

    /** @return false when someone else changed the complaint since it was read */
    boolean update(Complaint c) {
        int updated = jdbc.sql("""
                        update complaint set status = :status, customer_request = :request, offer = :offer,
                            compensation = :compensation, currency = :currency, resolution = :resolution,
                            status_changed_at = :changedAt, version = version + 1
                        where id = :id and version = :version""")
                .param("status", c.status().name()).param("request", c.customerRequest()).param("offer", c.offer())
                .param("compensation", c.compensation()).param("currency", c.currency()).param("resolution", c.resolution())
                .param("changedAt", Timestamp.from(c.statusChangedAt())).param("id", c.id()).param("version", c.version())
                .update();
        if (updated == 1) {
            c.versionIncremented();
        }
        return updated == 1;
    }

    void step(UUID complaintId, ComplaintStatus status, Instant at, String by, String note, Map<String, Object> details) {
        jdbc.sql("""
                        insert into complaint_step (complaint_id, seq, status, at, by_whom, note, details)
                        values (:id, (select coalesce(max(seq), 0) + 1 from complaint_step where complaint_id = :id),
                                :status, :at, :by, :note, cast(:details as jsonb))""")
                .param("id", complaintId).param("status", status.name()).param("at", Timestamp.from(at))
                .param("by", by).param("note", note).param("details", json.writeValueAsString(details))
                .update();
    }

    Optional<Complaint> find(UUID id) {
        return jdbc.sql("select " + COLUMNS + " from complaint where id = :id").param("id", id)
                .query((rs, n) -> map(rs)).optional();
    }

    Optional<Complaint> bySurvey(UUID surveyId) {
        return jdbc.sql("select " + COLUMNS + " from complaint where survey_id = :id").param("id", surveyId)
                .query((rs, n) -> map(rs)).optional();
    }

    /** Newest first (opened, then id), after the keyset position ({@code afterOpenedAt}, {@code afterId}) if any. */
    List<Complaint> search(ComplaintStatus status, Severity severity, AboutType aboutType, String aboutRef, UUID customerId,
                           Instant afterOpenedAt, UUID afterId, int limit) {
        return jdbc.sql("select " + COLUMNS + """
                         from complaint
                        where (cast(:status as text) is null or status = :status)
                          and (cast(:severity as text) is null or severity = :severity)
                          and (cast(:aboutType as text) is null or about_type = :aboutType)
                          and (cast(:aboutRef as text) is null or about_ref = :aboutRef)
                          and (cast(:customer as uuid) is null or customer_id = :customer)
                          and (cast(:afterId as uuid) is null or (opened_at, id) < (:afterAt, :afterId))
                        order by opened_at desc, id desc limit :limit""")
                .param("status", status == null ? null : status.name())
                .param("severity", severity == null ? null : severity.name())
                .param("aboutType", aboutType == null ? null : aboutType.name())
                .param("aboutRef", aboutRef).param("customer", customerId)
                .param("afterAt", afterOpenedAt == null ? null : Timestamp.from(afterOpenedAt)).param("afterId", afterId)
                .param("limit", limit)
                .query((rs, n) -> map(rs)).list();
    }

    List<StepView> steps(UUID complaintId) {
        return jdbc.sql("select status, at, by_whom, note, details::text from complaint_step where complaint_id = :id order by seq")
                .param("id", complaintId)
                .query((rs, n) -> new StepView(rs.getString(1), rs.getTimestamp(2).toInstant(), rs.getString(3),
                        rs.getString(4), json.readValue(rs.getString(5), Map.class)))
                .list();
    }

    /** Complaints past their acknowledge-by (still OPEN) or resolve-by time, not escalated by the SLA rules yet. */
    /** Locks the rows it returns (skipping locked ones): two instances' SLA watches never escalate the same complaint. */
    List<UUID> overdue(Instant now, int limit) {
        return jdbc.sql("""
                        select id from complaint where sla_escalated_at is null
                        and ((status = 'OPEN' and acknowledge_due_at < :now)
                          or (status in ('OPEN', 'ACKNOWLEDGED', 'INVESTIGATING', 'PROPOSED') and resolve_due_at < :now))
                        order by least(acknowledge_due_at, resolve_due_at), id limit :limit
                        for update skip locked""")
                .param("now", Timestamp.from(now)).param("limit", limit).query(UUID.class).list();
    }

    void markSlaEscalated(UUID id, Instant at) {
        jdbc.sql("update complaint set sla_escalated_at = :at where id = :id").param("at", Timestamp.from(at)).param("id", id)
                .update();
    }

    long countOpen(Severity severity) {
        return jdbc.sql("select count(*) from complaint where status <> 'CLOSED' and severity = :severity")
                .param("severity", severity.name()).query(Long.class).single();
    }

    /** One step of a complaint's history. */
    record StepView(String status, Instant at, String by, String note, Map<?, ?> details) {
    }

    private static Complaint map(ResultSet rs) throws SQLException {
        return new Complaint(rs.getObject("id", UUID.class), rs.getObject("customer_id", UUID.class),
                rs.getObject("ticket_id", UUID.class), ComplaintChannel.valueOf(rs.getString("channel")),
                AboutType.valueOf(rs.getString("about_type")), rs.getString("about_ref"),
                Severity.valueOf(rs.getString("severity")), rs.getString("description"), rs.getString("origin"),
                rs.getObject("survey_id", UUID.class), rs.getTimestamp("opened_at").toInstant(),
                rs.getTimestamp("acknowledge_due_at").toInstant(), rs.getTimestamp("resolve_due_at").toInstant(),
                ComplaintStatus.valueOf(rs.getString("status")), rs.getString("customer_request"), rs.getString("offer"),
                rs.getBigDecimal("compensation"), rs.getString("currency"), rs.getString("resolution"),
                rs.getTimestamp("status_changed_at").toInstant(), rs.getLong("version"));
    }
}
