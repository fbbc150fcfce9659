package com.aftersales.platform.audit;

import com.aftersales.platform.web.ProblemException;
import com.aftersales.platform.web.ProblemType;
import com.aftersales.platform.web.paging.KeysetPage;
import com.aftersales.platform.web.paging.PageLinks;
import com.aftersales.platform.web.paging.PageToken;
import com.aftersales.platform.web.paging.PagingProperties;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Instant;
import java.util.List;

/** Reads the audit log (ADMIN and SUPERVISOR, per the platform's rule); there is no way to change it. */
@RestController
@Validated
@Tag(name = "audit")
public class AuditController {

    private final AuditLog audit;
    private final AuditProperties properties;

    public AuditController(AuditLog audit, AuditProperties properties) {
        this.audit = audit;
        this.properties = properties;
    }

    /**
     * @param page          the deprecated offset page asked for, 0 when paged by token
     * @param nextPageToken the pageToken of the next page, null on the last
     */
    public record AuditPage(List<AuditEntry> items, int page, int size, String nextPageToken) {
    }

    @GetMapping(path = "/api/audit/${spring.application.name}", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Who changed what: state-changing requests, newest first",
            description = "Filters: subject, from (inclusive), to (exclusive) as ISO-8601 instants. Paged as every list "
                    + "(docs/paging.md): pageSize and pageToken, the next page in the Link rel=\"next\" header and in "
                    + "nextPageToken; newest first by id. page/size (offset) still work but are deprecated.")
    public ResponseEntity<AuditPage> read(
            @RequestParam(required = false) String subject,
            @RequestParam(required = false) Instant from,
            @RequestParam(required = false) Instant to,
            @Parameter(description = "Rows per page (default and maximum: aftersales.audit.*)")
            @RequestParam(required = false) @Min(1) @Max(PagingProperties.HARD_MAX_PAGE_SIZE) Integer pageSize,
            @Parameter(description = "The pageToken of the Link rel=\"next\" header (or nextPageToken) of the page before")
            @RequestParam(required = false) @Size(max = PageToken.MAX_LENGTH) String pageToken,
            @Parameter(deprecated = true, description = "Deprecated offset paging: the page from 0; use pageToken")
            @RequestParam(required = false) Integer page,
            @Parameter(deprecated = true, description = "Deprecated name of pageSize")
            @RequestParam(required = false) Integer size) {
        int offsetPage = page == null ? 0 : page;
        if (offsetPage < 0 || (size != null && (size < 1 || size > properties.maxPageSize()))) {
            throw new ProblemException(ProblemType.BAD_REQUEST,
                    "page must be >= 0 and size between 1 and " + properties.maxPageSize());
        }
        Integer asked = pageSize != null ? pageSize : size;
        int rows = Math.min(asked == null ? properties.defaultPageSize() : asked, properties.maxPageSize());
        PageToken after = PageToken.parse(pageToken, 1);
        List<AuditEntry> found = audit.find(subject == null || subject.isBlank() ? null : subject, from, to,
                after == null ? null : after.number(0), after == null ? (long) offsetPage * rows : 0, rows + 1);
        KeysetPage<AuditEntry> result = KeysetPage.of(found, rows, entry -> PageToken.of(entry.id()));
        return PageLinks.ok(new AuditPage(result.items(), after == null ? offsetPage : 0, rows, result.nextPageToken()),
                result.nextPageToken());
    }
}
