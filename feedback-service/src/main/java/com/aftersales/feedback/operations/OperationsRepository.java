package com.aftersales.feedback.operations;

import com.aftersales.feedback.complaint.Severity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** Aggregates over surveys, complaints and quality alerts for the ops console. */
@Repository
class OperationsRepository {

    record DailyCsat(LocalDate day, long answers, Double averageCsat) {
    }

    record Alert(String model, String batchNumber, String regionCode, String faultCode, Instant raisedAt) {
    }

    private final JdbcClient jdbc;

    OperationsRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** One row per day from {@code from} to {@code to} (in {@code zone}), days without answers included. */
    List<DailyCsat> csatByDay(LocalDate from, LocalDate to, ZoneId zone) {
        return jdbc.sql("""
                        select d.day::date as day, count(s.csat) as answers, avg(s.csat)::float8 as average
                        from generate_series(cast(:from as date), cast(:to as date), interval '1 day') as d(day)
                        left join survey s on s.csat is not null
                             and (s.answered_at at time zone :zone)::date = d.day::date
                        group by d.day order by d.day""")
                .param("from", java.sql.Date.valueOf(from)).param("to", java.sql.Date.valueOf(to)).param("zone", zone.getId())
                .query((rs, n) -> new DailyCsat(rs.getDate("day").toLocalDate(), rs.getLong("answers"),
                        rs.getObject("average", Double.class)))
                .list();
    }

    Map<Severity, Long> openComplaintsBySeverity() {
        Map<Severity, Long> counts = new EnumMap<>(Severity.class);
        for (Severity severity : Severity.values()) {
            counts.put(severity, 0L);
        }
        jdbc.sql("select severity, count(*) from complaint where status <> 'CLOSED' group by severity")
                .query(rs -> {
                    counts.put(Severity.valueOf(rs.getString(1)), rs.getLong(2));
                });
        return counts;
    }

    long alertCount() {
        return jdbc.sql("select count(*) from quality_alert").query(Long.class).single();
    }

    List<Alert> latestAlerts(int limit) {
        return jdbc.sql("""
                        select model, batch_number, region_code, fault_code, raised_at from quality_alert
                        order by raised_at desc, id limit :limit""")
                .param("limit", limit)
                .query((rs, n) -> new Alert(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getTimestamp(5).toInstant()))
                .list();
    }
}
