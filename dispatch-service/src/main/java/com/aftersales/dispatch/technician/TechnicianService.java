package com.aftersales.dispatch.technician;

import com.aftersales.dispatch.shared.GeoPoint;
import com.aftersales.dispatch.shared.InvalidRequestException;
import com.aftersales.domain.error.NotFoundException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;

@Service
public class TechnicianService {

    private final TechnicianRepository technicians;
    private final ApplicationEventPublisher inProcess;
    private final Clock clock;

    TechnicianService(TechnicianRepository technicians, ApplicationEventPublisher inProcess, Clock clock) {
        this.technicians = technicians;
        this.inProcess = inProcess;
        this.clock = clock;
    }

    @Transactional
    public Technician register(TechnicianRequest request) {
        Technician technician = fromRequest(UUID.randomUUID(), request, TechnicianStatus.OFF_DUTY, null, null, 0);
        technicians.insert(technician, now());
        return technician;
    }

    @Transactional
    public Technician update(UUID id, TechnicianRequest request) {
        Technician current = technician(id);
        Technician updated = fromRequest(id, request, current.status(), current.currentPosition(),
                current.positionReportedAt(), current.version());
        technicians.update(updated, now());
        return technician(id);
    }

    /** A status (and optionally position) report from the technician app; going off duty releases open jobs. */
    @Transactional
    public Technician updateStatus(UUID id, StatusUpdateRequest request) {
        if ((request.latitude() == null) != (request.longitude() == null)) {
            throw new InvalidRequestException("latitude/longitude", "send both latitude and longitude, or neither");
        }
        Technician current = technician(id);
        Instant now = now();
        GeoPoint position = GeoPoint.ofNullable(request.latitude(), request.longitude());
        Technician updated = current.withStatus(request.status(), position, now);
        technicians.update(updated, now);
        technicians.logStatus(id, request.status(), position, now);
        if (request.status() == TechnicianStatus.OFF_DUTY && current.status() != TechnicianStatus.OFF_DUTY) {
            inProcess.publishEvent(new TechnicianWentOffDuty(id));
        }
        return technician(id);
    }

    @Transactional(readOnly = true)
    public Technician technician(UUID id) {
        return technicians.find(id).orElseThrow(() -> new NotFoundException("technician", id));
    }

    @Transactional(readOnly = true)
    public List<Technician> page(String afterName, UUID afterId, int limit) {
        return technicians.page(afterName, afterId, limit);
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    private static Technician fromRequest(UUID id, TechnicianRequest r, TechnicianStatus status, GeoPoint position,
                                          Instant positionAt, long version) {
        if (r.serviceRadiusKm() == null && (r.regionCodes() == null || r.regionCodes().isEmpty())) {
            throw new InvalidRequestException("serviceRadiusKm", "give a service radius, region codes, or both");
        }
        var skillKeys = new HashSet<String>();
        for (TechnicianRequest.SkillRequest s : r.skills()) {
            if (!skillKeys.add(Skill.key(s.kind(), s.code()))) {
                throw new InvalidRequestException("skills", "skill " + s.kind() + " " + s.code() + " is listed twice");
            }
        }
        WorkingCalendar calendar;
        try {
            calendar = new WorkingCalendar(r.calendar().timeZone(), r.calendar().shifts().stream()
                    .map(s -> new WorkingCalendar.Shift(s.day(), s.start(), s.end())).toList(), r.calendar().daysOff());
        } catch (java.time.DateTimeException e) {
            throw new InvalidRequestException("calendar.timeZone", "unknown time zone " + r.calendar().timeZone());
        } catch (IllegalArgumentException e) {
            throw new InvalidRequestException("calendar.shifts", e.getMessage());
        }
        return new Technician(id, r.name(),
                r.skills().stream().map(s -> new Skill(s.kind(), Skill.code(s.kind(), s.code()), s.level())).toList(),
                new GeoPoint(r.homeLatitude(), r.homeLongitude()), new ServiceArea(r.serviceRadiusKm(), r.regionCodes()),
                calendar, r.maxVisitsPerDay(), status, position, positionAt, r.partnerDepot(), Map.of(), version);
    }
}
