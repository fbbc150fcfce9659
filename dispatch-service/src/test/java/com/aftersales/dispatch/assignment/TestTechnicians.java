package com.aftersales.dispatch.assignment;

import com.aftersales.dispatch.job.DispatchJob;
import com.aftersales.dispatch.job.DispatchJobStatus;
import com.aftersales.dispatch.shared.GeoPoint;
import com.aftersales.dispatch.technician.FixRecord;
import com.aftersales.dispatch.technician.ServiceArea;
import com.aftersales.dispatch.technician.Skill;
import com.aftersales.dispatch.technician.Technician;
import com.aftersales.dispatch.technician.TechnicianStatus;
import com.aftersales.dispatch.technician.WorkingCalendar;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/** Builders for engine tests: Shanghai technicians who work 08:00–18:30 Monday to Saturday. */
final class TestTechnicians {

    static final GeoPoint PEOPLES_SQUARE = new GeoPoint(31.2304, 121.4737);
    static final WorkingCalendar WEEKDAYS = new WorkingCalendar("Asia/Shanghai",
            Arrays.stream(DayOfWeek.values()).filter(d -> d != DayOfWeek.SUNDAY)
                    .map(d -> new WorkingCalendar.Shift(d, LocalTime.of(8, 0), LocalTime.of(18, 30))).toList(), Set.of());
    /** A Tuesday, 10:00 in Shanghai. */
    static final Instant NOW = Instant.parse("2026-11-24T02:00:00Z");

    private TestTechnicians() {
    }

    static Technician technician(String name, GeoPoint home, int coolingLevel, Map<String, FixRecord> history) {
        return new Technician(UUID.randomUUID(), name, List.of(new Skill(Skill.Kind.PRODUCT_CATEGORY, "AIR_CONDITIONER", 3),
                new Skill(Skill.Kind.FAULT_CATEGORY, "COOLING", coolingLevel)), home, new ServiceArea(40.0, Set.of()),
                WEEKDAYS, 6, TechnicianStatus.AVAILABLE, null, null, null, history, 0);
    }

    static GeoPoint kmEastOf(GeoPoint p, double km) {
        return new GeoPoint(p.latitude(), p.longitude() + km / (111.32 * Math.cos(Math.toRadians(p.latitude()))));
    }

    static DispatchJob job(GeoPoint location, Instant target, Instant due) {
        return new DispatchJob(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), "SN1", null, "KFR-35GW", "B2026",
                "AIR_CONDITIONER", "COOLING", "E4", "不制冷", "NORMAL", "A", "SH-HP", location, "IN_WARRANTY", due, target,
                DispatchJobStatus.AWAITING_ASSIGNMENT, "visit-needed-by-ticket-type", null,
                location == null ? "no-location-no-auto-assign: no coordinates" : null, null, null, null, NOW, 0);
    }
}
