package com.aftersales.dispatch.technician;

import com.aftersales.calendar.PublicDays;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** Technicians' shifts on the public calendar: off on public holidays, working on make-up days (调休). */
class WorkingCalendarTest {

    private static final List<WorkingCalendar.Shift> MONDAY_TO_FRIDAY = java.util.stream.Stream.of(DayOfWeek.MONDAY,
                    DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY, DayOfWeek.FRIDAY)
            .map(d -> new WorkingCalendar.Shift(d, LocalTime.of(8, 30), LocalTime.of(17, 30))).toList();
    private static final PublicDays NATIONAL_DAY = new PublicDays(
            Map.of(LocalDate.of(2026, 10, 1), "国庆节", LocalDate.of(2026, 10, 2), "国庆节"),
            Map.of(LocalDate.of(2026, 9, 20), "国庆节", LocalDate.of(2026, 10, 10), "国庆节"), Set.of());

    private final WorkingCalendar calendar = new WorkingCalendar("Asia/Shanghai", MONDAY_TO_FRIDAY, Set.of())
            .on(NATIONAL_DAY, DayOfWeek.MONDAY);

    @Test
    void noShiftsOnAPublicHolidayAndMondaysShiftsOnAMakeUpSunday() {
        assertThat(calendar.worksOn(LocalDate.of(2026, 10, 1))).as("Thursday, National Day").isFalse();
        assertThat(calendar.worksOn(LocalDate.of(2026, 10, 8))).as("an ordinary Thursday").isTrue();
        assertThat(calendar.shiftsOn(LocalDate.of(2026, 9, 20))).as("Sunday worked for National Day").singleElement()
                .satisfies(s -> assertThat(s.start()).isEqualTo(LocalTime.of(8, 30)));
        assertThat(calendar.worksOn(LocalDate.of(2026, 9, 27))).as("an ordinary Sunday").isFalse();
        assertThat(calendar.startOfWorkOn(LocalDate.of(2026, 10, 10))).isNotNull();
    }

    @Test
    void thePublicDaysAreNotStoredWithTheTechnician() {
        JsonMapper json = JsonMapper.builder().build();
        String stored = json.writeValueAsString(calendar);

        assertThat(stored).doesNotContain("publicDays", "国庆节", "makeUpShiftsOf");
        WorkingCalendar read = json.readValue(stored, WorkingCalendar.class);
        assertThat(read.shifts()).isEqualTo(calendar.shifts());
        assertThat(read.worksOn(LocalDate.of(2026, 10, 1))).as("no public days until the repository attaches them").isTrue();
    }
}
