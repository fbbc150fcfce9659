package com.aftersales.ticket.sla;

import com.aftersales.calendar.BusinessCalendar;
import com.aftersales.calendar.TimeBasis;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * One SLA clock of a ticket, counted in its {@link TimeBasis}: clock hours (the on-site promise), business
 * hours (first response) or calendar days (resolution). It runs from the ticket's opening (the call), pauses
 * while the ticket waits for the customer (the due and warning times move out by the paused time, counted
 * in the clock's basis), and stops when its milestone is reached: MET if in time, MISSED if late. Plain Java.
 */
public final class SlaClock {

    public enum State {
        RUNNING, PAUSED, MET, MISSED
    }

    /** What the API shows: a running clock past its warning point is AT_RISK, past its due time BREACHED. */
    public enum Health {
        ON_TRACK, AT_RISK, BREACHED, PAUSED, MET, MISSED
    }

    private final UUID ticketId;
    private final SlaClockType type;
    private Duration target;
    private String rule;
    private final Instant startedAt;
    private Instant dueAt;
    private Instant warnAt;
    private State state;
    private Instant pausedAt;
    private Instant stoppedAt;
    private final TimeBasis basis;

    /** A clock on business hours. */
    public SlaClock(UUID ticketId, SlaClockType type, Duration target, String rule, Instant startedAt, Instant dueAt,
                    Instant warnAt, State state, Instant pausedAt, Instant stoppedAt) {
        this(ticketId, type, target, rule, startedAt, dueAt, warnAt, state, pausedAt, stoppedAt, TimeBasis.BUSINESS_HOURS);
    }

    public SlaClock(UUID ticketId, SlaClockType type, Duration target, String rule, Instant startedAt, Instant dueAt,
                    Instant warnAt, State state, Instant pausedAt, Instant stoppedAt, TimeBasis basis) {
        this.basis = Objects.requireNonNull(basis);
        this.ticketId = Objects.requireNonNull(ticketId);
        this.type = Objects.requireNonNull(type);
        this.target = Objects.requireNonNull(target);
        this.rule = Objects.requireNonNull(rule);
        this.startedAt = Objects.requireNonNull(startedAt);
        this.dueAt = Objects.requireNonNull(dueAt);
        this.warnAt = Objects.requireNonNull(warnAt);
        this.state = Objects.requireNonNull(state);
        this.pausedAt = pausedAt;
        this.stoppedAt = stoppedAt;
    }

    public static SlaClock start(UUID ticketId, SlaPolicy.Target target, Instant now, BusinessCalendar calendar,
                                 double warningRatio) {
        Duration warnAfter = Duration.ofMillis(Math.round(target.duration().toMillis() * warningRatio));
        return new SlaClock(ticketId, target.clock(), target.duration(), target.rule(), now,
                calendar.add(target.basis(), now, target.duration()), calendar.add(target.basis(), now, warnAfter),
                State.RUNNING, null, null, target.basis());
    }

    /** The ticket waits for the customer: the clock stands still. */
    public boolean pause(Instant now) {
        if (state != State.RUNNING) {
            return false;
        }
        state = State.PAUSED;
        pausedAt = now;
        return true;
    }

    /** The wait is over: what was left at the pause is counted again from now. */
    public boolean resume(Instant now, BusinessCalendar calendar) {
        if (state != State.PAUSED) {
            return false;
        }
        Duration leftToDue = calendar.between(basis, pausedAt, dueAt);
        Duration leftToWarn = calendar.between(basis, pausedAt, warnAt);
        dueAt = calendar.add(basis, now, leftToDue);
        warnAt = calendar.add(basis, now, leftToWarn);
        state = State.RUNNING;
        pausedAt = null;
        return true;
    }

    /** The milestone was reached. */
    public boolean stop(Instant now) {
        if (state != State.RUNNING && state != State.PAUSED) {
            return false;
        }
        Instant reached = state == State.PAUSED ? pausedAt : now;
        state = reached.isAfter(dueAt) ? State.MISSED : State.MET;
        stoppedAt = now;
        pausedAt = null;
        return true;
    }

    /**
     * A reopened ticket (a repeat repair) gets its full target again from now; the clock may warn and
     * breach once more.
     */
    public void restart(Instant now, BusinessCalendar calendar, double warningRatio) {
        Duration warnAfter = Duration.ofMillis(Math.round(target.toMillis() * warningRatio));
        dueAt = calendar.add(basis, now, target);
        warnAt = calendar.add(basis, now, warnAfter);
        state = State.RUNNING;
        pausedAt = null;
        stoppedAt = null;
    }

    /**
     * The ticket's priority changed: a clock still counting takes the target of the new priority, counted from
     * when it started, and keeps the business time it has spent paused. Whether its warning or breach was
     * already published is not touched: each is published once per clock.
     */
    public boolean retarget(SlaPolicy.Target newTarget, BusinessCalendar calendar, double warningRatio) {
        if ((state != State.RUNNING && state != State.PAUSED)
                || (newTarget.duration().equals(target) && newTarget.rule().equals(rule))) {
            return false;
        }
        Duration pausedSoFar = calendar.between(basis, startedAt, dueAt).minus(target);
        if (pausedSoFar.isNegative()) {
            pausedSoFar = Duration.ZERO;
        }
        Duration warnAfter = Duration.ofMillis(Math.round(newTarget.duration().toMillis() * warningRatio));
        target = newTarget.duration();
        rule = newTarget.rule();
        dueAt = calendar.add(basis, startedAt, target.plus(pausedSoFar));
        warnAt = calendar.add(basis, startedAt, warnAfter.plus(pausedSoFar));
        return true;
    }

    public Health health(Instant now) {
        return switch (state) {
            case MET -> Health.MET;
            case MISSED -> Health.MISSED;
            case PAUSED -> Health.PAUSED;
            case RUNNING -> !now.isBefore(dueAt) ? Health.BREACHED : !now.isBefore(warnAt) ? Health.AT_RISK : Health.ON_TRACK;
        };
    }

    /** Time left until due, counted in the clock's basis; zero once due or stopped. */
    public Duration remaining(Instant now, BusinessCalendar calendar) {
        return switch (state) {
            case RUNNING -> calendar.between(basis, now, dueAt);
            case PAUSED -> calendar.between(basis, pausedAt, dueAt);
            case MET, MISSED -> Duration.ZERO;
        };
    }

    public UUID ticketId() { return ticketId; }
    public SlaClockType type() { return type; }
    public Duration target() { return target; }
    public String rule() { return rule; }
    public Instant startedAt() { return startedAt; }
    public Instant dueAt() { return dueAt; }
    public Instant warnAt() { return warnAt; }
    public State state() { return state; }
    public Instant pausedAt() { return pausedAt; }
    public Instant stoppedAt() { return stoppedAt; }
    public TimeBasis basis() { return basis; }
}
