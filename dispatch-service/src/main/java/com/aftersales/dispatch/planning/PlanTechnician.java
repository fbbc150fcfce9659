package com.aftersales.dispatch.planning;

import ai.timefold.solver.core.api.domain.entity.PlanningEntity;
import ai.timefold.solver.core.api.domain.lookup.PlanningId;
import ai.timefold.solver.core.api.domain.variable.PlanningListVariable;
import com.aftersales.dispatch.shared.GeoPoint;
import com.aftersales.dispatch.shared.TravelModel;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** A technician's day: where they start, their shift, capacity and skills, and the visits in order. */
@PlanningEntity
public class PlanTechnician {

    @PlanningId
    private String id;
    private GeoPoint start;
    private Instant shiftStart;
    private Instant shiftEnd;
    private int maxVisits;
    private Set<String> skills;
    private TravelModel travel;

    @PlanningListVariable(allowsUnassignedValues = true)
    private List<PlanVisit> visits = new ArrayList<>();

    public PlanTechnician() {
    }

    public PlanTechnician(String id, GeoPoint start, Instant shiftStart, Instant shiftEnd, int maxVisits, Set<String> skills,
                          TravelModel travel) {
        this.id = id;
        this.start = start;
        this.shiftStart = shiftStart;
        this.shiftEnd = shiftEnd;
        this.maxVisits = maxVisits;
        this.skills = Set.copyOf(skills);
        this.travel = travel;
    }

    /** The route as driven: arrival, start of service and lateness of each visit, and the totals. */
    public Route route() {
        List<Route.Stop> stops = new ArrayList<>();
        Instant clock = shiftStart;
        GeoPoint at = start;
        double km = 0;
        long lateMinutes = 0;
        for (PlanVisit visit : visits) {
            km += travel.roadKilometres(at, visit.location());
            Instant arrival = clock.plus(travel.travelTime(at, visit.location()));
            Instant serviceStart = arrival.isBefore(visit.windowStart()) ? visit.windowStart() : arrival;
            long late = Math.max(0, Duration.between(visit.windowEnd(), serviceStart).toMinutes());
            lateMinutes += late * visit.urgency();
            stops.add(new Route.Stop(visit.id(), arrival, serviceStart, late));
            clock = serviceStart.plus(visit.serviceTime());
            at = visit.location();
        }
        // started minutes: a few seconds over the shift already breaks it
        long overtime = Math.max(0, (Duration.between(shiftEnd, clock).toSeconds() + 59) / 60);
        return new Route(id, List.copyOf(stops), km, lateMinutes, overtime, clock);
    }

    public long visitsLackingSkill() {
        return visits.stream().filter(v -> !skills.containsAll(v.requiredSkills())).count();
    }

    /** Appointments agreed by another technician: the customer expects that one. */
    public long visitsPinnedElsewhere() {
        return visits.stream().filter(v -> v.pinnedTo() != null && !v.pinnedTo().equals(id)).count();
    }

    public long visitsOverCapacity() {
        return Math.max(0, visits.size() - maxVisits);
    }

    /** Whether this technician could do the visit at all (skill), for building plans and checks. */
    public boolean qualifiedFor(PlanVisit visit) {
        return skills.containsAll(visit.requiredSkills());
    }

    public String getId() {
        return id;
    }

    public List<PlanVisit> getVisits() {
        return visits;
    }

    public void setVisits(List<PlanVisit> visits) {
        this.visits = visits;
    }

    public int getMaxVisits() {
        return maxVisits;
    }

    public GeoPoint getStart() {
        return start;
    }

    public Instant getShiftStart() {
        return shiftStart;
    }

    public Instant getShiftEnd() {
        return shiftEnd;
    }

    public Set<String> getSkills() {
        return skills;
    }

    /** A copy with the same facts and no visits. */
    public PlanTechnician emptyCopy() {
        return new PlanTechnician(id, start, shiftStart, shiftEnd, maxVisits, skills, travel);
    }
}
