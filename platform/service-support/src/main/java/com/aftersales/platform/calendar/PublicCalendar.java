package com.aftersales.platform.calendar;

import com.aftersales.calendar.PublicDays;
import com.aftersales.contracts.calendar.CalendarDayChanged;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The {@code calendar_day} table and a snapshot of it that business calendars read at every use. The snapshot is
 * reloaded after every change made here and at most {@code refreshInterval} after a change made elsewhere (another
 * instance). Thread-safe.
 */
public class PublicCalendar implements Supplier<PublicDays> {

    public enum Kind { PUBLIC_HOLIDAY, MAKE_UP_WORKING_DAY }

    /** One day as stored. */
    public record Day(LocalDate day, Kind kind, String name, boolean provisional, Instant updatedAt, String updatedBy) {
    }

    private record Snapshot(PublicDays days, Instant loadedAt) {
    }

    private final JdbcClient jdbc;
    private final Clock clock;
    private final Duration refreshInterval;
    private volatile Snapshot snapshot;

    public PublicCalendar(JdbcClient jdbc, Clock clock, Duration refreshInterval) {
        this.jdbc = Objects.requireNonNull(jdbc);
        this.clock = Objects.requireNonNull(clock);
        this.refreshInterval = Objects.requireNonNull(refreshInterval);
    }

    @Override
    public PublicDays get() {
        Snapshot current = snapshot;
        if (current == null || !clock.instant().isBefore(current.loadedAt().plus(refreshInterval))) {
            current = reload();
        }
        return current.days();
    }

    private Snapshot reload() {
        Map<LocalDate, String> holidays = new HashMap<>();
        Map<LocalDate, String> working = new HashMap<>();
        Set<LocalDate> provisional = new HashSet<>();
        for (Day day : days(null)) {
            (day.kind() == Kind.PUBLIC_HOLIDAY ? holidays : working).put(day.day(), day.name());
            if (day.provisional()) {
                provisional.add(day.day());
            }
        }
        Snapshot loaded = new Snapshot(new PublicDays(holidays, working, provisional), clock.instant());
        snapshot = loaded;
        return loaded;
    }

    /** The stored days, of one year or all, in date order. */
    public List<Day> days(Integer year) {
        String where = year == null ? "" : " where day >= :from and day < :to";
        JdbcClient.StatementSpec spec = jdbc.sql("select * from calendar_day" + where + " order by day");
        if (year != null) {
            spec = spec.param("from", Date.valueOf(LocalDate.of(year, 1, 1))).param("to", Date.valueOf(LocalDate.of(year + 1, 1, 1)));
        }
        return spec.query((rs, n) -> new Day(rs.getDate("day").toLocalDate(), Kind.valueOf(rs.getString("kind")),
                rs.getString("name"), rs.getBoolean("provisional"), rs.getTimestamp("updated_at").toInstant(),
                rs.getString("updated_by"))).list();
    }

    /** Sets a day (insert or replace) in the caller's transaction; the snapshot follows at once. */
    public void put(LocalDate day, Kind kind, String name, boolean provisional, String actor, Instant at) {
        jdbc.sql("""
                        insert into calendar_day (day, kind, name, provisional, updated_at, updated_by)
                        values (:day, :kind, :name, :provisional, :at, :actor)
                        on conflict (day) do update set kind = excluded.kind, name = excluded.name,
                            provisional = excluded.provisional, updated_at = excluded.updated_at, updated_by = excluded.updated_by""")
                .param("day", Date.valueOf(day)).param("kind", kind.name()).param("name", name)
                .param("provisional", provisional).param("at", Timestamp.from(at)).param("actor", actor)
                .update();
        reload();
    }

    /** Makes a day an ordinary day again; false when it was one already. */
    public boolean remove(LocalDate day) {
        boolean removed = jdbc.sql("delete from calendar_day where day = :day").param("day", Date.valueOf(day)).update() == 1;
        reload();
        return removed;
    }

    /** Applies the owner's change (idempotent: the same change twice leaves the same day). */
    public void apply(CalendarDayChanged change) {
        if (change.removed()) {
            remove(change.day());
        } else {
            put(change.day(), Kind.valueOf(change.kind()), change.name(), change.provisional(), change.changedBy(),
                    change.changedAt());
        }
    }
}
