package com.aftersales.dispatch.technician;

import com.aftersales.platform.calendar.PublicCalendar;
import org.springframework.beans.factory.annotation.Value;
import java.time.DayOfWeek;
import com.aftersales.dispatch.shared.GeoPoint;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** Technicians in PostgreSQL; updates are guarded by the version column. */
@Repository
class TechnicianRepository implements Technicians {

    private static final TypeReference<List<Skill>> SKILLS = new TypeReference<>() {
    };

    private final JdbcClient jdbc;
    private final JsonMapper json;
    /**
     * Parsed technicians by id, reused while their version in the database is unchanged: a proposal
     * reads every on-duty technician, and parsing skills, area and calendar each time dominated it.
     * Every write bumps the version, so the check against the database keeps any instance current.
     */
    private final Map<UUID, Technician> parsed = new java.util.concurrent.ConcurrentHashMap<>();

    private final PublicCalendar publicCalendar;
    private final DayOfWeek makeUpShiftsOf;

    TechnicianRepository(JdbcClient jdbc, JsonMapper json, PublicCalendar publicCalendar,
                         @Value("${aftersales.dispatch.calendar.make-up-day-shifts-of:MONDAY}") DayOfWeek makeUpShiftsOf) {
        this.jdbc = jdbc;
        this.json = json;
        this.publicCalendar = publicCalendar;
        this.makeUpShiftsOf = makeUpShiftsOf;
    }

    void insert(Technician t, Instant now) {
        jdbc.sql("""
                        insert into technician (id, name, skills, home_latitude, home_longitude, service_area, calendar,
                            max_visits_per_day, status, partner_depot, created_at, updated_at, version)
                        values (:id, :name, cast(:skills as jsonb), :lat, :lon, cast(:area as jsonb), cast(:calendar as jsonb),
                            :max, :status, :depot, :now, :now, 0)""")
                .param("id", t.id()).param("name", t.name()).param("skills", json.writeValueAsString(t.skills()))
                .param("lat", t.homeBase().latitude()).param("lon", t.homeBase().longitude())
                .param("area", json.writeValueAsString(t.serviceArea()))
                .param("calendar", json.writeValueAsString(t.calendar()))
                .param("max", t.maxVisitsPerDay()).param("status", t.status().name())
                .param("depot", t.partnerDepot()).param("now", Timestamp.from(now))
                .update();
    }

    /** Saves profile, status and position; fails if someone else saved the technician since it was read. */
    void update(Technician t, Instant now) {
        int updated = jdbc.sql("""
                        update technician set name = :name, skills = cast(:skills as jsonb), home_latitude = :lat,
                            home_longitude = :lon, service_area = cast(:area as jsonb), calendar = cast(:calendar as jsonb),
                            max_visits_per_day = :max, status = :status, partner_depot = :depot,
                            current_latitude = :curLat, current_longitude = :curLon, position_reported_at = :posAt,
                            updated_at = :now, version = version + 1
                        where id = :id and version = :version""")
                .param("id", t.id()).param("name", t.name()).param("skills", json.writeValueAsString(t.skills()))
                .param("lat", t.homeBase().latitude()).param("lon", t.homeBase().longitude())
                .param("area", json.writeValueAsString(t.serviceArea()))
                .param("calendar", json.writeValueAsString(t.calendar()))
                .param("max", t.maxVisitsPerDay()).param("status", t.status().name())
                .param("depot", t.partnerDepot())
                .param("curLat", t.currentPosition() == null ? null : t.currentPosition().latitude())
                .param("curLon", t.currentPosition() == null ? null : t.currentPosition().longitude())
                .param("posAt", t.positionReportedAt() == null ? null : Timestamp.from(t.positionReportedAt()))
                .param("now", Timestamp.from(now)).param("version", t.version())
                .update();
        if (updated != 1) {
            throw new OptimisticLockingFailureException("technician " + t.id() + " changed since version " + t.version());
        }
    }

    void logStatus(UUID technicianId, TechnicianStatus status, GeoPoint position, Instant reportedAt) {
        jdbc.sql("""
                        insert into technician_status_log (technician_id, status, latitude, longitude, reported_at)
                        values (:id, :status, :lat, :lon, :at)""")
                .param("id", technicianId).param("status", status.name())
                .param("lat", position == null ? null : position.latitude())
                .param("lon", position == null ? null : position.longitude())
                .param("at", Timestamp.from(reportedAt)).update();
    }

    /** The partner depot the technician belongs to; empty for in-house staff (and unknown ids). */
    @Override
    public Optional<String> partnerDepotOf(UUID id) {
        return jdbc.sql("select partner_depot from technician where id = :id").param("id", id)
                .query(String.class).optional();
    }

    @Override
    public Optional<Technician> find(UUID id) {
        return jdbc.sql("select * from technician where id = :id").param("id", id).query(this::map).optional()
                .map(t -> withFixRecords(List.of(t)).get(0));
    }

    /** Everyone not off duty: the candidates of an assignment. */
    @Override
    public List<Technician> onDuty() {
        List<Map.Entry<UUID, Long>> versions = jdbc.sql("select id, version from technician where status <> 'OFF_DUTY' order by name, id")
                .query((rs, n) -> Map.entry(rs.getObject(1, UUID.class), rs.getLong(2))).list();
        List<UUID> stale = versions.stream().filter(v -> {
            Technician known = parsed.get(v.getKey());
            return known == null || known.version() != v.getValue();
        }).map(Map.Entry::getKey).toList();
        if (!stale.isEmpty()) {
            jdbc.sql("select * from technician where id in (:ids)").param("ids", stale).query(this::map).list()
                    .forEach(t -> parsed.put(t.id(), t));
        }
        List<Technician> result = new java.util.ArrayList<>();
        for (Map.Entry<UUID, Long> v : versions) {
            Technician t = parsed.get(v.getKey());
            // changed again between the two reads: this read is still a consistent enough snapshot to score with
            if (t != null) {
                result.add(t);
            }
        }
        return withFixRecords(result);
    }

    @Override
    public List<Technician> page(String afterName, UUID afterId, int limit) {
        return withFixRecords(jdbc.sql("select * from technician"
                        + (afterId == null ? "" : " where (name, id) > (:afterName, :afterId)")
                        + " order by name, id limit :limit")
                .param("afterName", afterName).param("afterId", afterId).param("limit", limit)
                .query(this::map).list());
    }

    /** Serialises assignments to one technician until the transaction ends, so that capacity checks hold. */
    @Override
    public void lockForAssignment(UUID id) {
        jdbc.sql("select id from technician where id = :id for update").param("id", id).query(UUID.class).optional();
    }

    @Override
    public long countByStatus(TechnicianStatus status) {
        return jdbc.sql("select count(*) from technician where status = :s").param("s", status.name()).query(Long.class).single();
    }

    /** Counts one completed visit on a fault category; {@code firstTimeFix} when it fixed the fault on the first visit. */
    @Override
    public void recordFix(UUID technicianId, String faultCategory, boolean firstTimeFix) {
        jdbc.sql("""
                        insert into technician_fix_record (technician_id, fault_category, completed_visits, first_time_fixes)
                        values (:id, :category, 1, :ftf)
                        on conflict (technician_id, fault_category) do update set
                            completed_visits = technician_fix_record.completed_visits + 1,
                            first_time_fixes = technician_fix_record.first_time_fixes + excluded.first_time_fixes""")
                .param("id", technicianId).param("category", faultCategory).param("ftf", firstTimeFix ? 1 : 0)
                .update();
    }

    private List<Technician> withFixRecords(List<Technician> technicians) {
        if (technicians.isEmpty()) {
            return technicians;
        }
        Collection<UUID> ids = technicians.stream().map(Technician::id).toList();
        Map<UUID, Map<String, FixRecord>> records = new HashMap<>();
        jdbc.sql("select * from technician_fix_record where technician_id in (:ids)").param("ids", ids)
                .query((rs, n) -> {
                    FixRecord r = new FixRecord(rs.getString("fault_category"), rs.getInt("completed_visits"),
                            rs.getInt("first_time_fixes"));
                    records.computeIfAbsent(rs.getObject("technician_id", UUID.class), k -> new HashMap<>())
                            .put(r.faultCategory(), r);
                    return r;
                }).list();
        return technicians.stream().map(t -> new Technician(t.id(), t.name(), t.skills(), t.homeBase(), t.serviceArea(),
                t.calendar(), t.maxVisitsPerDay(), t.status(), t.currentPosition(), t.positionReportedAt(),
                t.partnerDepot(), records.getOrDefault(t.id(), Map.of()), t.version())).toList();
    }

    private Technician map(ResultSet rs, int row) throws SQLException {
        Timestamp positionAt = rs.getTimestamp("position_reported_at");
        return new Technician(rs.getObject("id", UUID.class), rs.getString("name"),
                json.readValue(rs.getString("skills"), SKILLS),
                new GeoPoint(rs.getDouble("home_latitude"), rs.getDouble("home_longitude")),
                json.readValue(rs.getString("service_area"), ServiceArea.class),
                json.readValue(rs.getString("calendar"), WorkingCalendar.class).on(publicCalendar.get(), makeUpShiftsOf),
                rs.getInt("max_visits_per_day"), TechnicianStatus.valueOf(rs.getString("status")),
                GeoPoint.ofNullable((Double) rs.getObject("current_latitude"), (Double) rs.getObject("current_longitude")),
                positionAt == null ? null : positionAt.toInstant(), rs.getString("partner_depot"), Map.of(),
                rs.getLong("version"));
    }
}
