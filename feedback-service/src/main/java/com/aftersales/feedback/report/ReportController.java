package com.aftersales.feedback.report;

import com.aftersales.feedback.shared.InvalidFieldException;
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
@Tag(name = "Reports", description = "Monthly service report for management")
class ReportController {

    static final String HTML = "html";
    static final String JSON = "json";

    private final ReportService reports;

    ReportController(ReportService reports) {
        this.reports = reports;
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
            throw new InvalidFieldException("month", "feedback.report.month");
        }
        if (format != null && !format.equals(HTML) && !format.equals(JSON)) {
            throw new InvalidFieldException("format", "feedback.report.format");
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
}
