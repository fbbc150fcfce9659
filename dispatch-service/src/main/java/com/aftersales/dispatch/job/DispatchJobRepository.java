package com.aftersales.dispatch.job;

import com.aftersales.dispatch.shared.GeoPoint;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** Dispatch jobs and their assignment log in PostgreSQL; updates are guarded by the version column. */
@Repository
class DispatchJobRepository implements DispatchJobs {

    private final JdbcClient jdbc;

    DispatchJobRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** @return false when the ticket already has a job */
    boolean insertIfAbsent(DispatchJob job) {
        return jdbc.sql("""
                        insert into dispatch_job (id, ticket_id, customer_id, serial_number, product_id, model, batch_number,
                            product_category, fault_category, fault_code, fault_description, ticket_priority, customer_tier,
                            region_code, latitude, longitude, entitlement, on_site_due_at, on_site_target_at, status,
                            reason, hold_reason, auto_assign_blocked, queued_at, version)
                        values (:id, :ticketId, :customerId, :serial, :productId, :model, :batch, :productCategory, :faultCategory,
                            :faultCode, :faultDescription, :priority, :tier, :region, :lat, :lon, :entitlement, :dueAt,
                            :targetAt, :status, :reason, :holdReason, :blocked, :queuedAt, 0)
                        on conflict (ticket_id) do nothing""")
                .param("id", job.id()).param("ticketId", job.ticketId()).param("customerId", job.customerId())
                .param("serial", job.serialNumber()).param("productId", job.productId()).param("model", job.model())
                .param("batch", job.batchNumber())
                .param("productCategory", job.productCategory()).param("faultCategory", job.faultCategory())
                .param("faultCode", job.faultCode()).param("faultDescription", job.faultDescription())
                .param("priority", job.ticketPriority()).param("tier", job.customerTier()).param("region", job.regionCode())
                .param("lat", job.location() == null ? null : job.location().latitude())
                .param("lon", job.location() == null ? null : job.location().longitude())
                .param("entitlement", job.entitlement()).param("dueAt", ts(job.onSiteDueAt()))
                .param("targetAt", ts(job.onSiteTargetAt())).param("status", job.status().name())
                .param("reason", job.reason()).param("holdReason", job.holdReason())
                .param("blocked", job.autoAssignBlocked()).param("queuedAt", ts(job.queuedAt()))
                .update() == 1;
    }

    /** Saves status and assignment; fails if someone else saved the job since it was read. */
    @Override
    public void update(DispatchJob job) {
        int updated = jdbc.sql("""
                        update dispatch_job set status = :status, hold_reason = :holdReason, technician_id = :technician,
                            assigned_at = :assignedAt, assignment_explanation = :explanation, version = version + 1
                        where id = :id and version = :version""")
                .param("status", job.status().name()).param("holdReason", job.holdReason())
                .param("technician", job.technicianId()).param("assignedAt", ts(job.assignedAt()))
                .param("explanation", job.assignmentExplanation()).param("id", job.id()).param("version", job.version())
                .update();
        if (updated != 1) {
            throw new OptimisticLockingFailureException("dispatch job " + job.id() + " changed since version " + job.version());
        }
    }

    /** Saves the ticket facts an amendment changed; fails if someone else saved the job since it was read. */
    @Override
    public void updateTicketFacts(DispatchJob job) {
        int updated = jdbc.sql("""
                        update dispatch_job set ticket_priority = :priority, fault_category = :faultCategory,
                            fault_code = :faultCode, fault_description = :faultDescription, on_site_due_at = :dueAt,
                            on_site_target_at = :targetAt, version = version + 1
                        where id = :id and version = :version""")
                .param("priority", job.ticketPriority()).param("faultCategory", job.faultCategory())
                .param("faultCode", job.faultCode()).param("faultDescription", job.faultDescription())
                .param("dueAt", ts(job.onSiteDueAt())).param("targetAt", ts(job.onSiteTargetAt()))
                .param("id", job.id()).param("version", job.version())
                .update();
        if (updated != 1) {
            throw new OptimisticLockingFailureException("dispatch job " + job.id() + " changed since version " + job.version());
        }
    }

    @Override
    public Optional<DispatchJob> find(UUID id) {
        return jdbc.sql("select * from dispatch_job where id = :id").param("id", id).query(DispatchJobRepository::map).optional();
    }

    /** Reads a job and locks its row until the transaction ends, so that concurrent assignments serialise. */
    @Override
    public Optional<DispatchJob> findForUpdate(UUID id) {
        return jdbc.sql("select * from dispatch_job where id = :id for update").param("id", id)
                .query(DispatchJobRepository::map).optional();
    }

    @Override
    public Optional<DispatchJob> findByTicket(UUID ticketId) {
        return jdbc.sql("select * from dispatch_job where ticket_id = :id").param("id", ticketId)
                .query(DispatchJobRepository::map).optional();
    }

    /** Oldest first; {@code technicianId} null = every technician's (the scope is applied before the limit). */
    @Override
    public List<DispatchJob> byStatus(DispatchJobStatus status, UUID technicianId, Instant afterQueuedAt, UUID afterId,
                                      int limit) {
        // The technician's scope is a condition of the query, before the limit: a scoped caller gets full pages.
        return jdbc.sql("select * from dispatch_job where status = :s"
                        + (technicianId == null ? "" : " and technician_id = :t")
                        + (afterId == null ? "" : " and (queued_at, id) > (:afterQueuedAt, :afterId)")
                        + " order by queued_at, id limit :limit")
                .param("s", status.name()).param("t", technicianId)
                .param("afterQueuedAt", afterQueuedAt == null ? null : Timestamp.from(afterQueuedAt))
                .param("afterId", afterId).param("limit", limit)
                .query(DispatchJobRepository::map).list();
    }

    @Override
    public List<DispatchJob> assignedTo(UUID technicianId, DispatchJobStatus status) {
        return jdbc.sql("select * from dispatch_job where technician_id = :t and status = :s order by assigned_at, id")
                .param("t", technicianId).param("s", status.name()).query(DispatchJobRepository::map).list();
    }

    /** Open work of every technician, or of one when {@code technicianId} is not null. */
    @Override
    public List<OpenWork> openWork(UUID technicianId) {
        return jdbc.sql("""
                        select j.technician_id, min(v.window_start) as appointment_start from dispatch_job j
                        left join visit v on v.job_id = j.id and v.technician_id = j.technician_id
                                         and v.status in ('SCHEDULED', 'EN_ROUTE', 'ON_SITE')
                        where j.technician_id is not null and j.status in ('ASSIGNED', 'IN_PROGRESS')
                          and (cast(:t as uuid) is null or j.technician_id = :t)
                        group by j.id, j.technician_id""")
                .param("t", technicianId)
                .query((rs, n) -> new OpenWork(rs.getObject(1, UUID.class), instant(rs, "appointment_start"))).list();
    }

    @Override
    public List<UUID> techniciansWhoDeclined(UUID jobId) {
        return jdbc.sql("select distinct technician_id from job_assignment_log where job_id = :j and kind = 'DECLINED'")
                .param("j", jobId).query(UUID.class).list();
    }

    @Override
    public void log(UUID jobId, UUID technicianId, String action, String kind, String actor, String reason, Double score,
                    String explanation, Instant at) {
        jdbc.sql("""
                        insert into job_assignment_log (job_id, technician_id, action, kind, actor, reason, score, explanation, occurred_at)
                        values (:job, :technician, :action, :kind, :actor, :reason, :score, :explanation, :at)""")
                .param("job", jobId).param("technician", technicianId).param("action", action).param("kind", kind)
                .param("actor", actor).param("reason", reason).param("score", score).param("explanation", explanation)
                .param("at", ts(at)).update();
    }

    @Override
    public List<AssignmentLogEntry> history(UUID jobId) {
        return jdbc.sql("select * from job_assignment_log where job_id = :j order by occurred_at, id").param("j", jobId)
                .query((rs, n) -> new AssignmentLogEntry(rs.getObject("technician_id", UUID.class), rs.getString("action"),
                        rs.getString("kind"), rs.getString("actor"), rs.getString("reason"),
                        (Double) rs.getObject("score"), rs.getString("explanation"),
                        rs.getTimestamp("occurred_at").toInstant()))
                .list();
    }

    private static Timestamp ts(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }

    private static DispatchJob map(ResultSet rs, int row) throws SQLException {
        return new DispatchJob(rs.getObject("id", UUID.class), rs.getObject("ticket_id", UUID.class),
                rs.getObject("customer_id", UUID.class), rs.getString("serial_number"), rs.getObject("product_id", UUID.class),
                rs.getString("model"), rs.getString("batch_number"), rs.getString("product_category"), rs.getString("fault_category"),
                rs.getString("fault_code"), rs.getString("fault_description"), rs.getString("ticket_priority"),
                rs.getString("customer_tier"), rs.getString("region_code"),
                GeoPoint.ofNullable((Double) rs.getObject("latitude"), (Double) rs.getObject("longitude")),
                rs.getString("entitlement"), instant(rs, "on_site_due_at"), instant(rs, "on_site_target_at"),
                DispatchJobStatus.valueOf(rs.getString("status")), rs.getString("reason"), rs.getString("hold_reason"),
                rs.getString("auto_assign_blocked"), rs.getObject("technician_id", UUID.class), instant(rs, "assigned_at"),
                rs.getString("assignment_explanation"), instant(rs, "queued_at"), rs.getLong("version"));
    }
}
