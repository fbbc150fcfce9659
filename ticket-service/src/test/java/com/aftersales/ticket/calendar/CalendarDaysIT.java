package com.aftersales.ticket.calendar;

import com.aftersales.calendar.BusinessCalendar;
import com.aftersales.contracts.Topics;
import com.aftersales.contracts.calendar.CalendarDayChanged;
import com.aftersales.contracts.ticket.TicketEvents;
import com.aftersales.testsupport.TestIdentity;
import com.aftersales.testsupport.WithRealInfrastructure;
import com.aftersales.ticket.TestApi;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

/** The public calendar as data: an administrator's change applies to the clocks at once and is published. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@WithRealInfrastructure
class CalendarDaysIT {

    @LocalServerPort
    int port;
    @Autowired
    BusinessCalendar calendar;
    private final HttpClient http = HttpClient.newHttpClient();

    private HttpResponse<String> send(String method, String path, String body, com.aftersales.devidentity.DevUser user)
            throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(new TestApi(port).uri(path))
                .header("Authorization", TestIdentity.bearer(user)).header("Content-Type", "application/json");
        request.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void theShippedYearsAreThereAndAnAdministratorsChangeAppliesAtOnceAndIsPublished() throws Exception {
        JsonNode year2026 = new TestApi(port).getJson("/api/calendar/days?year=2026");
        assertThat(year2026.findValuesAsString("day")).contains("2026-02-17", "2026-02-14", "2026-10-01", "2026-10-10");
        assertThat(year2026.findValues("provisional")).allSatisfy(p -> assertThat(p.asBoolean()).isFalse());
        JsonNode year2027 = new TestApi(port).getJson("/api/calendar/days?year=2027");
        assertThat(year2027).isNotEmpty();
        assertThat(year2027.findValues("provisional")).as("2027 is not announced yet")
                .allSatisfy(p -> assertThat(p.asBoolean()).isTrue());

        LocalDate day = LocalDate.of(2027, 3, 3);
        assertThat(calendar.isWorkingDay(day)).isTrue();
        assertThat(send("PUT", "/api/calendar/days/" + day, """
                {"kind":"PUBLIC_HOLIDAY","name":"临时假日"}""", TestIdentity.AGENT).statusCode()).isEqualTo(403);
        HttpResponse<String> invalid = send("PUT", "/api/calendar/days/" + day, """
                {"kind":"DAY_OFF","name":""}""", TestIdentity.ADMIN);
        assertThat(invalid.statusCode()).isEqualTo(400);
        assertThat(calendar.isWorkingDay(day)).as("nothing written").isTrue();

        HttpResponse<String> put = send("PUT", "/api/calendar/days/" + day, """
                {"kind":"PUBLIC_HOLIDAY","name":"临时假日","provisional":true}""", TestIdentity.ADMIN);
        assertThat(put.statusCode()).as(put.body()).isEqualTo(200);
        assertThat(calendar.isWorkingDay(day)).as("the running clocks' calendar has it").isFalse();
        CalendarDayChanged published = TestApi.awaitEvent(Topics.TICKETS, day.toString(),
                TicketEvents.CALENDAR_DAY_CHANGED.type()).dataAs(TicketEvents.CALENDAR_DAY_CHANGED);
        assertThat(published.kind()).isEqualTo("PUBLIC_HOLIDAY");
        assertThat(published.provisional()).isTrue();
        assertThat(published.changedBy()).contains("test.admin");

        assertThat(send("DELETE", "/api/calendar/days/" + day, null, TestIdentity.ADMIN).statusCode()).isEqualTo(204);
        assertThat(calendar.isWorkingDay(day)).isTrue();
    }
}
