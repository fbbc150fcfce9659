package com.aftersales.dispatch.planning;

import com.aftersales.dispatch.shared.GeoPoint;
import com.aftersales.dispatch.shared.TravelModel;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;

/** Seeded random day-plan instances around Shanghai. */
final class RandomInstances {

    static final TravelModel TRAVEL = new TravelModel(1.3, 30);
    static final Instant DAY = Instant.parse("2026-11-24T00:00:00Z");
    private static final List<String> SKILLS = List.of("AIR_CONDITIONER", "WASHING_MACHINE", "TELEVISION");

    private RandomInstances() {
    }

    static DayPlan instance(long seed, int technicianCount, int visitCount) {
        Random random = new Random(seed);
        List<PlanTechnician> technicians = new ArrayList<>();
        for (int i = 0; i < technicianCount; i++) {
            Set<String> skills = random.nextBoolean() ? Set.of(SKILLS.get(i % 3)) : Set.of(SKILLS.get(i % 3), SKILLS.get((i + 1) % 3));
            technicians.add(new PlanTechnician("T" + i, point(random), DAY.plus(Duration.ofHours(8)),
                    DAY.plus(Duration.ofHours(8 + 4 + random.nextInt(5))), 2 + random.nextInt(4), skills, TRAVEL));
        }
        List<PlanVisit> visits = new ArrayList<>();
        for (int i = 0; i < visitCount; i++) {
            Instant start = DAY.plus(Duration.ofHours(8 + random.nextInt(8)));
            visits.add(new PlanVisit("V" + i, point(random), Set.of(SKILLS.get(random.nextInt(3))), start,
                    start.plus(Duration.ofHours(2)), Duration.ofMinutes(30 + random.nextInt(60)), 1 + random.nextInt(3)));
        }
        return new DayPlan(visits, technicians);
    }

    private static GeoPoint point(Random random) {
        return new GeoPoint(31.10 + random.nextDouble() * 0.3, 121.30 + random.nextDouble() * 0.4);
    }
}
