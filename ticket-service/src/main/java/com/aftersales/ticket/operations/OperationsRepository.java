package com.aftersales.ticket.operations;

import com.aftersales.ticket.sla.SlaClockType;
import com.aftersales.ticket.ticket.TicketStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;

/** Aggregates over tickets and SLA clocks; every expected key is present, zero included. */
@Repository
class OperationsRepository {

    static final String WARNING = "warning";
    static final String BREACHED = "breached";

    private final JdbcClient jdbc;

    OperationsRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Tickets not closed, by status. */
    Map<TicketStatus, Long> openByStatus() {
        Map<TicketStatus, Long> counts = new EnumMap<>(TicketStatus.class);
        for (TicketStatus status : TicketStatus.values()) {
            if (status != TicketStatus.CLOSED) {
                counts.put(status, 0L);
            }
        }
        jdbc.sql("select status, count(*) from ticket where status <> 'CLOSED' group by status")
                .query(rs -> {
                    counts.put(TicketStatus.valueOf(rs.getString(1)), rs.getLong(2));
                });
        return counts;
    }

    /** Running clocks past their warning point (not yet due) and past their due time, by clock type. */
    Map<SlaClockType, Map<String, Long>> runningClocksAtRisk(Instant now) {
        Map<SlaClockType, Map<String, Long>> counts = new EnumMap<>(SlaClockType.class);
        for (SlaClockType clock : SlaClockType.values()) {
            Map<String, Long> states = new LinkedHashMap<>();
            states.put(WARNING, 0L);
            states.put(BREACHED, 0L);
            counts.put(clock, states);
        }
        jdbc.sql("""
                        select clock, count(*) filter (where warn_at <= :now and due_at > :now),
                               count(*) filter (where due_at <= :now)
                        from sla_clock where state = 'RUNNING' and warn_at <= :now group by clock""")
                .param("now", Timestamp.from(now))
                .query(rs -> {
                    Map<String, Long> states = counts.get(SlaClockType.valueOf(rs.getString(1)));
                    states.put(WARNING, rs.getLong(2));
                    states.put(BREACHED, rs.getLong(3));
                });
        return counts;
    }

    /** SLA breaches published since {@code since}, by clock type. */
    Map<SlaClockType, Long> breachesSince(Instant since) {
        Map<SlaClockType, Long> counts = new EnumMap<>(SlaClockType.class);
        for (SlaClockType clock : SlaClockType.values()) {
            counts.put(clock, 0L);
        }
        jdbc.sql("select clock, count(*) from sla_clock where breach_published_at >= :since group by clock")
                .param("since", Timestamp.from(since))
                .query(rs -> {
                    counts.put(SlaClockType.valueOf(rs.getString(1)), rs.getLong(2));
                });
        return counts;
    }
}
