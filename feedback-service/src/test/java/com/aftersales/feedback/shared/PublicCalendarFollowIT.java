package com.aftersales.feedback.shared;

import com.aftersales.calendar.BusinessCalendar;
import com.aftersales.contracts.EventEnvelope;
import com.aftersales.contracts.calendar.CalendarDayChanged;
import com.aftersales.contracts.ticket.TicketEvents;
import com.aftersales.testsupport.KafkaTestClient;
import com.aftersales.testsupport.WithRealInfrastructure;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Complaint clocks run on the public calendar: the shipped 2026 days stop them over Spring Festival, and a day
 * ticket-service's administrator changes reaches this service's calendar through the owner's event.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@WithRealInfrastructure
class PublicCalendarFollowIT {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    @Autowired
    BusinessCalendar calendar;

    private static Instant shanghai(String at) {
        return LocalDateTime.parse(at).atZone(SHANGHAI).toInstant();
    }

    private static EventEnvelope<CalendarDayChanged> change(CalendarDayChanged data) {
        return new EventEnvelope<>(UUID.randomUUID(), URI.create("/aftersales/ticket-service"), TicketEvents.CALENDAR_DAY_CHANGED,
                OffsetDateTime.now(ZoneOffset.UTC), data.day().toString(), null, data);
    }

    @Test
    void complaintClocksStandStillOverSpringFestivalAndFollowTheOwnersChanges() {
        // Friday 13 Feb 2026, 17:00 + 9 working hours: 1.5 h that day, 7.5 h on Saturday 14 Feb (a make-up working day).
        assertThat(calendar.addBusinessTime(shanghai("2026-02-13T17:00"), Duration.ofHours(9)))
                .isEqualTo(shanghai("2026-02-14T17:00"));
        // From the first day of the holiday, the clock waits until Tuesday 24 Feb.
        assertThat(calendar.nextWorkingInstant(shanghai("2026-02-15T09:00"))).isEqualTo(shanghai("2026-02-24T08:00"));

        LocalDate day = LocalDate.of(2027, 3, 4);
        assertThat(calendar.isWorkingDay(day)).isTrue();
        try (KafkaTestClient kafka = KafkaTestClient.onTestBroker()) {
            kafka.publish(change(new CalendarDayChanged(day, "PUBLIC_HOLIDAY", "临时假日", true, false, "user:test.admin",
                    Instant.now())));
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> !calendar.isWorkingDay(day));
        assertThat(calendar.publicDays().provisional()).contains(day);

        try (KafkaTestClient kafka = KafkaTestClient.onTestBroker()) {
            kafka.publish(change(new CalendarDayChanged(day, null, null, false, true, "user:test.admin", Instant.now())));
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> calendar.isWorkingDay(day));
    }
}
