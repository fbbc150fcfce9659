package com.aftersales.dispatch.visit;

import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Visits, their log, quotes and service reports in PostgreSQL. */
@Repository
class VisitRepository {

    private static final TypeReference<List<ServiceReport.PartUse>> PARTS = new TypeReference<>() {
    };
    private static final TypeReference<List<String>> STRINGS = new TypeReference<>() {
    };

    private final JdbcClient jdbc;
    private final JsonMapper json;

    VisitRepository(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    void insert(Visit v, Instant now) {
        jdbc.sql("""
                        insert into visit (id, job_id, ticket_id, technician_id, status, window_start, window_end, created_at, version)
                        values (:id, :job, :ticket, :tech, :status, :start, :end, :now, 0)""")
                .param("id", v.id()).param("job", v.jobId()).param("ticket", v.ticketId()).param("tech", v.technicianId())
                .param("status", v.status().name()).param("start", ts(v.windowStart())).param("end", ts(v.windowEnd()))
                .param("now", ts(now)).update();
    }

    void update(Visit v) {
        int updated = jdbc.sql("""
                        update visit set status = :status, window_start = :start, window_end = :end, no_shows = :noShows,
                            reschedules = :reschedules, started_at = :startedAt, completed_at = :completedAt,
                            first_time_fix = :ftf, no_show_in_window = :noShowInWindow, version = version + 1
                        where id = :id and version = :version""")
                .param("status", v.status().name()).param("start", ts(v.windowStart())).param("end", ts(v.windowEnd()))
                .param("noShows", v.noShows()).param("reschedules", v.reschedules()).param("startedAt", ts(v.startedAt()))
                .param("completedAt", ts(v.completedAt())).param("ftf", v.firstTimeFix())
                .param("noShowInWindow", v.noShowInWindow())
                .param("id", v.id()).param("version", v.version()).update();
        if (updated != 1) {
            throw new OptimisticLockingFailureException("visit " + v.id() + " changed since version " + v.version());
        }
    }

    void storeCharge(UUID visitId, Object charge) {
        jdbc.sql("update visit set charge = cast(:c as jsonb) where id = :id")
                .param("c", json.writeValueAsString(charge)).param("id", visitId).update();
    }

    Optional<JsonNode> charge(UUID visitId) {
        return jdbc.sql("select charge from visit where id = :id and charge is not null").param("id", visitId)
                .query(String.class).optional().map(json::readTree);
    }

    Optional<Visit> find(UUID id) {
        return jdbc.sql("select * from visit where id = :id").param("id", id).query(VisitRepository::map).optional();
    }

    Optional<Visit> findForUpdate(UUID id) {
        return jdbc.sql("select * from visit where id = :id for update").param("id", id).query(VisitRepository::map).optional();
    }

    /** A technician's visits whose window overlaps [from, to), in window order (his day's route). */
    List<Visit> ofTechnician(UUID technicianId, Instant from, Instant to) {
        return jdbc.sql("""
                        select * from visit where technician_id = :t and window_start < :to and window_end > :from
                        order by window_start, id""")
                .param("t", technicianId).param("from", java.sql.Timestamp.from(from)).param("to", java.sql.Timestamp.from(to))
                .query(VisitRepository::map).list();
    }

    List<Visit> ofJob(UUID jobId) {
        return jdbc.sql("select * from visit where job_id = :j order by created_at, id").param("j", jobId)
                .query(VisitRepository::map).list();
    }

    void log(UUID visitId, String what, String detail, String actor, Instant at) {
        jdbc.sql("insert into visit_log (visit_id, what, detail, actor, occurred_at) values (:v, :what, :detail, :actor, :at)")
                .param("v", visitId).param("what", what).param("detail", detail).param("actor", actor).param("at", ts(at))
                .update();
    }

    List<LogEntry> logOf(UUID visitId) {
        return jdbc.sql("select what, detail, actor, occurred_at from visit_log where visit_id = :v order by occurred_at, id")
                .param("v", visitId)
                .query((rs, n) -> new LogEntry(rs.getString(1), rs.getString(2), rs.getString(3), rs.getTimestamp(4).toInstant()))
                .list();
    }

    record LogEntry(String what, String detail, String actor, Instant occurredAt) {
    }

    void saveQuote(UUID visitId, Object quote, BigDecimal total, Instant at) {
        jdbc.sql("""
                        insert into visit_quote (visit_id, quote, total, quoted_at) values (:v, cast(:q as jsonb), :t, :at)
                        on conflict (visit_id) do update set quote = excluded.quote, total = excluded.total,
                            quoted_at = excluded.quoted_at, accepted_by = null, accepted_at = null""")
                .param("v", visitId).param("q", json.writeValueAsString(quote)).param("t", total).param("at", ts(at)).update();
    }

    /** @return false when there is no quote to accept */
    boolean acceptQuote(UUID visitId, String acceptedBy, Instant at) {
        return jdbc.sql("update visit_quote set accepted_by = :by, accepted_at = :at where visit_id = :v")
                .param("by", acceptedBy).param("at", ts(at)).param("v", visitId).update() == 1;
    }

    Optional<QuoteRow> quote(UUID visitId) {
        return jdbc.sql("select * from visit_quote where visit_id = :v").param("v", visitId)
                .query((rs, n) -> new QuoteRow(json.readTree(rs.getString("quote")), rs.getBigDecimal("total"),
                        rs.getTimestamp("quoted_at").toInstant(), rs.getString("accepted_by"),
                        rs.getTimestamp("accepted_at") == null ? null : rs.getTimestamp("accepted_at").toInstant()))
                .optional();
    }

    /** A stored quote and whether the customer accepted it. */
    record QuoteRow(JsonNode quote, BigDecimal total, Instant quotedAt, String acceptedBy, Instant acceptedAt) {
    }

    void insertReport(ServiceReport r) {
        jdbc.sql("""
                        insert into service_report (id, visit_id, version, cause, fix, fault_category, fault_code, fix_code,
                            parts, labour_minutes, data_backup_done, cause_explained, photos, created_at)
                        values (:id, :visit, :version, :cause, :fix, :fc, :fcode, :fixcode, cast(:parts as jsonb), :labour,
                            :backup, :explained, cast(:photos as jsonb), :at)""")
                .param("id", r.id()).param("visit", r.visitId()).param("version", r.version()).param("cause", r.cause())
                .param("fix", r.fix()).param("fc", r.faultCategory()).param("fcode", r.faultCode())
                .param("fixcode", r.fixCode()).param("parts", json.writeValueAsString(r.parts()))
                .param("labour", r.labourMinutes()).param("backup", r.dataBackupDone()).param("explained", r.causeExplained())
                .param("photos", json.writeValueAsString(r.photos())).param("at", ts(r.createdAt())).update();
    }

    /** Replaces the content of an unsigned draft; false when it is signed (nothing changes). */
    boolean amendDraft(ServiceReport r) {
        return jdbc.sql("""
                        update service_report set cause = :cause, fix = :fix, fault_category = :fc, fault_code = :fcode,
                            fix_code = :fixcode, parts = cast(:parts as jsonb), labour_minutes = :labour,
                            data_backup_done = :backup, cause_explained = :explained, photos = cast(:photos as jsonb)
                        where id = :id and signed_at is null""")
                .param("id", r.id()).param("cause", r.cause()).param("fix", r.fix()).param("fc", r.faultCategory())
                .param("fcode", r.faultCode()).param("fixcode", r.fixCode()).param("parts", json.writeValueAsString(r.parts()))
                .param("labour", r.labourMinutes()).param("backup", r.dataBackupDone()).param("explained", r.causeExplained())
                .param("photos", json.writeValueAsString(r.photos())).update() == 1;
    }

    /** Signs an unsigned draft; false when it was signed already. */
    boolean sign(UUID reportId, ServiceReport.SignOff signOff) {
        return jdbc.sql("""
                        update service_report set signer_name = :name, signature_ref = :ref, signed_at = :at
                        where id = :id and signed_at is null""")
                .param("name", signOff.signerName()).param("ref", signOff.signatureRef()).param("at", ts(signOff.signedAt()))
                .param("id", reportId).update() == 1;
    }

    Optional<ServiceReport> report(UUID id) {
        return jdbc.sql("select * from service_report where id = :id").param("id", id).query(this::mapReport).optional();
    }

    List<ServiceReport> reportsOf(UUID visitId) {
        return jdbc.sql("select * from service_report where visit_id = :v order by version").param("v", visitId)
                .query(this::mapReport).list();
    }

    private ServiceReport mapReport(ResultSet rs, int n) throws SQLException {
        Timestamp signedAt = rs.getTimestamp("signed_at");
        return new ServiceReport(rs.getObject("id", UUID.class), rs.getObject("visit_id", UUID.class), rs.getInt("version"),
                rs.getString("cause"), rs.getString("fix"), rs.getString("fault_category"), rs.getString("fault_code"),
                rs.getString("fix_code"), json.readValue(rs.getString("parts"), PARTS), rs.getInt("labour_minutes"),
                rs.getBoolean("data_backup_done"), rs.getBoolean("cause_explained"),
                json.readValue(rs.getString("photos"), STRINGS),
                signedAt == null ? null : new ServiceReport.SignOff(rs.getString("signer_name"), rs.getString("signature_ref"),
                        signedAt.toInstant()),
                rs.getTimestamp("created_at").toInstant());
    }

    private static Timestamp ts(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }

    private static Visit map(ResultSet rs, int n) throws SQLException {
        return new Visit(rs.getObject("id", UUID.class), rs.getObject("job_id", UUID.class), rs.getObject("ticket_id", UUID.class),
                rs.getObject("technician_id", UUID.class), VisitStatus.valueOf(rs.getString("status")),
                rs.getTimestamp("window_start").toInstant(), rs.getTimestamp("window_end").toInstant(), rs.getInt("no_shows"),
                rs.getInt("reschedules"), rs.getTimestamp("started_at") == null ? null : rs.getTimestamp("started_at").toInstant(),
                rs.getTimestamp("completed_at") == null ? null : rs.getTimestamp("completed_at").toInstant(),
                (Boolean) rs.getObject("first_time_fix"), rs.getLong("version"), rs.getBoolean("no_show_in_window"));
    }
}
