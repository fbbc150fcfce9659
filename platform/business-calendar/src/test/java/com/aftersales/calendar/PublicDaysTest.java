package com.aftersales.calendar;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Public days as data: Spring Festival 2026 stops business clocks, make-up days run them, changes apply live. */
class PublicDaysTest {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    private static PublicDays springFestival2026() {
        Map<LocalDate, String> holidays = new HashMap<>();
        for (LocalDate d = LocalDate.of(2026, 2, 15); !d.isAfter(LocalDate.of(2026, 2, 23)); d = d.plusDays(1)) {
            holidays.put(d, "春节");
        }
        return new PublicDays(holidays, Map.of(LocalDate.of(2026, 2, 14), "春节", LocalDate.of(2026, 2, 28), "春节"), Set.of());
    }

    private static Instant shanghai(String at) {
        return LocalDateTime.parse(at).atZone(SHANGHAI).toInstant();
    }

    private final AtomicReference<PublicDays> days = new AtomicReference<>(springFestival2026());
    private final BusinessCalendar calendar = BusinessCalendar.builder(SHANGHAI)
            .workingDays(java.util.EnumSet.range(java.time.DayOfWeek.MONDAY, java.time.DayOfWeek.FRIDAY))
            .publicDays(days::get).build();

    @ParameterizedTest(name = "{0} + {1} working hours = {2}")
    @CsvSource(textBlock = """
            2026-02-13T18:00, 1,  2026-02-14T08:30
            2026-02-13T17:00, 11, 2026-02-24T08:30
            2026-02-14T18:00, 4,  2026-02-24T11:30
            2026-02-27T18:00, 9,  2026-02-28T18:00
            """)
    void businessTimeSkipsTheHolidayAndRunsOnMakeUpDays(String from, int hours, String due) {
        assertThat(calendar.addBusinessTime(shanghai(from), Duration.ofHours(hours))).isEqualTo(shanghai(due));
    }

    @Test
    void clockHoursAndCalendarDaysDoNotCareAboutHolidays() {
        Instant eve = shanghai("2026-02-16T20:00");
        assertThat(calendar.add(TimeBasis.CLOCK_HOURS, eve, Duration.ofHours(24))).isEqualTo(shanghai("2026-02-17T20:00"));
        assertThat(calendar.add(TimeBasis.CALENDAR_DAYS, eve, Duration.ofDays(7))).isEqualTo(shanghai("2026-02-23T20:00"));
        assertThat(calendar.between(TimeBasis.BUSINESS_HOURS, eve, shanghai("2026-02-23T20:00"))).isZero();
    }

    @Test
    void aChangedCalendarAppliesToTheNextCalculationWithoutARestart() {
        LocalDate monday = LocalDate.of(2026, 3, 2);
        assertThat(calendar.isWorkingDay(monday)).isTrue();

        Map<LocalDate, String> more = new HashMap<>(days.get().holidays());
        more.put(monday, "test");
        days.set(new PublicDays(more, days.get().workingDays(), Set.of(monday)));

        assertThat(calendar.isWorkingDay(monday)).isFalse();
        assertThat(calendar.publicDays().provisional()).containsExactly(monday);
    }

    @Test
    void aDayIsEitherAHolidayOrAMakeUpWorkingDay() {
        LocalDate day = LocalDate.of(2026, 10, 1);
        assertThatThrownBy(() -> new PublicDays(Map.of(day, "国庆节"), Map.of(day, "国庆节"), Set.of()))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
