package com.aftersales.dispatch.technician;

import com.aftersales.dispatch.shared.GeoPoint;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * A field technician, in-house or belonging to a partner depot.
 *
 * @param currentPosition last position reported by the technician app; null until one arrives
 * @param fixRecords      first-time-fix history by fault category
 */
public record Technician(UUID id, String name, List<Skill> skills, GeoPoint homeBase, ServiceArea serviceArea,
                         WorkingCalendar calendar, int maxVisitsPerDay, TechnicianStatus status,
                         GeoPoint currentPosition, Instant positionReportedAt, String partnerDepot,
                         Map<String, FixRecord> fixRecords, long version) {

    public Technician {
        skills = List.copyOf(skills);
        fixRecords = fixRecords == null ? Map.of() : Map.copyOf(fixRecords);
    }

    /** Where the technician starts from for the next job: the reported position, else the home base. */
    public GeoPoint position() {
        return currentPosition != null ? currentPosition : homeBase;
    }

    public Optional<Skill> skill(Skill.Kind kind, String code) {
        String wanted = Skill.code(kind, code);
        return wanted == null ? Optional.empty()
                : skills.stream().filter(s -> s.kind() == kind && wanted.equals(s.code())).findFirst();
    }

    public FixRecord fixRecord(String faultCategory) {
        return faultCategory == null ? FixRecord.none(null) : fixRecords.getOrDefault(faultCategory, FixRecord.none(faultCategory));
    }

    public Technician withStatus(TechnicianStatus newStatus, GeoPoint position, Instant reportedAt) {
        return new Technician(id, name, skills, homeBase, serviceArea, calendar, maxVisitsPerDay, newStatus,
                position != null ? position : currentPosition, position != null ? reportedAt : positionReportedAt,
                partnerDepot, fixRecords, version);
    }
}
