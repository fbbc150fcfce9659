package com.aftersales.ticket.calendar;

import com.aftersales.platform.calendar.PublicCalendar;
import com.aftersales.platform.security.CurrentActor;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.LocalDate;
import java.util.List;

@RestController
@Validated
@RequestMapping(path = "/api/calendar/days", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Public calendar", description = "Public holidays and make-up working days (调休) every clock runs on")
class CalendarController {

    private static final String PROBLEM_JSON = "application/problem+json";

    private final CalendarService calendar;
    private final CurrentActor actors;

    CalendarController(CalendarService calendar, CurrentActor actors) {
        this.calendar = calendar;
        this.actors = actors;
    }

    @GetMapping
    @Operation(summary = "The public holidays and make-up working days", description = "Of one year, or all; "
            + "provisional days are estimates until the official schedule is published.")
    List<PublicCalendar.Day> days(@RequestParam(required = false) @Min(2000) @Max(2100) Integer year) {
        return calendar.days(year);
    }

    @PutMapping(path = "/{date}", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Set a day", description = "A public holiday or a make-up working day; SLA clocks started "
            + "from now on count it, here at once and in the other services when they receive "
            + "aftersales.calendar.day-changed.v1.")
    @ApiResponse(responseCode = "400", description = "Invalid fields", content = @Content(mediaType = PROBLEM_JSON))
    PublicCalendar.Day put(@PathVariable @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date,
                           @Valid @RequestBody CalendarDayRequest request) {
        return calendar.put(date, request, actors.get().label());
    }

    @DeleteMapping("/{date}")
    @Operation(summary = "Make a day an ordinary day again")
    @ApiResponse(responseCode = "204", description = "Removed, or an ordinary day already")
    ResponseEntity<Void> remove(@PathVariable @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date) {
        calendar.remove(date, actors.get().label());
        return ResponseEntity.noContent().build();
    }
}
