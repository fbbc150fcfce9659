package com.aftersales.feedback.quality;

import com.aftersales.contracts.feedback.QualityAlertRaised;
import com.aftersales.feedback.shared.ProjectionRebuilder;
import com.aftersales.platform.web.FieldError;
import com.aftersales.platform.web.ProblemException;
import com.aftersales.platform.web.ProblemType;
import com.aftersales.platform.web.paging.KeysetPage;
import com.aftersales.platform.web.paging.PageLinks;
import com.aftersales.platform.web.paging.PageToken;
import com.aftersales.platform.web.paging.PagingProperties;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
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

    static final String ALERTS = "quality-alerts";
    static final String UNITS_AT_RISK = "units-at-risk";

    private final QualityRepository repository;
    private final QualityScanService scans;
    private final PagingProperties paging;
    private final ProjectionRebuilder rebuilder;
    private final QualityEventsListener listener;

    QualityAlertController(QualityRepository repository, QualityScanService scans, PagingProperties paging,
                           ProjectionRebuilder rebuilder, QualityEventsListener listener) {
        this.repository = repository;
        this.scans = scans;
        this.paging = paging;
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
    @Operation(summary = "Quality alerts, newest first, with their evidence",
            description = "Newest first (raised, then id); paged as every list (docs/paging.md): pageSize and pageToken, "
                    + "the next page in the Link rel=\"next\" header.")
    ResponseEntity<List<QualityAlertRaised>> list(
            @Parameter(description = "Alerts per page (default and maximum: aftersales.paging.lists.quality-alerts)")
            @RequestParam(required = false) @Min(1) @Max(PagingProperties.HARD_MAX_PAGE_SIZE) Integer pageSize,
            @Parameter(description = "The pageToken of the Link rel=\"next\" header of the page before")
            @RequestParam(required = false) @Size(max = PageToken.MAX_LENGTH) String pageToken) {
        int size = paging.pageSize(ALERTS, pageSize, null);
        PageToken after = PageToken.parse(pageToken, 2);
        List<QualityRepository.ListedAlert> found = repository.alerts(after == null ? null : after.instant(0),
                after == null ? null : after.uuid(1), size + 1);
        return PageLinks.ok(KeysetPage.of(found, size, a -> PageToken.of(a.raisedAt(), a.id()))
                .map(QualityRepository.ListedAlert::alert));
    }

    @GetMapping(path = "/api/quality-alerts/{id}", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "One quality alert with its evidence (counts, baseline, p-value, rules fired)")
    @ApiResponse(responseCode = "404", description = "No such alert", content = @Content(mediaType = "application/problem+json"))
    QualityAlertRaised get(@PathVariable UUID id) {
        return repository.alert(id).orElseThrow(() -> ProblemException.notFound("quality alert", id));
    }

    /**
     * A page of units at risk.
     *
     * @param page          the deprecated offset page asked for, 0 when paged by token
     * @param nextPageToken the pageToken of the next page, null on the last
     */
    record UnitsAtRiskPage(UUID alertId, String model, String batchNumber, String regionCode, String faultCode,
                           long total, int page, int size, List<UnitAtRisk> units, String nextPageToken) {
    }

    @GetMapping(path = "/api/quality-alerts/{id}/units-at-risk", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Every registered unit of the alerted batch and region that has not failed with the fault code yet",
            description = "The list a proactive campaign is opened for, by serial number, then product id. Paged as every "
                    + "list (docs/paging.md): pageSize and pageToken, the next page in the Link rel=\"next\" header and "
                    + "in nextPageToken; page/size (offset) still work but are deprecated.")
    @ApiResponse(responseCode = "400", description = "Invalid page or size", content = @Content(mediaType = "application/problem+json"))
    @ApiResponse(responseCode = "404", description = "No such alert", content = @Content(mediaType = "application/problem+json"))
    ResponseEntity<UnitsAtRiskPage> unitsAtRisk(
            @PathVariable UUID id,
            @Parameter(description = "Units per page (default and maximum: aftersales.paging.lists.units-at-risk)")
            @RequestParam(required = false) @Min(1) @Max(PagingProperties.HARD_MAX_PAGE_SIZE) Integer pageSize,
            @Parameter(description = "The pageToken of the Link rel=\"next\" header (or nextPageToken) of the page before")
            @RequestParam(required = false) @Size(max = PageToken.MAX_LENGTH) String pageToken,
            @Parameter(deprecated = true, description = "Deprecated offset paging: the zero-based page; use pageToken")
            @RequestParam(defaultValue = "0") @Min(0) int page,
            @Parameter(deprecated = true, description = "Deprecated name of pageSize")
            @RequestParam(required = false) @Min(1) Integer size) {
        int max = paging.maxPageSize(UNITS_AT_RISK);
        if (size != null && size > max) {
            // The deprecated size answered a field error above the maximum before pageSize existed; it still does.
            throw new ProblemException(ProblemType.VALIDATION_FAILED.uri(), ProblemType.VALIDATION_FAILED.status(),
                    ProblemType.VALIDATION_FAILED.title(), "size must be at most " + max,
                    Map.of("errors", List.of(new FieldError("size", "must be at most " + max))));
        }
        int rows = paging.pageSize(UNITS_AT_RISK, pageSize, size);
        PageToken after = PageToken.parse(pageToken, 2);
        QualityAlertRaised alert = get(id);
        CellKey cell = new CellKey(alert.model(), alert.batchNumber(), alert.regionCode(), alert.faultCode());
        List<UnitAtRisk> found = repository.unitsAtRisk(cell, after == null ? null : after.text(0),
                after == null ? null : after.uuid(1), after == null ? (long) page * rows : 0, rows + 1);
        KeysetPage<UnitAtRisk> units = KeysetPage.of(found, rows, u -> PageToken.of(u.serialNumber(), u.productId()));
        return PageLinks.ok(new UnitsAtRiskPage(id, cell.model(), cell.batchNumber(), cell.regionCode(), cell.faultCode(),
                repository.countUnitsAtRisk(cell), after == null ? page : 0, rows, units.items(),
                units.nextPageToken()), units.nextPageToken());
    }
}
