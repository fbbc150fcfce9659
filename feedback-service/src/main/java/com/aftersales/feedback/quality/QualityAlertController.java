package com.aftersales.feedback.quality;

import com.aftersales.contracts.feedback.QualityAlertRaised;
import com.aftersales.feedback.shared.ProjectionRebuilder;
import com.aftersales.platform.web.FieldError;
import com.aftersales.platform.web.ProblemException;
import com.aftersales.platform.web.ProblemType;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Min;
import org.springframework.http.MediaType;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;
import java.util.Map;
import java.util.UUID;

@RestController
@Validated
@Tag(name = "Quality alerts", description = "Unusual failure clusters by model × batch × region × fault code, and the units at risk")
class QualityAlertController {

    static final int MAX_ALERTS_LISTED = 500;

    private final QualityRepository repository;
    private final QualityScanService scans;
    private final QualityProperties properties;
    private final ProjectionRebuilder rebuilder;
    private final QualityEventsListener listener;

    QualityAlertController(QualityRepository repository, QualityScanService scans, QualityProperties properties,
                           ProjectionRebuilder rebuilder, QualityEventsListener listener) {
        this.repository = repository;
        this.scans = scans;
        this.properties = properties;
        this.rebuilder = rebuilder;
        this.listener = listener;
    }

    @PostMapping(path = "/api/quality-alerts/projection/rebuilds", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Admin: rebuild the quality-loop projection (units, tickets, failures) from offset zero",
            description = "Alerts already raised are kept: they are decisions with published events.")
    ProjectionRebuilder.Result rebuild() {
        return rebuilder.rebuild(new ProjectionRebuilder.Projection("quality", QualityEventsListener.LISTENER_ID,
                QualityEventsListener.GROUP, QualityEventsListener.TOPICS, QualityEventsListener.TABLES, listener.handlers()));
    }

    @PostMapping(path = "/api/quality-alerts/scans", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Run the cluster detector now",
            description = "The same scan runs on a schedule. Raises aftersales.quality.alert-raised.v1 for every alerting "
                    + "cell without an alert yet; safe to repeat.")
    QualityScanService.ScanResult scan() {
        return scans.scan();
    }

    @GetMapping(path = "/api/quality-alerts", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Quality alerts, newest first, with their evidence")
    List<QualityAlertRaised> list() {
        return repository.alerts(MAX_ALERTS_LISTED);
    }

    @GetMapping(path = "/api/quality-alerts/{id}", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "One quality alert with its evidence (counts, baseline, p-value, rules fired)")
    @ApiResponse(responseCode = "404", description = "No such alert", content = @Content(mediaType = "application/problem+json"))
    QualityAlertRaised get(@PathVariable UUID id) {
        return repository.alert(id).orElseThrow(() -> ProblemException.notFound("quality alert", id));
    }

    /** A page of units at risk. */
    record UnitsAtRiskPage(UUID alertId, String model, String batchNumber, String regionCode, String faultCode,
                           long total, int page, int size, List<UnitAtRisk> units) {
    }

    @GetMapping(path = "/api/quality-alerts/{id}/units-at-risk", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Every registered unit of the alerted batch and region that has not failed with the fault code yet",
            description = "The list a proactive campaign is opened for, ordered by serial number, paged.")
    @ApiResponse(responseCode = "400", description = "Invalid page or size", content = @Content(mediaType = "application/problem+json"))
    @ApiResponse(responseCode = "404", description = "No such alert", content = @Content(mediaType = "application/problem+json"))
    UnitsAtRiskPage unitsAtRisk(@PathVariable UUID id,
                                @Parameter(description = "zero-based page") @RequestParam(defaultValue = "0") @Min(0) int page,
                                @RequestParam(defaultValue = "200") @Min(1) int size) {
        if (size > properties.maxUnitsAtRiskPage()) {
            throw new ProblemException(ProblemType.VALIDATION_FAILED.uri(), ProblemType.VALIDATION_FAILED.status(),
                    ProblemType.VALIDATION_FAILED.title(), "size must be at most " + properties.maxUnitsAtRiskPage(),
                    Map.of("errors", List.of(new FieldError("size",
                            "must be at most " + properties.maxUnitsAtRiskPage()))));
        }
        QualityAlertRaised alert = get(id);
        CellKey cell = new CellKey(alert.model(), alert.batchNumber(), alert.regionCode(), alert.faultCode());
        return new UnitsAtRiskPage(id, cell.model(), cell.batchNumber(), cell.regionCode(), cell.faultCode(),
                repository.countUnitsAtRisk(cell), page, size, repository.unitsAtRisk(cell, page, size));
    }
}
