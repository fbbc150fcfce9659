package com.aftersales.bench.dispatch;

import com.aftersales.bench.BenchContext;
import com.aftersales.bench.BenchResult;
import com.aftersales.bench.Benchmark;
import com.aftersales.dispatch.assignment.AssignmentEngine;
import com.aftersales.dispatch.assignment.AssignmentPolicy;
import com.aftersales.dispatch.assignment.Candidate;
import com.aftersales.dispatch.assignment.Proposal;
import com.aftersales.dispatch.job.DispatchJob;
import com.aftersales.dispatch.job.DispatchJobStatus;
import com.aftersales.dispatch.planning.DayPlan;
import com.aftersales.dispatch.planning.DayPlanner;
import com.aftersales.dispatch.planning.PlanTechnician;
import com.aftersales.dispatch.planning.PlanVisit;
import com.aftersales.dispatch.planning.Route;
import com.aftersales.dispatch.shared.GeoPoint;
import com.aftersales.dispatch.shared.TravelModel;
import com.aftersales.dispatch.technician.ServiceArea;
import com.aftersales.dispatch.technician.Skill;
import com.aftersales.dispatch.technician.Technician;
import com.aftersales.dispatch.technician.TechnicianStatus;
import com.aftersales.dispatch.technician.WorkingCalendar;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;

/**
 * Reproducible instances (seeded) of one working day: technicians with a home base, one or two
 * product skills and a daily capacity; jobs with a location, a required skill and an on-site
 * window. Every method's answer is turned into routes (visits in the method's order, waiting for a
 * window's start) and measured the same way: total road km, share of visits that start by the end
 * of their window, and the time the method took.
 */
public final class AssignmentQualityBenchmark implements Benchmark {

    static final String NAME = "assignment-quality";
    static final TravelModel TRAVEL = new TravelModel(1.3, 30);
    static final Instant DAY_START = Instant.parse("2026-11-24T00:00:00Z");
    static final Duration SERVICE = Duration.ofMinutes(45);
    /** Leaving a job unplaced costs more than any route: placing comes first, as in the day plan. */
    static final double UNPLACED_COST = 1e12;
    static final List<String> CATEGORIES = List.of("AIR_CONDITIONER", "WASHING_MACHINE", "TELEVISION");
    static final WorkingCalendar ALL_DAY = new WorkingCalendar("UTC", Arrays.stream(DayOfWeek.values())
            .map(d -> new WorkingCalendar.Shift(d, LocalTime.MIN, LocalTime.of(23, 59))).toList(), Set.of());
    /** The service's default weights (application.yml). */
    static final AssignmentPolicy POLICY = new AssignmentPolicy(new AssignmentPolicy.Weights(0.2, 0.3, 0.1, 0.25, 0.15),
            TRAVEL, 50, 5, 0.7, 5, SERVICE, 0.4, 0.35);

    @Override
    public String name() {
        return NAME;
    }

    record Tech(String id, GeoPoint home, Set<String> skills, int capacity) {
    }

    record Job(String id, GeoPoint location, String skill, Instant windowStart, Instant windowEnd) {
    }

    record Instance(List<Tech> techs, List<Job> jobs) {
    }

    /** Totals of one method over a set of instances. */
    static final class Totals {
        double km;
        int slaMet;
        int visits;
        int unplaced;
        long nanos;

        void add(Outcome o) {
            km += o.km;
            slaMet += o.slaMet;
            visits += o.visits;
            unplaced += o.unplaced;
            nanos += o.nanos;
        }

        double slaShare() {
            return visits + unplaced == 0 ? 0 : (double) slaMet / (visits + unplaced);
        }

        double millis() {
            return nanos / 1e6;
        }
    }

    record Outcome(double km, int slaMet, int visits, int unplaced, long nanos) {
    }

    @Override
    public List<BenchResult> run(BenchContext context) {
        List<BenchResult> results = new ArrayList<>();
        int smallCount = context.quick() ? 5 : 20;
        int mediumCount = context.quick() ? 2 : 5;

        // Small instances: the exact optimum is computable (4 technicians, 8 jobs).
        Totals greedySmall = new Totals();
        Totals engineSmall = new Totals();
        Totals planSmall = new Totals();
        Totals exactSmall = new Totals();
        DayPlanner smallPlanner = new DayPlanner(Duration.ofMillis(800), Duration.ofMillis(250), context.seed());
        // warm the JIT on a throw-away instance so that times compare methods, not class loading
        Instance warmup = generate(new Random(context.seed() - 1), 4, 8);
        greedy(warmup);
        engine(warmup);
        exact(warmup);
        for (int i = 0; i < smallCount; i++) {
            Instance instance = generate(new Random(context.seed() + i), 4, 8);
            greedySmall.add(greedy(instance));
            engineSmall.add(engine(instance));
            planSmall.add(dayPlan(instance, smallPlanner));
            exactSmall.add(exact(instance));
        }
        String small = "small (4 tech/8 jobs ×" + smallCount + ")";
        results.add(new BenchResult(NAME, "road km, engine " + small, engineSmall.km, "km", "greedy nearest-qualified", greedySmall.km, true));
        results.add(new BenchResult(NAME, "road km, day plan " + small, planSmall.km, "km", "greedy nearest-qualified", greedySmall.km, true));
        results.add(new BenchResult(NAME, "road km, exact optimum " + small, exactSmall.km, "km", "greedy nearest-qualified", greedySmall.km, true));
        results.add(new BenchResult(NAME, "road km, day plan vs exact " + small, planSmall.km, "km", "exact optimum", exactSmall.km, true));
        results.add(new BenchResult(NAME, "road km, engine vs exact " + small, engineSmall.km, "km", "exact optimum", exactSmall.km, true));
        results.add(new BenchResult(NAME, "SLA met, engine " + small, engineSmall.slaShare(), "share", "greedy nearest-qualified", greedySmall.slaShare(), false));
        results.add(new BenchResult(NAME, "SLA met, day plan " + small, planSmall.slaShare(), "share", "greedy nearest-qualified", greedySmall.slaShare(), false));
        results.add(new BenchResult(NAME, "SLA met, exact optimum " + small, exactSmall.slaShare(), "share", "greedy nearest-qualified", greedySmall.slaShare(), false));
        results.add(new BenchResult(NAME, "unplaced jobs, day plan " + small, planSmall.unplaced, "jobs", "exact optimum", exactSmall.unplaced, true));
        results.add(new BenchResult(NAME, "unplaced jobs, greedy " + small, greedySmall.unplaced, "jobs", "exact optimum", exactSmall.unplaced, true));
        results.add(new BenchResult(NAME, "time, engine " + small, engineSmall.millis(), "ms", "greedy nearest-qualified", greedySmall.millis(), true));
        results.add(new BenchResult(NAME, "time, day plan " + small, planSmall.millis(), "ms", "exact optimum", exactSmall.millis(), true));

        // Medium instances: no exact optimum; greedy vs engine vs day plan.
        Totals greedyMedium = new Totals();
        Totals engineMedium = new Totals();
        Totals planMedium = new Totals();
        DayPlanner mediumPlanner = new DayPlanner(Duration.ofSeconds(context.quick() ? 2 : 5), Duration.ofSeconds(1), context.seed());
        for (int i = 0; i < mediumCount; i++) {
            Instance instance = generate(new Random(context.seed() * 31 + i), 20, 100);
            greedyMedium.add(greedy(instance));
            engineMedium.add(engine(instance));
            planMedium.add(dayPlan(instance, mediumPlanner));
        }
        String medium = "medium (20 tech/100 jobs ×" + mediumCount + ")";
        results.add(new BenchResult(NAME, "road km, engine " + medium, engineMedium.km, "km", "greedy nearest-qualified", greedyMedium.km, true));
        results.add(new BenchResult(NAME, "road km, day plan " + medium, planMedium.km, "km", "greedy nearest-qualified", greedyMedium.km, true));
        results.add(new BenchResult(NAME, "SLA met, engine " + medium, engineMedium.slaShare(), "share", "greedy nearest-qualified", greedyMedium.slaShare(), false));
        results.add(new BenchResult(NAME, "SLA met, day plan " + medium, planMedium.slaShare(), "share", "greedy nearest-qualified", greedyMedium.slaShare(), false));
        results.add(new BenchResult(NAME, "unplaced jobs, day plan " + medium, planMedium.unplaced, "jobs", "greedy nearest-qualified", greedyMedium.unplaced, true));
        results.add(new BenchResult(NAME, "time, day plan " + medium, planMedium.millis(), "ms", "greedy nearest-qualified", greedyMedium.millis(), true));

        results.addAll(proposalLatency(context));
        return results;
    }

    // ---- instances

    static Instance generate(Random random, int techCount, int jobCount) {
        List<Tech> techs = new ArrayList<>();
        int totalCapacity = 0;
        for (int i = 0; i < techCount; i++) {
            Set<String> skills = random.nextBoolean() ? Set.of(CATEGORIES.get(i % 3))
                    : Set.of(CATEGORIES.get(i % 3), CATEGORIES.get((i + 1) % 3));
            int capacity = Math.max(2, (int) Math.ceil(jobCount * 1.6 / techCount)) + random.nextInt(2);
            totalCapacity += capacity;
            techs.add(new Tech("T" + i, point(random), skills, capacity));
        }
        List<Job> jobs = new ArrayList<>();
        for (int i = 0; i < jobCount; i++) {
            Instant start = DAY_START.plus(Duration.ofMinutes(8 * 60 + random.nextInt(6 * 60)));
            jobs.add(new Job("J" + i, point(random), CATEGORIES.get(random.nextInt(3)), start,
                    start.plus(Duration.ofMinutes(120 + random.nextInt(121)))));
        }
        if (totalCapacity < jobCount) {
            throw new IllegalStateException("instance generator must leave spare capacity");
        }
        return new Instance(techs, jobs);
    }

    private static GeoPoint point(Random random) {
        // a 30 × 30 km square around central Shanghai
        return new GeoPoint(31.10 + random.nextDouble() * 0.27, 121.30 + random.nextDouble() * 0.31);
    }

    // ---- measuring routes the same way for every method

    private static PlanTechnician planTech(Tech t) {
        // a long shift: these instances compare travel and punctuality, not overtime
        return new PlanTechnician(t.id(), t.home(), DAY_START.plus(Duration.ofHours(8)), DAY_START.plus(Duration.ofHours(23)),
                t.capacity(), t.skills(), TRAVEL);
    }

    private static PlanVisit planVisit(Job j) {
        return new PlanVisit(j.id(), j.location(), Set.of(j.skill()), j.windowStart(), j.windowEnd(), SERVICE, 1);
    }

    private static Outcome measure(Map<Tech, List<Job>> routes, int unplaced, long nanos) {
        double km = 0;
        int met = 0;
        int visits = 0;
        for (Map.Entry<Tech, List<Job>> e : routes.entrySet()) {
            PlanTechnician t = planTech(e.getKey());
            t.setVisits(new ArrayList<>(e.getValue().stream().map(AssignmentQualityBenchmark::planVisit).toList()));
            Route route = t.route();
            km += route.roadKm();
            for (Route.Stop stop : route.stops()) {
                visits++;
                if (stop.lateMinutes() == 0) {
                    met++;
                }
            }
        }
        return new Outcome(km, met, visits, unplaced, nanos);
    }

    // ---- (a) greedy: each job, in queue order, to the nearest qualified technician with capacity left

    static Outcome greedy(Instance instance) {
        long started = System.nanoTime();
        Map<Tech, List<Job>> routes = new HashMap<>();
        instance.techs().forEach(t -> routes.put(t, new ArrayList<>()));
        int unplaced = 0;
        for (Job job : instance.jobs()) {
            Tech best = instance.techs().stream()
                    .filter(t -> t.skills().contains(job.skill()) && routes.get(t).size() < t.capacity())
                    .min(Comparator.comparingDouble(t -> t.home().kilometresTo(job.location()))).orElse(null);
            if (best == null) {
                unplaced++;
            } else {
                routes.get(best).add(job);
            }
        }
        return measure(routes, unplaced, System.nanoTime() - started);
    }

    // ---- (b) the immediate assignment engine, job by job, from each technician's next position

    static Outcome engine(Instance instance) {
        long started = System.nanoTime();
        AssignmentEngine engine = new AssignmentEngine(POLICY);
        Map<String, Tech> byId = new HashMap<>();
        Map<String, Technician> technicians = new HashMap<>();
        Map<Tech, List<Job>> routes = new HashMap<>();
        for (Tech t : instance.techs()) {
            byId.put(t.id(), t);
            technicians.put(t.id(), technician(t, null));
            routes.put(t, new ArrayList<>());
        }
        int unplaced = 0;
        Instant now = DAY_START.plus(Duration.ofHours(8));
        for (Job job : instance.jobs()) {
            List<Candidate> candidates = new ArrayList<>();
            for (Tech t : instance.techs()) {
                candidates.add(new Candidate(technicians.get(t.id()), routes.get(t).size(), false));
            }
            Proposal proposal = engine.propose(dispatchJob(job), candidates, now);
            var best = proposal.best();
            if (best.isEmpty()) {
                unplaced++;
                continue;
            }
            Tech chosen = instance.techs().stream().filter(t -> technicians.get(t.id()).id().equals(best.get().technicianId()))
                    .findFirst().orElseThrow();
            routes.get(chosen).add(job);
            // the technician's next position is the job just given to them
            technicians.put(chosen.id(), technician(chosen, job.location(), technicians.get(chosen.id()).id()));
        }
        return measure(routes, unplaced, System.nanoTime() - started);
    }

    private static Technician technician(Tech t, GeoPoint position) {
        return technician(t, position, UUID.nameUUIDFromBytes(t.id().getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    }

    private static Technician technician(Tech t, GeoPoint position, UUID id) {
        return new Technician(id, t.id(), t.skills().stream().map(s -> new Skill(Skill.Kind.PRODUCT_CATEGORY, s, 3)).toList(),
                t.home(), new ServiceArea(1000.0, Set.of()), ALL_DAY, t.capacity(), TechnicianStatus.AVAILABLE, position,
                position == null ? null : DAY_START, null, Map.of(), 0);
    }

    private static DispatchJob dispatchJob(Job j) {
        return new DispatchJob(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), "SN", null, "M", null, j.skill(), null, null,
                null, "NORMAL", null, null, j.location(), "IN_WARRANTY", null, j.windowEnd(), DispatchJobStatus.AWAITING_ASSIGNMENT,
                "bench", null, null, null, null, null, DAY_START, 0);
    }

    // ---- (c) the Timefold day plan

    static Outcome dayPlan(Instance instance, DayPlanner planner) {
        long started = System.nanoTime();
        List<PlanVisit> visits = instance.jobs().stream().map(AssignmentQualityBenchmark::planVisit).toList();
        List<PlanTechnician> techs = instance.techs().stream().map(AssignmentQualityBenchmark::planTech).toList();
        DayPlan solved = planner.solve(new DayPlan(visits, techs));
        long nanos = System.nanoTime() - started;
        Map<String, Job> jobs = new HashMap<>();
        instance.jobs().forEach(j -> jobs.put(j.id(), j));
        Map<Tech, List<Job>> routes = new HashMap<>();
        for (Tech t : instance.techs()) {
            PlanTechnician planned = solved.getTechnicians().stream().filter(p -> p.getId().equals(t.id())).findFirst().orElseThrow();
            routes.put(t, planned.getVisits().stream().map(v -> jobs.get(v.id())).toList());
        }
        return measure(routes, solved.unassigned().size(), nanos);
    }

    // ---- (d) the exact optimum of the day plan's objective (lateness first, then road km), by enumeration

    static Outcome exact(Instance instance) {
        long started = System.nanoTime();
        List<Tech> techs = instance.techs();
        List<Job> jobs = instance.jobs();
        int n = jobs.size();
        int subsets = 1 << n;
        double[][] bestCost = new double[techs.size()][subsets];
        int[][][] bestOrder = new int[techs.size()][subsets][];
        for (int t = 0; t < techs.size(); t++) {
            for (int mask = 0; mask < subsets; mask++) {
                bestCost[t][mask] = Double.POSITIVE_INFINITY;
                int size = Integer.bitCount(mask);
                if (size > techs.get(t).capacity() || !qualified(techs.get(t), jobs, mask)) {
                    continue;
                }
                int[] items = new int[size];
                for (int i = 0, k = 0; i < n; i++) {
                    if ((mask & (1 << i)) != 0) {
                        items[k++] = i;
                    }
                }
                permute(items, 0, techs.get(t), jobs, bestCost[t], bestOrder[t], mask);
            }
        }
        // give each job a technician or leave it unplaced (owner == techs.size(), at a cost above any route)
        int owners = techs.size() + 1;
        int[] owner = new int[n];
        double best = Double.POSITIVE_INFINITY;
        int[] bestOwner = null;
        long combinations = (long) Math.pow(owners, n);
        for (long c = 0; c < combinations; c++) {
            long x = c;
            int[] masks = new int[techs.size()];
            double cost = 0;
            for (int i = 0; i < n; i++) {
                owner[i] = (int) (x % owners);
                x /= owners;
                if (owner[i] == techs.size()) {
                    cost += UNPLACED_COST;
                } else {
                    masks[owner[i]] |= 1 << i;
                }
            }
            for (int t = 0; t < techs.size() && cost < best; t++) {
                cost += bestCost[t][masks[t]];
            }
            if (cost < best) {
                best = cost;
                bestOwner = owner.clone();
            }
        }
        long nanos = System.nanoTime() - started;
        Map<Tech, List<Job>> routes = new HashMap<>();
        int unplaced = 0;
        for (int i = 0; i < n; i++) {
            if (bestOwner[i] == techs.size()) {
                unplaced++;
            }
        }
        for (int t = 0; t < techs.size(); t++) {
            int mask = 0;
            for (int i = 0; i < n; i++) {
                if (bestOwner[i] == t) {
                    mask |= 1 << i;
                }
            }
            List<Job> route = new ArrayList<>();
            for (int i : bestOrder[t][mask] == null ? new int[0] : bestOrder[t][mask]) {
                route.add(jobs.get(i));
            }
            routes.put(techs.get(t), route);
        }
        return measure(routes, unplaced, nanos);
    }

    private static boolean qualified(Tech tech, List<Job> jobs, int mask) {
        for (int i = 0; i < jobs.size(); i++) {
            if ((mask & (1 << i)) != 0 && !tech.skills().contains(jobs.get(i).skill())) {
                return false;
            }
        }
        return true;
    }

    /** Tries every order of {@code items[k..]}, keeping the cheapest route for the subset. */
    private static void permute(int[] items, int k, Tech tech, List<Job> jobs, double[] bestCost, int[][] bestOrder, int mask) {
        if (k == items.length) {
            double cost = routeCost(items, tech, jobs);
            if (cost < bestCost[mask]) {
                bestCost[mask] = cost;
                bestOrder[mask] = items.clone();
            }
            return;
        }
        for (int i = k; i < items.length; i++) {
            swap(items, k, i);
            permute(items, k + 1, tech, jobs, bestCost, bestOrder, mask);
            swap(items, k, i);
        }
    }

    /** The day plan's soft objective for one route: late minutes × 1000 + road metres. */
    private static double routeCost(int[] order, Tech tech, List<Job> jobs) {
        Instant clock = DAY_START.plus(Duration.ofHours(8));
        GeoPoint at = tech.home();
        double metres = 0;
        long late = 0;
        for (int i : order) {
            Job job = jobs.get(i);
            metres += TRAVEL.roadKilometres(at, job.location()) * 1000;
            Instant arrival = clock.plus(TRAVEL.travelTime(at, job.location()));
            Instant start = arrival.isBefore(job.windowStart()) ? job.windowStart() : arrival;
            late += Math.max(0, Duration.between(job.windowEnd(), start).toMinutes());
            clock = start.plus(SERVICE);
            at = job.location();
        }
        return late * 1000.0 + metres;
    }

    private static void swap(int[] a, int i, int j) {
        int x = a[i];
        a[i] = a[j];
        a[j] = x;
    }

    // ---- proposal latency at 1,000 open jobs and 200 technicians

    static List<BenchResult> proposalLatency(BenchContext context) {
        Random random = new Random(context.seed() ^ 0x5eedL);
        Instance instance = generate(random, 200, 1000);
        AssignmentEngine engine = new AssignmentEngine(POLICY);
        List<Candidate> candidates = new ArrayList<>();
        for (Tech t : instance.techs()) {
            candidates.add(new Candidate(technician(t, null), random.nextInt(t.capacity()), false));
        }
        List<DispatchJob> open = instance.jobs().stream().map(AssignmentQualityBenchmark::dispatchJob).toList();
        Instant now = DAY_START.plus(Duration.ofHours(9));
        int warmup = context.quick() ? 2 : 5;
        for (int w = 0; w < warmup; w++) {
            open.forEach(job -> engine.propose(job, candidates, now));
        }
        long[] engineNanos = new long[open.size()];
        long[] greedyNanos = new long[open.size()];
        for (int i = 0; i < open.size(); i++) {
            DispatchJob job = open.get(i);
            long s = System.nanoTime();
            engine.propose(job, candidates, now);
            engineNanos[i] = System.nanoTime() - s;
            s = System.nanoTime();
            candidates.stream().map(Candidate::technician)
                    .filter(t -> t.skill(Skill.Kind.PRODUCT_CATEGORY, job.productCategory()).isPresent())
                    .min(Comparator.comparingDouble(t -> t.homeBase().kilometresTo(job.location())));
            greedyNanos[i] = System.nanoTime() - s;
        }
        Arrays.sort(engineNanos);
        Arrays.sort(greedyNanos);
        return List.of(
                new BenchResult(NAME, "proposal p50, 200 tech, 1000 jobs", percentile(engineNanos, 0.50), "ms",
                        "greedy nearest-qualified p50", percentile(greedyNanos, 0.50), true),
                new BenchResult(NAME, "proposal p99, 200 tech, 1000 jobs", percentile(engineNanos, 0.99), "ms",
                        "greedy nearest-qualified p99", percentile(greedyNanos, 0.99), true));
    }

    private static double percentile(long[] sorted, double p) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p * sorted.length) - 1)] / 1e6;
    }
}
