package com.aftersales.feedback.operations;

import com.aftersales.feedback.complaint.Severity;
import com.aftersales.platform.calendar.PublicCalendarAutoConfiguration.CalendarProperties;
import com.aftersales.feedback.survey.SurveyScores;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.MediaType;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/** Read-only figures for the ops console: how satisfied customers are and what is going wrong. */
@RestController
@Tag(name = "Operations", description = "Read-only figures for the operations console (role OPS)")
class OperationsController {

    record Snapshot(Instant at, Double csat, Double nps, long scoreWindowDays, List<OperationsRepository.DailyCsat> csatTrend,
                    Map<Severity, Long> openComplaintsBySeverity, long openQualityAlerts,
                    List<OperationsRepository.Alert> latestQualityAlerts) {
    }

    private final OperationsRepository operations;
    private final OperationsProperties properties;
    private final SurveyScores surveys;
    private final CalendarProperties calendar;
    private final Clock clock;

    OperationsController(OperationsRepository operations, OperationsProperties properties, SurveyScores surveys,
                         CalendarProperties calendar, Clock clock) {
        this.operations = operations;
        this.properties = properties;
        this.surveys = surveys;
        this.calendar = calendar;
        this.clock = clock;
    }

    @GetMapping(path = "/api/ops/feedback-service", produces = MediaType.APPLICATION_JSON_VALUE)
    @Transactional(readOnly = true)
    @Operation(summary = "CSAT and NPS, daily CSAT trend, open complaints by severity, open quality alerts")
    Snapshot snapshot() {
        Instant now = clock.instant();
        LocalDate today = LocalDate.ofInstant(now, calendar.zone());
        SurveyScores.Scores scores = surveys.current();
        return new Snapshot(now, scores.csat(), scores.nps(), scores.window().toDays(),
                operations.csatByDay(today.minusDays(properties.trendDays() - 1L), today, calendar.zone()),
                operations.openComplaintsBySeverity(), operations.alertCount(), operations.latestAlerts(properties.latestAlerts()));
    }
}
