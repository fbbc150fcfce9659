package com.aftersales.dispatch.planning;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/** What the plan needs from visits and jobs beyond the job list: agreed appointments and work in progress. */
@Repository
class PlanningRepository {

    private final JdbcClient jdbc;

    PlanningRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** An appointment agreed with the customer and not started yet. */
    record Appointment(UUID jobId, UUID technicianId, Instant windowStart, Instant windowEnd) {
    }

    Map<UUID, Appointment> openAppointmentsByJob() {
        return jdbc.sql("select job_id, technician_id, window_start, window_end from visit where status in ('SCHEDULED', 'EN_ROUTE')")
                .query((rs, n) -> new Appointment(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class),
                        rs.getTimestamp(3).toInstant(), rs.getTimestamp(4).toInstant()))
                .list().stream().collect(Collectors.toMap(Appointment::jobId, a -> a, (a, b) -> a));
    }

    /** Technicians busy on site right now, with how many such jobs: those use up today's capacity. */
    Map<UUID, Integer> jobsInProgressByTechnician() {
        List<Map.Entry<UUID, Integer>> rows = jdbc.sql("""
                        select technician_id, count(*) from dispatch_job where status = 'IN_PROGRESS' and technician_id is not null
                        group by technician_id""")
                .query((rs, n) -> Map.entry(rs.getObject(1, UUID.class), rs.getInt(2))).list();
        return rows.stream().collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }
}
