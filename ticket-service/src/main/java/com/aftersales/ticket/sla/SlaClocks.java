package com.aftersales.ticket.sla;

import com.aftersales.calendar.BusinessCalendar;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/** Starts, pauses, resumes and stops a ticket's clocks, in the transaction of the ticket change that causes it. */
@Service
public class SlaClocks {

    private final SlaClockRepository clocks;
    private final SlaPolicy policy;
    private final BusinessCalendar calendar;
    private final Clock clock;

    SlaClocks(SlaClockRepository clocks, SlaProperties properties, BusinessCalendar calendar, Clock clock) {
        this.clocks = clocks;
        this.policy = properties.toPolicy();
        this.calendar = calendar;
        this.clock = clock;
    }

    /**
     * The clocks just started for a new ticket.
     *
     * @param dueTimes    their due times by clock
     * @param description the clocks in words for the ticket's timeline, e.g. {@code ON_SITE 24 h in CLOCK_HOURS from
     *                    2026-12-03T20:00+08:00 (rule default), due 2026-12-04T20:00+08:00}
     */
    public record Started(Map<SlaClockType, Instant> dueTimes, String description) {
    }

    /** Starts the clocks that apply to a new ticket (described from what was written, not read back). */
    @Transactional(propagation = Propagation.MANDATORY)
    public Started start(UUID ticketId, String ticketType, String channel, String priority, String tier, Instant now) {
        Map<SlaClockType, Instant> due = new EnumMap<>(SlaClockType.class);
        List<SlaClock> started = new ArrayList<>();
        for (SlaPolicy.Target target : policy.targetsFor(ticketType, channel, priority, tier)) {
            SlaClock clockStarted = SlaClock.start(ticketId, target, now, calendar, policy.warningRatio());
            clocks.insert(clockStarted);
            due.put(clockStarted.type(), clockStarted.dueAt());
            started.add(clockStarted);
        }
        return new Started(due, describe(started));
    }

    private String describe(List<SlaClock> ticketClocks) {
        return ticketClocks.stream().sorted(java.util.Comparator.comparing(SlaClock::type))
                .map(c -> c.type() + " " + human(c.target()) + " in " + c.basis() + " from "
                        + c.startedAt().atZone(calendar.zone()).toOffsetDateTime() + " (rule " + c.rule() + "), due "
                        + c.dueAt().atZone(calendar.zone()).toOffsetDateTime())
                .collect(java.util.stream.Collectors.joining("; "));
    }

    private static String human(java.time.Duration d) {
        return d.toHours() % 24 == 0 && d.toHours() >= 48 && d.toMinutesPart() == 0 ? d.toDays() + " d"
                : d.toMinutesPart() == 0 ? d.toHours() + " h" : d.toMinutes() + " min";
    }

    /** The listed clocks reached their milestone. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void stop(UUID ticketId, Set<SlaClockType> reached, Instant now) {
        for (SlaClock c : clocks.forTicketForUpdate(ticketId)) {
            if (reached.contains(c.type()) && c.stop(now)) {
                clocks.update(c);
            }
        }
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public void pause(UUID ticketId, Instant now) {
        for (SlaClock c : clocks.forTicketForUpdate(ticketId)) {
            if (c.pause(now)) {
                clocks.update(c);
            }
        }
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public void resume(UUID ticketId, Instant now) {
        for (SlaClock c : clocks.forTicketForUpdate(ticketId)) {
            if (c.resume(now, calendar)) {
                clocks.update(c);
            }
        }
    }

    /** A reopened ticket: the listed clocks run again with their full targets from now. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void restart(UUID ticketId, Set<SlaClockType> restarted, Instant now) {
        for (SlaClock c : clocks.forTicketForUpdate(ticketId)) {
            if (restarted.contains(c.type())) {
                SlaClock fresh = new SlaClock(c.ticketId(), c.type(), c.target(), c.rule(), now, c.dueAt(), c.warnAt(),
                        c.state(), null, null, c.basis());
                fresh.restart(now, calendar, policy.warningRatio());
                clocks.restart(fresh);
            }
        }
    }

    /**
     * When the ticket's priority changed, its clocks still counting take the new priority's targets (the rules
     * retargeted are returned); returns the due times of all its clocks afterwards either way.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public Retargeted retarget(UUID ticketId, String ticketType, String channel, String priority, String tier,
                               boolean priorityChanged) {
        Map<SlaClockType, SlaPolicy.Target> targets = new EnumMap<>(SlaClockType.class);
        if (priorityChanged) {
            policy.targetsFor(ticketType, channel, priority, tier).forEach(t -> targets.put(t.clock(), t));
        }
        Map<SlaClockType, Instant> due = new EnumMap<>(SlaClockType.class);
        Map<SlaClockType, String> rules = new EnumMap<>(SlaClockType.class);
        Map<SlaClockType, com.aftersales.calendar.TimeBasis> bases = new EnumMap<>(SlaClockType.class);
        for (SlaClock c : clocks.forTicketForUpdate(ticketId)) {
            bases.put(c.type(), c.basis());
            SlaPolicy.Target target = targets.get(c.type());
            if (target != null && c.retarget(target, calendar, policy.warningRatio())) {
                clocks.retarget(c);
                rules.put(c.type(), c.rule());
            }
            due.put(c.type(), c.dueAt());
        }
        return new Retargeted(due, rules, bases);
    }

    private java.time.Duration remainingBusiness(SlaClock c, Instant now) {
        return switch (c.state()) {
            case RUNNING -> calendar.businessTimeBetween(now, c.dueAt());
            case PAUSED -> calendar.businessTimeBetween(c.pausedAt(), c.dueAt());
            case MET, MISSED -> java.time.Duration.ZERO;
        };
    }

    /**
     * @param rules the clocks that changed target, with the rule now applying
     * @param bases what each clock counts
     */
    public record Retargeted(Map<SlaClockType, Instant> dueTimes, Map<SlaClockType, String> rules,
                             Map<SlaClockType, com.aftersales.calendar.TimeBasis> bases) {
    }

    @Transactional(readOnly = true)
    public List<SlaClockView> views(UUID ticketId) {
        Instant now = clock.instant();
        return clocks.forTicket(ticketId).stream()
                .sorted(java.util.Comparator.comparing(SlaClock::type))
                .map(c -> new SlaClockView(c.type(), c.basis(), c.rule(), c.target().toSeconds(), c.startedAt(), c.dueAt(),
                        c.remaining(now, calendar).toSeconds(), remainingBusiness(c, now).toSeconds(), c.health(now),
                        c.stoppedAt()))
                .toList();
    }
}
