package com.aftersales.feedback.complaint;

import com.aftersales.feedback.journey.TicketOwners;
import com.aftersales.domain.error.InvalidFieldException;
import com.aftersales.domain.error.NotFoundException;
import com.aftersales.platform.idempotency.IdempotentRequests;
import com.aftersales.platform.security.Actor;
import com.aftersales.platform.security.CurrentActor;
import com.aftersales.platform.web.paging.KeysetPage;
import com.aftersales.platform.web.paging.PageLinks;
import com.aftersales.platform.web.paging.PageToken;
import com.aftersales.platform.web.paging.PagingProperties;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
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
import java.time.Clock;
import java.util.List;
import java.util.UUID;

@RestController
@Validated
@Tag(name = "Complaints", description = "Complaints (投诉) and their handling workflow with business-hours SLA clocks")
class ComplaintController {

    static final String LIST = "complaints";

    private final ComplaintService complaints;
    private final IdempotentRequests idempotency;
    private final Clock clock;
    private final CurrentActor actors;
    private final TicketOwners owners;
    private final PagingProperties paging;

    ComplaintController(ComplaintService complaints, IdempotentRequests idempotency, Clock clock, CurrentActor actors,
                        TicketOwners owners, PagingProperties paging) {
        this.paging = paging;
        this.complaints = complaints;
        this.idempotency = idempotency;
        this.clock = clock;
        this.actors = actors;
        this.owners = owners;
    }

    @PostMapping(path = "/api/complaints", consumes = MediaType.APPLICATION_JSON_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Record a complaint",
            description = "Starts the acknowledge and resolve SLA clocks (business hours, per severity) and publishes "
                    + "aftersales.complaint.opened.v1 in the same transaction. A staff-attitude complaint must name the person. "
                    + "A store clerk links only a ticket of his own store and of that customer (another answers 404).")
    @ApiResponse(responseCode = "201", description = "Recorded", content = @Content(schema = @Schema(implementation = ComplaintView.class)))
    @ApiResponse(responseCode = "400", description = "Invalid fields", content = @Content(mediaType = "application/problem+json"))
    @ApiResponse(responseCode = "404", description = "A store clerk naming a ticket outside his store", content = @Content(mediaType = "application/problem+json"))
    ResponseEntity<Object> open(@Parameter(description = "Client-chosen key that makes the request safe to retry")
                                @RequestHeader(name = IdempotentRequests.HEADER, required = false) String idempotencyKey,
                                @Valid @RequestBody OpenComplaintRequest r) {
        String store = actors.find().flatMap(Actor::storeScope).orElse(null);
        if (store != null) {
            // A store clerk links a complaint only to his own store's ticket of that customer: any other ticket is as
            // unknown as a random id (it would otherwise join that ticket's timeline).
            requireOwnTicket(r.ticketId(), r.customerId(), store);
            if (r.aboutType() == AboutType.TICKET) {
                requireOwnTicket(ticketIdIn(r.aboutRef()), r.customerId(), store);
            }
        }
        return idempotency.create("POST /api/complaints", idempotencyKey, r, () -> {
            Complaint c = complaints.open(new ComplaintService.NewComplaint(r.customerId(), r.ticketId(), r.channel(),
                    r.aboutType(), r.aboutRef(), r.severity(), r.description(), r.recordedBy(), store));
            return new IdempotentRequests.Created(URI.create("/api/complaints/" + c.id()), view(c));
        });
    }

    @GetMapping(path = "/api/complaints/{id}", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "A complaint with its SLA state and handling history")
    @ApiResponse(responseCode = "404", description = "No such complaint", content = @Content(mediaType = "application/problem+json"))
    ComplaintView get(@PathVariable UUID id) {
        return view(complaints.get(id));
    }

    @GetMapping(path = "/api/complaints", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Search complaints", description = "E.g. every staff-attitude complaint recorded against one person: "
            + "aboutType=STAFF_ATTITUDE&aboutRef=<staff id>. Newest first (opened, then id); paged as every list "
            + "(docs/paging.md): pageSize and pageToken, the next page in the Link rel=\"next\" header.")
    ResponseEntity<List<ComplaintView>> search(
            @RequestParam(required = false) ComplaintStatus status,
            @RequestParam(required = false) Severity severity,
            @RequestParam(required = false) AboutType aboutType,
            @RequestParam(required = false) @Size(max = 128) String aboutRef,
            @RequestParam(required = false) UUID customerId,
            @Parameter(description = "Complaints per page (default and maximum: aftersales.paging.lists.complaints)")
            @RequestParam(required = false) @Min(1) @Max(PagingProperties.HARD_MAX_PAGE_SIZE) Integer pageSize,
            @Parameter(description = "The pageToken of the Link rel=\"next\" header of the page before")
            @RequestParam(required = false) @Size(max = PageToken.MAX_LENGTH) String pageToken,
            @Parameter(deprecated = true, description = "Deprecated name of pageSize")
            @RequestParam(required = false) @Min(1) @Max(PagingProperties.HARD_MAX_PAGE_SIZE) Integer limit) {
        int size = paging.pageSize(LIST, pageSize, limit);
        PageToken after = PageToken.parse(pageToken, 2);
        List<Complaint> found = complaints.search(status, severity, aboutType, aboutRef, customerId,
                after == null ? null : after.instant(0), after == null ? null : after.uuid(1), size + 1);
        return PageLinks.ok(KeysetPage.of(found, size, c -> PageToken.of(c.openedAt(), c.id()))
                .map(c -> ComplaintView.of(c, List.of(), clock.instant())));
    }

    @PostMapping(path = "/api/complaints/{id}/steps", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Move a complaint on in its workflow",
            description = "ACKNOWLEDGED → INVESTIGATING (facts) → PROPOSED (customer request, offer, compensation) → "
                    + "RESOLVED | ESCALATED → CLOSED (customerAccepted). ESCALATED publishes aftersales.complaint.escalated.v1, "
                    + "RESOLVED aftersales.complaint.resolved.v1.")
    @ApiResponse(responseCode = "400", description = "Invalid fields or a field the step needs is missing", content = @Content(mediaType = "application/problem+json"))
    @ApiResponse(responseCode = "404", description = "No such complaint", content = @Content(mediaType = "application/problem+json"))
    @ApiResponse(responseCode = "409", description = "Not allowed from the current status, or changed by someone else", content = @Content(mediaType = "application/problem+json"))
    ComplaintView step(@PathVariable UUID id, @Valid @RequestBody ComplaintStepRequest r) {
        return view(complaints.apply(id, r.toStep(), r.expectedVersion()));
    }

    private void requireOwnTicket(UUID ticketId, UUID customerId, String store) {
        if (ticketId != null && !owners.ofStore(ticketId, customerId, store)) {
            throw new NotFoundException("ticket", ticketId);
        }
    }

    /** The ticket a TICKET complaint is about: its aboutRef, which must then be a ticket id. */
    private static UUID ticketIdIn(String aboutRef) {
        try {
            return aboutRef == null ? null : UUID.fromString(aboutRef.strip());
        } catch (IllegalArgumentException notAnId) {
            throw InvalidFieldException.withKey("aboutRef", "must be the ticket id for a complaint about a TICKET");
        }
    }

    private ComplaintView view(Complaint c) {
        return ComplaintView.of(c, complaints.steps(c.id()), clock.instant());
    }
}
