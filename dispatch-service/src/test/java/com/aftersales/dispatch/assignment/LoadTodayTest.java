package com.aftersales.dispatch.assignment;

import com.aftersales.dispatch.job.DispatchJobs.OpenWork;
import com.aftersales.dispatch.technician.Technician;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static com.aftersales.dispatch.assignment.TestTechnicians.NOW;
import static com.aftersales.dispatch.assignment.TestTechnicians.PEOPLES_SQUARE;
import static com.aftersales.dispatch.assignment.TestTechnicians.technician;
import static org.assertj.core.api.Assertions.assertThat;

class LoadTodayTest {

    @Test
    void unscheduledWorkAndTodaysAppointmentsUseUpTodayButTomorrowsDoNot() {
        Technician t = technician("甲", PEOPLES_SQUARE, 3, Map.of());
        List<OpenWork> work = List.of(
                new OpenWork(t.id(), null),
                new OpenWork(t.id(), NOW.plus(Duration.ofHours(3))),
                new OpenWork(t.id(), NOW.plus(Duration.ofDays(1))),
                new OpenWork(t.id(), NOW.plus(Duration.ofDays(3))));
        assertThat(AssignmentService.loadToday(t, work, NOW)).isEqualTo(2);
    }

    @Test
    void todayIsTheTechniciansLocalDay() {
        Technician t = technician("乙", PEOPLES_SQUARE, 3, Map.of());
        // NOW is 10:00 in Shanghai: 23:30 there is still today, 01:00 is tomorrow
        assertThat(AssignmentService.loadToday(t, List.of(new OpenWork(t.id(), NOW.plus(Duration.ofMinutes(13 * 60 + 30)))), NOW))
                .isEqualTo(1);
        assertThat(AssignmentService.loadToday(t, List.of(new OpenWork(t.id(), NOW.plus(Duration.ofHours(15)))), NOW))
                .isZero();
    }
}
