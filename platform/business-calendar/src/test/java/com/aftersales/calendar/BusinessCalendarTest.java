package com.aftersales.calendar;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BusinessCalendarTest {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    /** Tuesday. */
    private static final LocalDate TUESDAY = LocalDate.of(2026, 11, 24);
    private static final LocalDate SATURDAY = LocalDate.of(2026, 11, 28);
    private static final LocalDate MONDAY = LocalDate.of(2026, 11, 30);

    private final BusinessCalendar calendar = BusinessCalendar.defaults(SHANGHAI);

    private static Instant at(LocalDate date, String time) {
        return LocalDateTime.of(date, LocalTime.parse(time)).atZone(SHANGHAI).toInstant();
    }


    @ParameterizedTest(name = "Tuesday {0} + {1} min = {2} {3}")
    @CsvSource({
            "09:00, 120, 0, 11:00",   // inside the morning
            "11:00, 120, 0, 14:30",   // across the lunch break
            "12:30, 60, 0, 14:30",    // starting in the lunch break
            "06:00, 60, 0, 09:00",    // before opening
            "19:00, 60, 1, 09:00",    // after closing: next morning
            "08:00, 540, 0, 18:30",   // a whole working day is 9 hours
            "08:00, 541, 1, 08:01",
            "10:00, 120, 0, 12:00",   // landing on the end of a period stays there
    })
    void onAPlainWorkingDay(String start, long minutes, int plusDays, String expected) {
        assertThat(calendar.addBusinessTime(at(TUESDAY, start), Duration.ofMinutes(minutes)))
                .isEqualTo(at(TUESDAY.plusDays(plusDays), expected));
    }

    @Test
    void skipsSunday() {
        assertThat(calendar.addBusinessTime(at(SATURDAY, "17:30"), Duration.ofHours(2)))
                .isEqualTo(at(MONDAY, "09:00"));
    }

    @Test
    void skipsAHoliday() {
        BusinessCalendar withHoliday = BusinessCalendar.builder(SHANGHAI).holidays(List.of(TUESDAY.plusDays(1))).build();

        assertThat(withHoliday.addBusinessTime(at(TUESDAY, "18:00"), Duration.ofHours(1)))
                .isEqualTo(at(TUESDAY.plusDays(2), "08:30"));
    }

    @Test
    void aClockSpanningAWeekendAHolidayAndTheLunchBreak() {
        BusinessCalendar withHoliday = BusinessCalendar.builder(SHANGHAI).holidays(List.of(MONDAY)).build();
        Instant start = at(SATURDAY, "17:00");
        // Saturday 17:00–18:30 (1.5 h), Sunday off, Monday a holiday, Tuesday 08:00–12:00 (4 h), lunch, 13:30–14:30 (1 h)
        Instant due = withHoliday.addBusinessTime(start, Duration.ofMinutes(390));

        assertThat(due).isEqualTo(at(MONDAY.plusDays(1), "14:30"));
        assertThat(withHoliday.businessTimeBetween(start, due)).isEqualTo(Duration.ofMinutes(390));
    }

    @Test
    void anExtraWorkingDayCountsEvenOnASunday() {
        BusinessCalendar makeUpSunday = BusinessCalendar.builder(SHANGHAI)
                .extraWorkingDays(List.of(SATURDAY.plusDays(1))).build();

        assertThat(makeUpSunday.addBusinessTime(at(SATURDAY, "18:00"), Duration.ofHours(1)))
                .isEqualTo(at(SATURDAY.plusDays(1), "08:30"));
    }

    @Test
    void zeroIsTheStartItselfEvenOutsideWorkingHours() {
        Instant night = at(TUESDAY, "23:00");
        assertThat(calendar.addBusinessTime(night, Duration.ZERO)).isEqualTo(night);
    }

    @Test
    void negativeAmountsAreRefused() {
        assertThatThrownBy(() -> calendar.addBusinessTime(at(TUESDAY, "09:00"), Duration.ofMinutes(-1)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aCalendarWithoutWorkingDaysFailsInsteadOfLoopingForever() {
        BusinessCalendar never = BusinessCalendar.builder(SHANGHAI).workingDays(EnumSet.noneOf(DayOfWeek.class)).build();

        assertThatThrownBy(() -> never.addBusinessTime(at(TUESDAY, "09:00"), Duration.ofHours(1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no working time");
    }

    @Test
    void theTimeZoneDecidesWhatIsWorkingTime() {
        // 00:00 UTC is 08:00 in Shanghai
        Instant utcMidnight = Instant.parse("2026-11-24T00:00:00Z");
        assertThat(calendar.addBusinessTime(utcMidnight, Duration.ofHours(1))).isEqualTo(Instant.parse("2026-11-24T01:00:00Z"));
        BusinessCalendar london = BusinessCalendar.defaults(ZoneId.of("Europe/London"));
        assertThat(london.addBusinessTime(utcMidnight, Duration.ofHours(1))).isEqualTo(Instant.parse("2026-11-24T09:00:00Z"));
    }

    @Test
    void aDaylightSavingGapShortensThePeriodItFallsIn() {
        ZoneId newYork = ZoneId.of("America/New_York");
        BusinessCalendar nights = BusinessCalendar.builder(newYork).workingDays(EnumSet.allOf(DayOfWeek.class))
                .periods(List.of(WorkingPeriod.parse("01:00-04:00"))).build();
        LocalDate springForward = LocalDate.of(2026, 3, 8);
        Instant start = LocalDateTime.of(springForward, LocalTime.of(1, 0)).atZone(newYork).toInstant();

        // 02:00–03:00 does not exist that night: the period holds 2 real hours
        assertThat(nights.businessTimeBetween(start, start.plus(Duration.ofHours(5)))).isEqualTo(Duration.ofHours(2));
    }


    @Test
    void countsOnlyWorkingPeriods() {
        assertThat(calendar.businessTimeBetween(at(TUESDAY, "11:00"), at(TUESDAY, "14:30"))).isEqualTo(Duration.ofHours(2));
        assertThat(calendar.businessTimeBetween(at(TUESDAY, "00:00"), at(TUESDAY.plusDays(1), "00:00"))).isEqualTo(Duration.ofHours(9));
        assertThat(calendar.businessTimeBetween(at(SATURDAY, "18:00"), at(MONDAY, "08:30"))).isEqualTo(Duration.ofHours(1));
    }

    @Test
    void isZeroWhenTheEndIsNotAfterTheStart() {
        assertThat(calendar.businessTimeBetween(at(TUESDAY, "10:00"), at(TUESDAY, "09:00"))).isZero();
        assertThat(calendar.businessTimeBetween(at(TUESDAY, "10:00"), at(TUESDAY, "10:00"))).isZero();
    }

    @Test
    void isTheInverseOfAddingAcrossAMonthOfStartsAndAmounts() {
        BusinessCalendar withHolidays = BusinessCalendar.builder(SHANGHAI)
                .holidays(List.of(LocalDate.of(2026, 12, 1), LocalDate.of(2026, 12, 25))).build();
        Instant start = at(TUESDAY, "07:13");
        for (int step = 0; step < 24 * 30; step += 7) {
            Instant from = start.plus(Duration.ofHours(step));
            for (long minutes : new long[]{1, 59, 240, 541, 3000}) {
                Instant due = withHolidays.addBusinessTime(from, Duration.ofMinutes(minutes));
                assertThat(withHolidays.businessTimeBetween(from, due)).as("from %s + %d min", from, minutes)
                        .isEqualTo(Duration.ofMinutes(minutes));
            }
        }
    }


    @ParameterizedTest(name = "{0} {1} is working time: {2}")
    @CsvSource({
            "2026-11-24, 08:00, true",
            "2026-11-24, 07:59, false",
            "2026-11-24, 12:00, false",   // a period's end is exclusive
            "2026-11-24, 13:30, true",
            "2026-11-24, 18:29, true",
            "2026-11-24, 18:30, false",
            "2026-11-28, 10:00, true",    // Saturday is a working day by default
            "2026-11-29, 10:00, false",   // Sunday is not
    })
    void followsDaysAndPeriods(LocalDate date, String time, boolean working) {
        assertThat(calendar.isWorkingTime(at(date, time))).isEqualTo(working);
    }

    @Test
    void nextWorkingInstantIsNowDuringHoursElseTheNextPeriodStart() {
        assertThat(calendar.nextWorkingInstant(at(TUESDAY, "09:15"))).isEqualTo(at(TUESDAY, "09:15"));
        assertThat(calendar.nextWorkingInstant(at(TUESDAY, "12:15"))).isEqualTo(at(TUESDAY, "13:30"));
        assertThat(calendar.nextWorkingInstant(at(SATURDAY, "19:00"))).isEqualTo(at(MONDAY, "08:00"));
    }

    @Test
    void aHolidayHasNoWorkingTime() {
        BusinessCalendar withHoliday = BusinessCalendar.builder(SHANGHAI).holidays(List.of(TUESDAY)).build();
        assertThat(withHoliday.isWorkingDay(TUESDAY)).isFalse();
        assertThat(withHoliday.isWorkingTime(at(TUESDAY, "09:00"))).isFalse();
    }


    @Test
    void periodsParseFromConfigurationText() {
        assertThat(WorkingPeriod.parse(" 13:30 - 18:30 ")).isEqualTo(new WorkingPeriod(LocalTime.of(13, 30), LocalTime.of(18, 30)));
        assertThatThrownBy(() -> WorkingPeriod.parse("18:30-13:30")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> WorkingPeriod.parse("08:00")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void overlappingOrMissingPeriodsAreRefused() {
        assertThatThrownBy(() -> BusinessCalendar.builder(SHANGHAI)
                .periods(List.of(WorkingPeriod.parse("08:00-12:00"), WorkingPeriod.parse("11:00-13:00"))).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("overlap");
        assertThatThrownBy(() -> BusinessCalendar.builder(SHANGHAI).periods(List.of()).build())
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void periodsAreKeptInOrderWhateverOrderTheyCameIn() {
        BusinessCalendar reversed = BusinessCalendar.builder(SHANGHAI)
                .periods(List.of(WorkingPeriod.parse("13:30-18:30"), WorkingPeriod.parse("08:00-12:00"))).build();
        assertThat(reversed.periods()).isEqualTo(BusinessCalendar.DEFAULT_PERIODS);
        assertThat(reversed.addBusinessTime(at(TUESDAY, "11:00"), Duration.ofHours(2))).isEqualTo(at(TUESDAY, "14:30"));
    }
}
