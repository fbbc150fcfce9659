package com.aftersales.dispatch.job;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.Optional;
import java.util.UUID;

@Repository
class DispatchJobRepository {

    private final JdbcClient jdbc;

    DispatchJobRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** @return false when the ticket already has a job */
    boolean insertIfAbsent(DispatchJob job) {
        return jdbc.sql("""
                        insert into dispatch_job (id, ticket_id, model, fault_category, ticket_priority, status, reason, queued_at)
                        values (:id, :ticketId, :model, :faultCategory, :priority, :status, :reason, :queuedAt)
                        on conflict (ticket_id) do nothing""")
                .param("id", job.id())
                .param("ticketId", job.ticketId())
                .param("model", job.model())
                .param("faultCategory", job.faultCategory())
                .param("priority", job.ticketPriority())
                .param("status", job.status().name())
                .param("reason", job.reason())
                .param("queuedAt", Timestamp.from(job.queuedAt()))
                .update() == 1;
    }

    Optional<DispatchJob> find(UUID id) {
        return jdbc.sql("select * from dispatch_job where id = :id").param("id", id).query(DispatchJobRepository::map).optional();
    }

    Optional<DispatchJob> findByTicket(UUID ticketId) {
        return jdbc.sql("select * from dispatch_job where ticket_id = :id").param("id", ticketId)
                .query(DispatchJobRepository::map).optional();
    }

    private static DispatchJob map(ResultSet rs, int row) throws SQLException {
        return new DispatchJob(rs.getObject("id", UUID.class), rs.getObject("ticket_id", UUID.class),
                rs.getString("model"), rs.getString("fault_category"), rs.getString("ticket_priority"),
                DispatchJobStatus.valueOf(rs.getString("status")), rs.getString("reason"),
                rs.getTimestamp("queued_at").toInstant());
    }
}
