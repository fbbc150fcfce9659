package com.aftersales.platform.audit;

import com.aftersales.platform.schema.PlatformSchemaMigration;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/** The service's append-only {@code audit_log} table (platform migration V3). */
public class AuditLog {

    private static final Logger log = LoggerFactory.getLogger(AuditLog.class);

    private final JdbcClient jdbc;
    private final Counter failures;

    public AuditLog(JdbcClient jdbc, MeterRegistry meters, PlatformSchemaMigration schema) {
        this.jdbc = jdbc;
        this.failures = Counter.builder("aftersales.audit.write.failures")
                .description("State-changing requests whose audit row could not be written").register(meters);
    }

    /** Writes the row in its own transaction; a failure is logged and counted, never turned into a failed response. */
    public void record(AuditEntry entry) {
        try {
            jdbc.sql("""
                            insert into audit_log (subject, roles, store, depot, technician_id, method, route, path,
                                                   target_id, status, correlation_id)
                            values (:subject, :roles, :store, :depot, :technician, :method, :route, :path, :target,
                                    :status, :correlation)""")
                    .param("subject", entry.subject()).param("roles", String.join(",", entry.roles()))
                    .param("store", entry.store()).param("depot", entry.depot())
                    .param("technician", entry.technicianId())
                    .param("method", entry.method()).param("route", entry.route()).param("path", entry.path())
                    .param("target", entry.targetId()).param("status", entry.status())
                    .param("correlation", entry.correlationId())
                    .update();
        } catch (RuntimeException e) {
            failures.increment();
            log.error("Could not write the audit row of {} {} by {} (status {}): {}", entry.method(), entry.path(),
                    entry.subject(), entry.status(), e.toString());
        }
    }

    /**
     * Newest first (by id, the order rows were written); every filter is optional. {@code beforeId} is the keyset
     * position of a page token, {@code offset} the deprecated offset paging; {@code limit} rows at most.
     */
    public List<AuditEntry> find(String subject, Instant from, Instant to, Long beforeId, long offset, int limit) {
        return jdbc.sql("""
                        select id, occurred_at, subject, roles, store, depot, technician_id, method, route, path,
                               target_id, status, correlation_id
                        from audit_log
                        where (cast(:subject as text) is null or subject = :subject)
                          and (cast(:from as timestamptz) is null or occurred_at >= :from)
                          and (cast(:to as timestamptz) is null or occurred_at < :to)
                          and (cast(:before as bigint) is null or id < :before)
                        order by id desc
                        limit :limit offset :offset""")
                .param("subject", subject)
                .param("from", from == null ? null : Timestamp.from(from))
                .param("to", to == null ? null : Timestamp.from(to))
                .param("before", beforeId)
                .param("limit", limit).param("offset", offset)
                .query((rs, n) -> entry(rs))
                .list();
    }

    private static AuditEntry entry(ResultSet rs) throws SQLException {
        String roles = rs.getString("roles");
        return new AuditEntry(rs.getLong("id"), rs.getTimestamp("occurred_at").toInstant(), rs.getString("subject"),
                roles.isEmpty() ? List.of() : Arrays.asList(roles.split(",")), rs.getString("store"),
                rs.getString("depot"), rs.getObject("technician_id", UUID.class), rs.getString("method"),
                rs.getString("route"), rs.getString("path"), rs.getString("target_id"), rs.getInt("status"),
                rs.getString("correlation_id"));
    }
}
