package com.aftersales.dispatch.operations;

import com.aftersales.dispatch.job.DispatchJobStatus;
import com.aftersales.dispatch.technician.TechnicianStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** Aggregates over technicians and jobs; every expected key is present, zero included. */
@Repository
class OperationsRepository {

    /** Technicians who can take work today. */
    static final List<String> ON_DUTY = List.of(TechnicianStatus.AVAILABLE.name(), TechnicianStatus.ON_JOB.name());
    /** Jobs a technician holds until the visit ends. */
    static final List<String> ASSIGNED_WORK = List.of(DispatchJobStatus.ASSIGNED.name(), DispatchJobStatus.IN_PROGRESS.name());

    private final JdbcClient jdbc;

    OperationsRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Map<TechnicianStatus, Long> techniciansByStatus() {
        Map<TechnicianStatus, Long> counts = new EnumMap<>(TechnicianStatus.class);
        for (TechnicianStatus status : TechnicianStatus.values()) {
            counts.put(status, 0L);
        }
        jdbc.sql("select status, count(*) from technician group by status")
                .query(rs -> {
                    counts.put(TechnicianStatus.valueOf(rs.getString(1)), rs.getLong(2));
                });
        return counts;
    }

    /** Jobs neither closed nor cancelled, by status. */
    Map<DispatchJobStatus, Long> openJobsByStatus() {
        Map<DispatchJobStatus, Long> counts = new EnumMap<>(DispatchJobStatus.class);
        for (DispatchJobStatus status : DispatchJobStatus.values()) {
            if (status != DispatchJobStatus.CLOSED && status != DispatchJobStatus.CANCELLED) {
                counts.put(status, 0L);
            }
        }
        jdbc.sql("select status, count(*) from dispatch_job where status not in ('CLOSED', 'CANCELLED') group by status")
                .query(rs -> {
                    counts.put(DispatchJobStatus.valueOf(rs.getString(1)), rs.getLong(2));
                });
        return counts;
    }

    /** Assigned open work and daily visit capacity of the technicians on duty. */
    Workload onDutyWorkload() {
        return jdbc.sql("""
                        select count(*) as technicians, coalesce(sum(t.max_visits_per_day), 0) as capacity,
                               coalesce(sum((select count(*) from dispatch_job j
                                             where j.technician_id = t.id and j.status in (:work))), 0) as assigned
                        from technician t where t.status in (:onDuty)""")
                .param("work", ASSIGNED_WORK).param("onDuty", ON_DUTY)
                .query((rs, n) -> new Workload(rs.getLong("technicians"), rs.getLong("capacity"), rs.getLong("assigned")))
                .single();
    }

    /**
     * @param technicians on duty
     * @param capacity    their visits per day, summed
     * @param assigned    open jobs assigned to them
     */
    record Workload(long technicians, long capacity, long assigned) {

        /** Assigned work over capacity; null when nobody is on duty. */
        Double utilisation() {
            return capacity == 0 ? null : (double) assigned / capacity;
        }
    }
}
