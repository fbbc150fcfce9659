package com.aftersales.platform.audit;

import com.aftersales.platform.web.ProblemException;
import com.aftersales.platform.web.ProblemType;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Instant;
import java.util.List;

/** Reads the audit log (ADMIN and SUPERVISOR, per the platform's rule); there is no way to change it. */
@RestController
@Tag(name = "audit")
public class AuditController {

    private final AuditLog audit;
    private final AuditProperties properties;

    public AuditController(AuditLog audit, AuditProperties properties) {
        this.audit = audit;
        this.properties = properties;
    }

    public record AuditPage(List<AuditEntry> items, int page, int size) {
    }

    @GetMapping(path = "/api/audit/${spring.application.name}", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Who changed what: state-changing requests, newest first",
            description = "Filters: subject, from (inclusive), to (exclusive) as ISO-8601 instants; page from 0.")
    public AuditPage read(@RequestParam(required = false) String subject,
                          @RequestParam(required = false) Instant from,
                          @RequestParam(required = false) Instant to,
                          @RequestParam(defaultValue = "0") int page,
                          @RequestParam(required = false) Integer size) {
        int pageSize = size == null ? properties.defaultPageSize() : size;
        if (page < 0 || pageSize < 1 || pageSize > properties.maxPageSize()) {
            throw new ProblemException(ProblemType.BAD_REQUEST,
                    "page must be >= 0 and size between 1 and " + properties.maxPageSize());
        }
        return new AuditPage(audit.find(subject == null || subject.isBlank() ? null : subject, from, to, page, pageSize),
                page, pageSize);
    }
}
