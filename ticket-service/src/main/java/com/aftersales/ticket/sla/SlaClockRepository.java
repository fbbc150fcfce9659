package com.aftersales.ticket.sla;

import com.aftersales.calendar.TimeBasis;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** SLA clocks in PostgreSQL, one row per (ticket, clock). */
@Repository
class SlaClockRepository {

    private final JdbcClient jdbc;

    SlaClockRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(SlaClock clock) {
        jdbc.sql("""
                        insert into sla_clock (ticket_id, clock, target_seconds, rule, started_at, due_at, warn_at, state,
                                               paused_at, stopped_at, time_basis)
                        values (:ticketId, :clock, :target, :rule, :startedAt, :dueAt, :warnAt, :state, :pausedAt, :stoppedAt,
                                :basis)""")
                .param("basis", clock.basis().name())
                .param("ticketId", clock.ticketId())
                .param("clock", clock.type().name())
                .param("target", clock.target().toSeconds())
                .param("rule", clock.rule())
                .param("startedAt", ts(clock.startedAt()))
                .param("dueAt", ts(clock.dueAt()))
                .param("warnAt", ts(clock.warnAt()))
                .param("state", clock.state().name())
                .param("pausedAt", ts(clock.pausedAt()))
                .param("stoppedAt", ts(clock.stoppedAt()))
                .update();
    }

    void update(SlaClock clock) {
        jdbc.sql("""
                        update sla_clock set due_at = :dueAt, warn_at = :warnAt, state = :state, paused_at = :pausedAt,
                               stopped_at = :stoppedAt
                        where ticket_id = :ticketId and clock = :clock""")
                .param("ticketId", clock.ticketId())
                .param("clock", clock.type().name())
                .param("dueAt", ts(clock.dueAt()))
                .param("warnAt", ts(clock.warnAt()))
                .param("state", clock.state().name())
                .param("pausedAt", ts(clock.pausedAt()))
                .param("stoppedAt", ts(clock.stoppedAt()))
                .update();
    }

    /** Saves a clock that took a new priority's target. */
    void retarget(SlaClock clock) {
        jdbc.sql("""
                        update sla_clock set target_seconds = :target, rule = :rule, due_at = :dueAt, warn_at = :warnAt
                        where ticket_id = :ticketId and clock = :clock""")
                .param("ticketId", clock.ticketId()).param("clock", clock.type().name())
                .param("target", clock.target().toSeconds()).param("rule", clock.rule())
                .param("dueAt", ts(clock.dueAt())).param("warnAt", ts(clock.warnAt()))
                .update();
    }

    /** Saves a restarted clock: its events may be published again. */
    void restart(SlaClock clock) {
        jdbc.sql("""
                        update sla_clock set started_at = :startedAt, due_at = :dueAt, warn_at = :warnAt, state = :state,
                               paused_at = null, stopped_at = null, warning_published_at = null, breach_published_at = null
                        where ticket_id = :ticketId and clock = :clock""")
                .param("ticketId", clock.ticketId()).param("clock", clock.type().name())
                .param("startedAt", ts(clock.startedAt())).param("dueAt", ts(clock.dueAt()))
                .param("warnAt", ts(clock.warnAt())).param("state", clock.state().name())
                .update();
    }

    /** The ticket's clocks, locked until the transaction ends (status changes serialise with the scanner). */
    List<SlaClock> forTicketForUpdate(UUID ticketId) {
        return jdbc.sql("select * from sla_clock where ticket_id = :id order by clock for update")
                .param("id", ticketId).query(SlaClockRepository::map).list();
    }

    List<SlaClock> forTicket(UUID ticketId) {
        return jdbc.sql("select * from sla_clock where ticket_id = :id").param("id", ticketId)
                .query(SlaClockRepository::map).list();
    }

    /**
     * Claims running clocks whose warning or breach is due and not yet published. Rows another
     * instance is working on are skipped, not waited for; the claim holds until the transaction ends.
     */
    List<DueClock> claimDue(Instant now, int limit) {
        return jdbc.sql("""
                        select *, (warning_published_at is null and warn_at <= :now) as warn_due,
                                  (breach_published_at is null and due_at <= :now) as breach_due
                        from sla_clock
                        where state = 'RUNNING'
                          and ((warning_published_at is null and warn_at <= :now) or (breach_published_at is null and due_at <= :now))
                        order by warn_at
                        limit :limit
                        for update skip locked""")
                .param("now", ts(now)).param("limit", limit)
                .query((rs, n) -> new DueClock(map(rs, n), rs.getBoolean("warn_due"), rs.getBoolean("breach_due")))
                .list();
    }

    void markWarningPublished(SlaClock clock, Instant at) {
        jdbc.sql("update sla_clock set warning_published_at = :at where ticket_id = :id and clock = :clock")
                .param("at", ts(at)).param("id", clock.ticketId()).param("clock", clock.type().name()).update();
    }

    void markBreachPublished(SlaClock clock, Instant at) {
        jdbc.sql("update sla_clock set breach_published_at = :at where ticket_id = :id and clock = :clock")
                .param("at", ts(at)).param("id", clock.ticketId()).param("clock", clock.type().name()).update();
    }

    record DueClock(SlaClock clock, boolean warningDue, boolean breachDue) {
    }

    private static SlaClock map(ResultSet rs, int row) throws SQLException {
        return new SlaClock(rs.getObject("ticket_id", UUID.class), SlaClockType.valueOf(rs.getString("clock")),
                Duration.ofSeconds(rs.getLong("target_seconds")), rs.getString("rule"), instant(rs, "started_at"),
                instant(rs, "due_at"), instant(rs, "warn_at"), SlaClock.State.valueOf(rs.getString("state")),
                instant(rs, "paused_at"), instant(rs, "stopped_at"), TimeBasis.valueOf(rs.getString("time_basis")));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp value = rs.getTimestamp(column);
        return value == null ? null : value.toInstant();
    }

    private static Timestamp ts(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }
}
