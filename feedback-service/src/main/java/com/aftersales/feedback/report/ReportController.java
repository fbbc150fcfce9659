package com.aftersales.feedback.report;

import com.aftersales.domain.error.InvalidFieldException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Size;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.YearMonth;
import java.time.format.DateTimeParseException;

@RestController
@Validated
@Tag(name = "Reports", description = "Monthly and end-of-day service reports for management")
class ReportController {

    static final String HTML = "html";
    static final String JSON = "json";

    private final ReportService reports;
    private final java.time.Clock clock;
    private final java.time.ZoneId kpiZone;

    ReportController(ReportService reports, java.time.Clock clock, com.aftersales.feedback.kpi.KpiProperties kpiProperties) {
        this.reports = reports;
        this.clock = clock;
        this.kpiZone = kpiProperties.zone();
    }

    @GetMapping(path = "/api/reports/monthly")
    @Operation(summary = "The monthly service report: KPIs, trends, top faults, costs, complaints, quality alerts, actions",
            description = "JSON by default; HTML with charts with format=html or when the client accepts text/html (a browser). "
                    + "Findings, actions and the HTML page are in Chinese for Accept-Language zh*, else English.")
    @ApiResponse(responseCode = "200", description = "The report", content = {
            @Content(mediaType = "application/json", schema = @Schema(implementation = MonthlyReport.class)),
            @Content(mediaType = "text/html")})
    @ApiResponse(responseCode = "400", description = "month is not yyyy-MM, or an unknown format", content = @Content(mediaType = "application/problem+json"))
    ResponseEntity<?> monthly(@Parameter(description = "e.g. 2026-10") @RequestParam @Size(max = 7) String month,
                              @Parameter(description = "json or html") @RequestParam(required = false) @Size(max = 8) String format,
                              @RequestHeader(name = HttpHeaders.ACCEPT, required = false) String accept,
                              @RequestHeader(name = HttpHeaders.ACCEPT_LANGUAGE, required = false) String language) {
        YearMonth yearMonth;
        try {
            yearMonth = YearMonth.parse(month);
        } catch (DateTimeParseException e) {
            throw InvalidFieldException.withKey("month", "feedback.report.month");
        }
        if (format != null && !format.equals(HTML) && !format.equals(JSON)) {
            throw InvalidFieldException.withKey("format", "feedback.report.format");
        }
        boolean html = HTML.equals(format) || format == null && accept != null && accept.contains(MediaType.TEXT_HTML_VALUE);
        java.util.Locale locale = com.aftersales.platform.web.ProblemMessages.resolve(language);
        MonthlyReport report = reports.monthly(yearMonth, locale);
        if (html) {
            return ResponseEntity.ok().contentType(new MediaType(MediaType.TEXT_HTML, java.nio.charset.StandardCharsets.UTF_8))
                    .header(HttpHeaders.CONTENT_LANGUAGE, locale.toLanguageTag()).body(ReportHtml.render(report, new ReportTexts(locale)));
        }
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).header(HttpHeaders.CONTENT_LANGUAGE, locale.toLanguageTag())
                .body(report);
    }

    @GetMapping(path = "/api/reports/daily")
    @Operation(summary = "The end-of-day service report (日报): the day's tickets, KPIs and trend, top faults, complaints, "
            + "quality alerts and actions",
            description = "date is a day in the KPI zone (today there when absent). JSON by default; HTML with format=html or "
                    + "when the client accepts text/html. Findings, actions and the page in Chinese for Accept-Language zh*, "
                    + "else English.")
    @ApiResponse(responseCode = "200", description = "The report", content = {
            @Content(mediaType = "application/json", schema = @Schema(implementation = DailyReport.class)),
            @Content(mediaType = "text/html")})
    @ApiResponse(responseCode = "400", description = "date is not yyyy-MM-dd, or an unknown format",
            content = @Content(mediaType = "application/problem+json"))
    ResponseEntity<?> daily(@Parameter(description = "e.g. 2026-12-03") @RequestParam(required = false) @Size(max = 10) String date,
                            @Parameter(description = "json or html") @RequestParam(required = false) @Size(max = 8) String format,
                            @RequestHeader(name = HttpHeaders.ACCEPT, required = false) String accept,
                            @RequestHeader(name = HttpHeaders.ACCEPT_LANGUAGE, required = false) String language) {
        java.time.LocalDate day;
        try {
            day = date == null || date.isBlank() ? java.time.LocalDate.now(clock.withZone(kpiZone)) : java.time.LocalDate.parse(date);
        } catch (DateTimeParseException e) {
            throw InvalidFieldException.withKey("date", "feedback.report.date");
        }
        if (format != null && !format.equals(HTML) && !format.equals(JSON)) {
            throw InvalidFieldException.withKey("format", "feedback.report.format");
        }
        boolean html = HTML.equals(format) || format == null && accept != null && accept.contains(MediaType.TEXT_HTML_VALUE);
        java.util.Locale locale = com.aftersales.platform.web.ProblemMessages.resolve(language);
        DailyReport report = reports.daily(day, locale);
        if (html) {
            return ResponseEntity.ok().contentType(new MediaType(MediaType.TEXT_HTML, java.nio.charset.StandardCharsets.UTF_8))
                    .header(HttpHeaders.CONTENT_LANGUAGE, locale.toLanguageTag()).body(ReportHtml.renderDaily(report, new ReportTexts(locale)));
        }
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).header(HttpHeaders.CONTENT_LANGUAGE, locale.toLanguageTag())
                .body(report);
    }
}
