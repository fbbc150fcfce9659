package com.aftersales.feedback.followup;

import com.aftersales.platform.idempotency.IdempotentRequests;
import com.aftersales.platform.web.paging.KeysetPage;
import com.aftersales.platform.web.paging.PageLinks;
import com.aftersales.platform.web.paging.PageToken;
import com.aftersales.platform.web.paging.PagingProperties;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

@RestController
@Validated
@Tag(name = "Follow-ups", description = "Tier-based customer care cadence and callback tasks (回访)")
class FollowUpController {

    static final String DUE = "follow-ups-due";

    private final FollowUpService followUps;
    private final PagingProperties paging;
    private final IdempotentRequests idempotency;

    FollowUpController(FollowUpService followUps, PagingProperties paging, IdempotentRequests idempotency) {
        this.followUps = followUps;
        this.paging = paging;
        this.idempotency = idempotency;
    }

    @GetMapping(path = "/api/follow-ups/due", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Who is due for a contact, and by which rule",
            description = "Customers whose tier cadence has passed since they were last reached (FU-TIER-A/B/C), and open "
                    + "callback tasks. Customers who refused contact are never listed. Oldest due first (due time, then "
                    + "the task or customer id); paged as every list (docs/paging.md): pageSize and pageToken, the next "
                    + "page in the Link rel=\"next\" header (keep asOf the same from page to page).")
    @ApiResponse(responseCode = "400", description = "Unknown tier or bad limit", content = @Content(mediaType = "application/problem+json"))
    ResponseEntity<List<FollowUpService.Due>> due(
            @Parameter(description = "evaluate as of this instant (default now)")
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant asOf,
            @RequestParam(required = false) @Size(max = 8) String tier,
            @Parameter(description = "Entries per page (default and maximum: aftersales.paging.lists.follow-ups-due)")
            @RequestParam(required = false) @Min(1) @Max(PagingProperties.HARD_MAX_PAGE_SIZE) Integer pageSize,
            @Parameter(description = "The pageToken of the Link rel=\"next\" header of the page before")
            @RequestParam(required = false) @Size(max = PageToken.MAX_LENGTH) String pageToken,
            @Parameter(deprecated = true, description = "Deprecated name of pageSize")
            @RequestParam(required = false) @Min(1) @Max(PagingProperties.HARD_MAX_PAGE_SIZE) Integer limit) {
        int size = paging.pageSize(DUE, pageSize, limit);
        PageToken after = PageToken.parse(pageToken, 2);
        List<FollowUpService.Due> found = followUps.due(asOf, tier, after == null ? null : after.instant(0),
                after == null ? null : after.uuid(1), size + 1);
        return PageLinks.ok(KeysetPage.of(found, size, d -> PageToken.of(d.dueAt(), d.key())));
    }

    /** POST /api/follow-ups/contacts. */
    record ContactRequest(@NotNull UUID customerId, UUID taskId, @NotNull ContactOutcome outcome,
                          @NotNull ContactChannel channel, @Size(max = 4000) String notes,
                          @NotBlank @Size(max = 128) String contactedBy) {
    }

    @PostMapping(path = "/api/follow-ups/contacts", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Record the outcome of a contact",
            description = "REACHED restarts the customer's cadence; with a taskId, REACHED or DECLINED completes the task.")
    @ApiResponse(responseCode = "400", description = "Invalid fields, or a task of another customer", content = @Content(mediaType = "application/problem+json"))
    @ApiResponse(responseCode = "404", description = "No such task", content = @Content(mediaType = "application/problem+json"))
    @ApiResponse(responseCode = "409", description = "The task is already done", content = @Content(mediaType = "application/problem+json"))
    ResponseEntity<Object> record(@Parameter(description = "Client-chosen key that makes the request safe to retry")
                                  @RequestHeader(name = IdempotentRequests.HEADER, required = false) String idempotencyKey,
                                  @Valid @RequestBody ContactRequest r) {
        return idempotency.create("POST /api/follow-ups/contacts", idempotencyKey, r, () -> {
            FollowUpService.Contact contact = followUps.record(r.customerId(), r.taskId(), r.outcome(), r.channel(), r.notes(),
                    r.contactedBy());
            return new IdempotentRequests.Created(URI.create("/api/follow-ups/contacts/" + contact.id()), contact);
        });
    }

    @GetMapping(path = "/api/follow-ups/contacts/{id}", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "A recorded contact")
    @ApiResponse(responseCode = "404", description = "No such contact", content = @Content(mediaType = "application/problem+json"))
    FollowUpService.Contact contact(@PathVariable UUID id) {
        return followUps.contact(id);
    }
}
