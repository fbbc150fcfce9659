package com.aftersales.dispatch.technician;

import com.aftersales.dispatch.shared.GeoPoint;
import com.aftersales.dispatch.shared.InvalidRequestException;
import com.aftersales.dispatch.shared.TravelModel;
import org.junit.jupiter.api.Test;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class TechnicianRulesTest {

    private static final GeoPoint SHANGHAI = new GeoPoint(31.2304, 121.4737);
    private static final GeoPoint BEIJING = new GeoPoint(39.9042, 116.4074);

    @Test
    void haversineDistanceAndRoadFactorTravel() {
        assertThat(SHANGHAI.kilometresTo(BEIJING)).isCloseTo(1067, within(5.0));
        TravelModel travel = new TravelModel(1.3, 30);
        GeoPoint tenKmEast = new GeoPoint(31.2304, 121.4737 + 10 / (111.32 * Math.cos(Math.toRadians(31.2304))));
        assertThat(travel.roadKilometres(SHANGHAI, tenKmEast)).isCloseTo(13, within(0.1));
        assertThat(travel.travelTime(SHANGHAI, tenKmEast).toSeconds()).isCloseTo(26 * 60L, within(10L));
    }

    @Test
    void coordinatesOutOfRangeAreRefusedNamingTheField() {
        assertThatThrownBy(() -> new GeoPoint(91, 0)).isInstanceOf(InvalidRequestException.class);
        assertThatThrownBy(() -> new GeoPoint(0, -181)).isInstanceOf(InvalidRequestException.class);
    }

    @Test
    void aServiceAreaCoversByRadiusOrByRegion() {
        ServiceArea area = new ServiceArea(20.0, Set.of("SH-PD"));
        assertThat(area.notCoveredBecause(SHANGHAI, SHANGHAI, null)).isNull();
        assertThat(area.notCoveredBecause(SHANGHAI, BEIJING, "SH-PD")).isNull();
        assertThat(area.notCoveredBecause(SHANGHAI, BEIJING, "BJ")).contains("beyond the 20.0 km service radius");
        assertThat(new ServiceArea(null, Set.of("SH-PD")).notCoveredBecause(SHANGHAI, null, "SH-HP"))
                .isEqualTo("region SH-HP is not one of [SH-PD]");
    }

    @Test
    void theCalendarKnowsShiftsAndDaysOff() {
        LocalDate tuesday = LocalDate.of(2026, 11, 24);
        WorkingCalendar calendar = new WorkingCalendar("Asia/Shanghai", List.of(
                new WorkingCalendar.Shift(DayOfWeek.TUESDAY, LocalTime.of(8, 0), LocalTime.of(12, 0)),
                new WorkingCalendar.Shift(DayOfWeek.TUESDAY, LocalTime.of(13, 30), LocalTime.of(18, 30))),
                Set.of(LocalDate.of(2026, 12, 1)));
        assertThat(calendar.worksOn(tuesday)).isTrue();
        assertThat(calendar.endOfWorkOn(tuesday)).isEqualTo(Instant.parse("2026-11-24T10:30:00Z"));
        assertThat(calendar.startOfWorkOn(tuesday)).isEqualTo(Instant.parse("2026-11-24T00:00:00Z"));
        assertThat(calendar.worksOn(LocalDate.of(2026, 12, 1))).as("day off").isFalse();
        assertThat(calendar.worksOn(tuesday.plusDays(1))).isFalse();
        assertThatThrownBy(() -> new WorkingCalendar("UTC", List.of(new WorkingCalendar.Shift(DayOfWeek.MONDAY,
                LocalTime.NOON, LocalTime.of(9, 0))), Set.of())).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void firstTimeFixRateIsShrunkTowardsThePriorUntilThereIsEvidence() {
        assertThat(FixRecord.none("COOLING").smoothedRate(0.7, 5)).isEqualTo(0.7);
        assertThat(new FixRecord("COOLING", 1, 1).smoothedRate(0.7, 5)).isCloseTo(0.75, within(1e-9));
        assertThat(new FixRecord("COOLING", 100, 95).smoothedRate(0.7, 5)).isCloseTo(0.938, within(0.001));
    }
}
