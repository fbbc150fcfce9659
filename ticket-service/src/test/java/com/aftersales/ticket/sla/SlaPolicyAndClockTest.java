package com.aftersales.ticket.sla;

import com.aftersales.calendar.BusinessCalendar;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SlaPolicyAndClockTest {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private static final BusinessCalendar CALENDAR = BusinessCalendar.defaults(SHANGHAI);
    private static final SlaPolicy POLICY = new SlaPolicy(
            new SlaTargets(Duration.ofHours(9), Duration.ofHours(24), Duration.ofHours(6), Duration.ofHours(63)),
            Map.of("COMPLAINT", new SlaTargets(Duration.ofHours(2), null, null, null)),
            Map.of("URGENT", new SlaTargets(Duration.ofHours(1), Duration.ofHours(4), Duration.ofHours(2), null)),
            Map.of("A", new SlaTargets(Duration.ofHours(3), null, Duration.ofHours(4), null)),
            Set.of("REPAIR", "INSTALLATION"), Set.of("WEB", "EMAIL"), 0.8);

    private static Instant shanghai(String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(SHANGHAI).toInstant();
    }

    private static Map<SlaClockType, SlaPolicy.Target> targets(String type, String channel, String priority, String tier) {
        Map<SlaClockType, SlaPolicy.Target> map = new java.util.EnumMap<>(SlaClockType.class);
        POLICY.targetsFor(type, channel, priority, tier).forEach(t -> map.put(t.clock(), t));
        return map;
    }

    @Test
    void defaultsApplyWhenNothingIsStricter() {
        Map<SlaClockType, SlaPolicy.Target> t = targets("REPAIR", "WEB", "NORMAL", "C");

        assertThat(t).containsOnlyKeys(SlaClockType.values());
        assertThat(t.values()).allSatisfy(target -> assertThat(target.rule()).isEqualTo("default"));
        assertThat(t.get(SlaClockType.ON_SITE).duration()).isEqualTo(Duration.ofHours(24));
    }

    @Test
    void theStrictestApplicableOverrideWinsAndIsNamed() {
        Map<SlaClockType, SlaPolicy.Target> t = targets("REPAIR", "WEB", "URGENT", "A");

        assertThat(t.get(SlaClockType.FIRST_RESPONSE)).isEqualTo(new SlaPolicy.Target(SlaClockType.FIRST_RESPONSE, Duration.ofHours(1), "priority:URGENT"));
        assertThat(t.get(SlaClockType.ON_SITE_TARGET)).isEqualTo(new SlaPolicy.Target(SlaClockType.ON_SITE_TARGET, Duration.ofHours(2), "priority:URGENT"));
        assertThat(t.get(SlaClockType.RESOLUTION).rule()).isEqualTo("default");

        Map<SlaClockType, SlaPolicy.Target> tierA = targets("REPAIR", "WEB", "NORMAL", "A");
        assertThat(tierA.get(SlaClockType.FIRST_RESPONSE)).isEqualTo(new SlaPolicy.Target(SlaClockType.FIRST_RESPONSE, Duration.ofHours(3), "tier:A"));
        assertThat(targets("COMPLAINT", "WEB", "NORMAL", "A").get(SlaClockType.FIRST_RESPONSE).rule()).isEqualTo("type:COMPLAINT");
    }

    @Test
    void onSiteClocksOnlyForVisitTypesAndFirstResponseOnlyForWrittenChannels() {
        assertThat(targets("CONSULTATION", "WEB", "NORMAL", "B")).containsOnlyKeys(SlaClockType.FIRST_RESPONSE, SlaClockType.RESOLUTION);
        assertThat(targets("REPAIR", "PHONE", "NORMAL", "B")).doesNotContainKey(SlaClockType.FIRST_RESPONSE);
    }

    @Test
    void theWarningRatioMustBeAShare() {
        assertThatThrownBy(() -> new SlaPolicy(POLICY.defaults(), Map.of(), Map.of(), Map.of(), Set.of(), Set.of(), 1.0))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aClockOpenedSaturdayEveningIsDueOnMondayAndWarnsAtEightyPercent() {
        Instant saturdayEvening = shanghai("2026-11-28T17:30:00");
        SlaClock clock = SlaClock.start(UUID.randomUUID(), new SlaPolicy.Target(SlaClockType.ON_SITE_TARGET, Duration.ofHours(6), "default"),
                saturdayEvening, CALENDAR, 0.8);

        // Saturday 17:30–18:30 is 1 h; Monday 08:00–12:00 4 h; 13:30–14:30 the last hour
        assertThat(clock.dueAt()).isEqualTo(shanghai("2026-11-30T14:30:00"));
        // 4.8 h: 1 h Saturday + 3.8 h Monday morning
        assertThat(clock.warnAt()).isEqualTo(shanghai("2026-11-30T11:48:00"));
        assertThat(clock.health(shanghai("2026-11-30T11:00:00"))).isEqualTo(SlaClock.Health.ON_TRACK);
        assertThat(clock.health(shanghai("2026-11-30T12:30:00"))).isEqualTo(SlaClock.Health.AT_RISK);
        assertThat(clock.health(shanghai("2026-11-30T14:30:00"))).isEqualTo(SlaClock.Health.BREACHED);
        assertThat(clock.remaining(shanghai("2026-11-30T08:00:00"), CALENDAR)).isEqualTo(Duration.ofHours(5));
    }

    @Test
    void aPauseMovesTheDueTimeByThePausedBusinessTime() {
        Instant start = shanghai("2026-11-24T09:00:00");
        SlaClock clock = SlaClock.start(UUID.randomUUID(), new SlaPolicy.Target(SlaClockType.RESOLUTION, Duration.ofHours(9), "default"),
                start, CALENDAR, 0.8);
        assertThat(clock.dueAt()).isEqualTo(shanghai("2026-11-25T09:00:00"));

        assertThat(clock.pause(shanghai("2026-11-24T10:00:00"))).isTrue();
        assertThat(clock.health(shanghai("2026-11-26T10:00:00"))).isEqualTo(SlaClock.Health.PAUSED);
        assertThat(clock.remaining(shanghai("2026-11-26T10:00:00"), CALENDAR)).isEqualTo(Duration.ofHours(8));
        assertThat(clock.resume(shanghai("2026-11-24T15:00:00"), CALENDAR)).isTrue();

        // 8 h left from Tuesday 15:00: 3.5 h Tuesday, 4 h Wednesday morning, 0.5 h after lunch
        assertThat(clock.dueAt()).isEqualTo(shanghai("2026-11-25T14:00:00"));
        assertThat(clock.pause(shanghai("2026-11-24T15:00:00"))).isTrue();
        assertThat(clock.pause(shanghai("2026-11-24T15:00:00"))).isFalse();
    }

    @Test
    void stoppingInTimeIsMetAndLateIsMissedAndStoppedClocksStayStopped() {
        Instant start = shanghai("2026-11-24T09:00:00");
        SlaPolicy.Target twoHours = new SlaPolicy.Target(SlaClockType.ON_SITE, Duration.ofHours(2), "default");
        SlaClock inTime = SlaClock.start(UUID.randomUUID(), twoHours, start, CALENDAR, 0.8);
        SlaClock late = SlaClock.start(UUID.randomUUID(), twoHours, start, CALENDAR, 0.8);

        assertThat(inTime.stop(shanghai("2026-11-24T10:59:00"))).isTrue();
        assertThat(late.stop(shanghai("2026-11-24T11:01:00"))).isTrue();

        assertThat(inTime.state()).isEqualTo(SlaClock.State.MET);
        assertThat(late.state()).isEqualTo(SlaClock.State.MISSED);
        assertThat(late.remaining(shanghai("2026-11-24T12:00:00"), CALENDAR)).isZero();
        assertThat(inTime.stop(shanghai("2026-11-24T12:00:00"))).isFalse();
        assertThat(inTime.pause(shanghai("2026-11-24T12:00:00"))).isFalse();
        assertThat(List.of(inTime.health(start), late.health(start))).containsExactly(SlaClock.Health.MET, SlaClock.Health.MISSED);
    }

    @Test
    void aRaisedPriorityRetargetsFromTheStartKeepingThePausedTime() {
        Instant mondayNine = shanghai("2026-11-30T09:00:00");
        SlaPolicy.Target normal = new SlaPolicy.Target(SlaClockType.ON_SITE, Duration.ofHours(24), "default");
        SlaClock clock = SlaClock.start(UUID.randomUUID(), normal, mondayNine, CALENDAR, 0.8);
        // waits for the customer one business hour: 10:00–11:00
        clock.pause(shanghai("2026-11-30T10:00:00"));
        clock.resume(shanghai("2026-11-30T11:00:00"), CALENDAR);

        SlaPolicy.Target urgent = targets("REPAIR", "PHONE", "URGENT", "C").get(SlaClockType.ON_SITE);
        assertThat(clock.retarget(urgent, CALENDAR, 0.8)).isTrue();

        // 4 h target + 1 h paused from Monday 09:00: 09:00–12:00 is 3 h, then 13:30–15:30
        assertThat(clock.dueAt()).isEqualTo(shanghai("2026-11-30T15:30:00"));
        // warning at 80 % of 4 h = 3 h 12 min, plus the paused hour: 13:30 + 1 h 12 min
        assertThat(clock.warnAt()).isEqualTo(shanghai("2026-11-30T14:42:00"));
        assertThat(clock.rule()).isEqualTo("priority:URGENT");
        assertThat(clock.target()).isEqualTo(Duration.ofHours(4));
        assertThat(clock.retarget(urgent, CALENDAR, 0.8)).as("same target again: nothing to do").isFalse();
    }

    @Test
    void aStoppedClockKeepsItsTargetWhenThePriorityChanges() {
        Instant start = shanghai("2026-11-30T09:00:00");
        SlaClock clock = SlaClock.start(UUID.randomUUID(), new SlaPolicy.Target(SlaClockType.FIRST_RESPONSE, Duration.ofHours(9),
                "default"), start, CALENDAR, 0.8);
        clock.stop(shanghai("2026-11-30T09:30:00"));

        assertThat(clock.retarget(new SlaPolicy.Target(SlaClockType.FIRST_RESPONSE, Duration.ofHours(1), "priority:URGENT"),
                CALENDAR, 0.8)).isFalse();
        assertThat(clock.state()).isEqualTo(SlaClock.State.MET);
        assertThat(clock.rule()).isEqualTo("default");
    }
}
