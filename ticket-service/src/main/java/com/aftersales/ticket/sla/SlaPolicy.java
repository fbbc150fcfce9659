package com.aftersales.ticket.sla;

import com.aftersales.calendar.TimeBasis;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Which target each clock of a ticket gets. The default targets apply unless an override for the
 * ticket's type, priority or customer tier is stricter: the strictest applicable target wins (a
 * promise is only ever tightened), and the clock records the rule that set it ({@code default},
 * {@code type:COMPLAINT}, {@code priority:URGENT}, {@code tier:A}). On-site clocks run only for the
 * ticket types that need a visit; the first-response clock only for channels where the customer is not
 * already talking to an agent (a phone call or a store visit is itself the first response).
 *
 * @param warningRatio share of the target after which {@code SlaWarning} is published (0.8 by default)
 * @param timeBasis    what each clock counts: the on-site promise clock hours, first response business hours,
 *                     resolution calendar days (by default); a clock not listed counts business hours
 */
public record SlaPolicy(SlaTargets defaults, Map<String, SlaTargets> byType, Map<String, SlaTargets> byPriority,
                        Map<String, SlaTargets> byTier, Set<String> onSiteTypes, Set<String> firstResponseChannels,
                        double warningRatio, Map<SlaClockType, TimeBasis> timeBasis) {

    /** Every clock on business hours. */
    public SlaPolicy(SlaTargets defaults, Map<String, SlaTargets> byType, Map<String, SlaTargets> byPriority,
                     Map<String, SlaTargets> byTier, Set<String> onSiteTypes, Set<String> firstResponseChannels,
                     double warningRatio) {
        this(defaults, byType, byPriority, byTier, onSiteTypes, firstResponseChannels, warningRatio, Map.of());
    }

    public TimeBasis basisOf(SlaClockType clock) {
        return timeBasis.getOrDefault(clock, TimeBasis.BUSINESS_HOURS);
    }

    public SlaPolicy {
        Objects.requireNonNull(defaults);
        byType = Map.copyOf(byType);
        byPriority = Map.copyOf(byPriority);
        byTier = Map.copyOf(byTier);
        onSiteTypes = Set.copyOf(onSiteTypes);
        firstResponseChannels = Set.copyOf(firstResponseChannels);
        timeBasis = timeBasis == null ? Map.of() : Map.copyOf(timeBasis);
        if (!(warningRatio > 0 && warningRatio < 1)) {
            throw new IllegalArgumentException("the warning ratio lies strictly between 0 and 1: " + warningRatio);
        }
    }

    /** A clock's target, the rule that chose it and what the clock counts. */
    public record Target(SlaClockType clock, Duration duration, String rule, TimeBasis basis) {

        /** A target on business hours. */
        public Target(SlaClockType clock, Duration duration, String rule) {
            this(clock, duration, rule, TimeBasis.BUSINESS_HOURS);
        }
    }

    public List<Target> targetsFor(String ticketType, String channel, String priority, String tier) {
        List<Target> targets = new ArrayList<>();
        for (SlaClockType clock : SlaClockType.values()) {
            boolean onSiteClock = clock == SlaClockType.ON_SITE || clock == SlaClockType.ON_SITE_TARGET;
            if (onSiteClock && !onSiteTypes.contains(ticketType)) {
                continue;
            }
            if (clock == SlaClockType.FIRST_RESPONSE && !firstResponseChannels.contains(channel)) {
                continue;
            }
            Duration best = defaults.of(clock);
            String rule = "default";
            for (Override candidate : List.of(
                    new Override("type:" + ticketType, ticketType == null ? null : byType.get(ticketType)),
                    new Override("priority:" + priority, priority == null ? null : byPriority.get(priority)),
                    new Override("tier:" + tier, tier == null ? null : byTier.get(tier)))) {
                Duration override = candidate.targets() == null ? null : candidate.targets().of(clock);
                if (override != null && (best == null || override.compareTo(best) < 0)) {
                    best = override;
                    rule = candidate.rule();
                }
            }
            if (best != null) {
                targets.add(new Target(clock, best, rule, basisOf(clock)));
            }
        }
        return targets;
    }

    private record Override(String rule, SlaTargets targets) {
    }
}
