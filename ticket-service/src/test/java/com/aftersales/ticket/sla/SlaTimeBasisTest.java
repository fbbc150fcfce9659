package com.aftersales.ticket.sla;

import com.aftersales.calendar.BusinessCalendar;
import com.aftersales.calendar.TimeBasis;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.io.ClassPathResource;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The shipped SLA configuration: the on-site promise (24 h, target 6 h) in clock hours from the call, first response
 * in business hours, resolution in calendar days; across a night, a Sunday and the 2026 National Day holiday.
 */
class SlaTimeBasisTest {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    /** National Day 2026: 1–7 October off, Saturday 10 October worked (调休). */
    private static final BusinessCalendar CALENDAR = BusinessCalendar.builder(SHANGHAI)
            .holidays(IntStream.rangeClosed(1, 7).mapToObj(d -> LocalDate.of(2026, 10, d)).toList())
            .extraWorkingDays(List.of(LocalDate.of(2026, 9, 20), LocalDate.of(2026, 10, 10)))
            .build();

    private static SlaPolicy shipped() throws IOException {
        var sources = new YamlPropertySourceLoader().load("application", new ClassPathResource("application.yml"));
        return new Binder(ConfigurationPropertySources.from(sources)).bind("aftersales.ticket.sla", SlaProperties.class)
                .orElseThrow(() -> new AssertionError("no aftersales.ticket.sla")).toPolicy();
    }

    private static Instant shanghai(String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(SHANGHAI).toInstant();
    }

    private static Map<SlaClockType, SlaClock> started(String at, String channel, String priority) throws IOException {
        SlaPolicy policy = shipped();
        Map<SlaClockType, SlaClock> clocks = new EnumMap<>(SlaClockType.class);
        for (SlaPolicy.Target target : policy.targetsFor("REPAIR", channel, priority, "C")) {
            clocks.put(target.clock(), SlaClock.start(UUID.randomUUID(), target, shanghai(at), CALENDAR, policy.warningRatio()));
        }
        return clocks;
    }

    @ParameterizedTest(name = "call at {0}: on site by {1}, target {2}, first response by {3}, resolved by {4}")
    @CsvSource(textBlock = """
            # called (Shanghai),  on site (24 clock h), target (6 clock h), first response (9 business h), resolution (7 days)
            2026-12-03T18:00,    2026-12-04T18:00,    2026-12-04T00:00,    2026-12-04T18:00,    2026-12-10T18:00
            2026-12-04T22:30,    2026-12-05T22:30,    2026-12-05T04:30,    2026-12-05T18:30,    2026-12-11T22:30
            2026-12-05T20:00,    2026-12-06T20:00,    2026-12-06T02:00,    2026-12-07T18:30,    2026-12-12T20:00
            2026-09-30T17:00,    2026-10-01T17:00,    2026-09-30T23:00,    2026-10-08T17:00,    2026-10-07T17:00
            2026-10-03T09:00,    2026-10-04T09:00,    2026-10-03T15:00,    2026-10-08T18:30,    2026-10-10T09:00
            """)
    void clockHoursRunThroughNightsSundaysAndHolidaysBusinessHoursDoNot(String called, String onSite, String target,
                                                                         String firstResponse, String resolution) throws IOException {
        Map<SlaClockType, SlaClock> clocks = started(called, "WEB", "NORMAL");

        assertThat(clocks.get(SlaClockType.ON_SITE).dueAt()).isEqualTo(shanghai(onSite));
        assertThat(clocks.get(SlaClockType.ON_SITE).basis()).isEqualTo(TimeBasis.CLOCK_HOURS);
        assertThat(clocks.get(SlaClockType.ON_SITE_TARGET).dueAt()).isEqualTo(shanghai(target));
        assertThat(clocks.get(SlaClockType.FIRST_RESPONSE).dueAt()).isEqualTo(shanghai(firstResponse));
        assertThat(clocks.get(SlaClockType.FIRST_RESPONSE).basis()).isEqualTo(TimeBasis.BUSINESS_HOURS);
        assertThat(clocks.get(SlaClockType.RESOLUTION).dueAt()).isEqualTo(shanghai(resolution));
        assertThat(clocks.get(SlaClockType.RESOLUTION).basis()).isEqualTo(TimeBasis.CALENDAR_DAYS);
    }

    @Test
    void aPausedClockHourClockMovesByTheClockTimeItWasPausedAndCountsRemainingInItsBasis() throws IOException {
        SlaClock onSite = started("2026-12-04T22:00", "PHONE", "NORMAL").get(SlaClockType.ON_SITE);

        onSite.pause(shanghai("2026-12-05T02:00"));
        onSite.resume(shanghai("2026-12-05T05:00"), CALENDAR);

        assertThat(onSite.dueAt()).isEqualTo(shanghai("2026-12-06T01:00"));
        assertThat(onSite.remaining(shanghai("2026-12-05T23:00"), CALENDAR)).isEqualTo(Duration.ofHours(2));
        assertThat(onSite.health(shanghai("2026-12-06T01:00"))).isEqualTo(SlaClock.Health.BREACHED);
    }

    @Test
    void stricterOverridesKeepTheClocksBasis() throws IOException {
        Map<SlaClockType, SlaClock> urgent = started("2026-12-04T23:00", "WEB", "URGENT");

        assertThat(urgent.get(SlaClockType.ON_SITE).dueAt()).isEqualTo(shanghai("2026-12-05T03:00"));
        assertThat(urgent.get(SlaClockType.ON_SITE).rule()).isEqualTo("priority:URGENT");
        assertThat(urgent.get(SlaClockType.FIRST_RESPONSE).dueAt()).isEqualTo(shanghai("2026-12-05T09:00"));
    }
}
