package com.aftersales.ticket.ticket;

import com.aftersales.platform.idempotency.IdempotentRequests;
import com.aftersales.platform.security.CurrentActor;
import com.aftersales.platform.web.ProblemException;
import com.aftersales.platform.web.ProblemMessages;
import com.aftersales.platform.web.paging.KeysetPage;
import com.aftersales.platform.web.paging.PageLinks;
import com.aftersales.platform.web.paging.PageToken;
import com.aftersales.platform.web.paging.PagingProperties;
import com.aftersales.ticket.knowledge.ArticleView;
import com.aftersales.ticket.security.StoreScope;
import com.aftersales.ticket.shared.Versions;
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
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

@RestController
@Validated
@RequestMapping(path = "/api/tickets", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Tickets", description = "Service requests (工单) from intake to closing")
class TicketController {

    static final String OPEN_SCOPE = "POST /api/tickets";
    private static final String PROBLEM_JSON = "application/problem+json";

    private final TicketService tickets;
    private final IdempotentRequests idempotency;
    private final TicketProperties properties;
    private final CurrentActor actors;
    private final StoreScope scope;
    private final IntakeTexts texts;

    TicketController(TicketService tickets, IdempotentRequests idempotency, TicketProperties properties,
                     CurrentActor actors, StoreScope scope, IntakeTexts texts) {
        this.texts = texts;
        this.tickets = tickets;
        this.idempotency = idempotency;
        this.properties = properties;
        this.actors = actors;
        this.scope = scope;
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Open a ticket for a registered customer's registered unit",
            description = "Decides the entitlement (IN_WARRANTY / OUT_OF_WARRANTY / UNKNOWN, with the rule and reason), "
                    + "starts the SLA clocks and publishes aftersales.ticket.opened.v1 in the same transaction. "
                    + "Send an Idempotency-Key to make retries safe: the same key and body return the same ticket, "
                    + "the same key with another body is a 422 problem. A repeat call about a unit with an open ticket "
                    + "is linked to it (200) unless newIssue is true. The response lists the knowledge articles "
                    + "suggested for the fault (also recorded on the ticket as shownArticles).")
    @ApiResponse(responseCode = "201", description = "Opened",
            content = @Content(schema = @Schema(implementation = TicketView.class)))
    @ApiResponse(responseCode = "200", description = "Rule repeat-call-links-open-ticket: the customer already has an open "
            + "ticket on this unit; the answer is that ticket (Location, repeatCall with rule and reason) and the call is "
            + "on its timeline (REPEAT_CALL). Send \"newIssue\": true to open a new ticket anyway.",
            content = @Content(schema = @Schema(implementation = TicketView.class)))
    @ApiResponse(responseCode = "400", description = "Invalid fields", content = @Content(mediaType = PROBLEM_JSON))
    @ApiResponse(responseCode = "404", description = "Unknown customer or unit", content = @Content(mediaType = PROBLEM_JSON))
    @ApiResponse(responseCode = "409", description = "The unit is registered to another customer", content = @Content(mediaType = PROBLEM_JSON))
    @ApiResponse(responseCode = "422", description = "Idempotency-Key reused with a different body", content = @Content(mediaType = PROBLEM_JSON))
    ResponseEntity<Object> open(
            @Parameter(description = "Client-chosen key that makes the request safe to retry")
            @RequestHeader(name = IdempotentRequests.HEADER, required = false) String idempotencyKey,
            @RequestHeader(name = HttpHeaders.ACCEPT_LANGUAGE, required = false) String acceptLanguage,
            @Valid @RequestBody OpenTicketRequest request) {
        scope.requireUnit(request.model(), request.serialNumber());
        return idempotency.create(OPEN_SCOPE, idempotencyKey, request, () -> {
            TicketService.Intake intake = tickets.intake(request, actors.get().label(), ProblemMessages.resolve(acceptLanguage));
            Ticket ticket = intake.ticket();
            if (intake.repeatCall() != null) {
                return new IdempotentRequests.Created(URI.create("/api/tickets/" + ticket.id()),
                        TicketView.repeatCall(tickets.details(ticket.id()), texts.explain(intake.repeatCall(),
                                ProblemMessages.resolve(acceptLanguage))), HttpStatus.OK);
            }
            TicketService.TicketDetails details = tickets.details(ticket.id());
            return new IdempotentRequests.Created(URI.create("/api/tickets/" + ticket.id()), TicketView.of(details,
                    intake.suggestions()));
        });
    }

    @GetMapping("/{id}")
    @Operation(summary = "A ticket with its status, entitlement, SLA clocks and timeline",
            description = "The ETag carries the version: send it as If-Match with commands.")
    @ApiResponse(responseCode = "404", description = "No such ticket", content = @Content(mediaType = PROBLEM_JSON))
    ResponseEntity<TicketView> get(@PathVariable UUID id) {
        return view(id);
    }

    @GetMapping
    @Operation(summary = "List and search tickets", description = "Filters combine with AND. Newest first (opening time, "
            + "then id); paged as every list (docs/paging.md): pageSize and pageToken, the next page in the "
            + "Link rel=\"next\" header and in nextPageToken. A store clerk sees only the tickets of units sold through "
            + "his store.")
    ResponseEntity<TicketView.Page> list(
            @RequestParam(required = false) TicketStatus status,
            @RequestParam(required = false) TicketType type,
            @RequestParam(required = false) UUID customerId,
            @RequestParam(required = false) @Size(max = 64) String serialNumber,
            @RequestParam(required = false) @Size(max = 64) String model,
            @RequestParam(required = false) @Size(max = 64) String storeCode,
            @RequestParam(required = false) @Size(max = 64) String technicianId,
            @RequestParam(required = false) TicketFilter.SlaState slaState,
            @RequestParam(required = false) Instant createdFrom,
            @RequestParam(required = false) Instant createdTo,
            @Parameter(description = "Tickets per page (default and maximum: aftersales.ticket.*-page-size)")
            @RequestParam(required = false) @Min(1) @Max(PagingProperties.HARD_MAX_PAGE_SIZE) Integer pageSize,
            @Parameter(description = "The pageToken of the Link rel=\"next\" header (or nextPageToken) of the page before")
            @RequestParam(required = false) @Size(max = PageToken.MAX_LENGTH) String pageToken) {
        int size = Math.min(pageSize == null ? properties.defaultPageSize() : pageSize, properties.maxPageSize());
        PageToken token = PageToken.parse(pageToken, 2);
        TicketFilter.Cursor after = token == null ? null : new TicketFilter.Cursor(token.instant(0), token.uuid(1));
        Optional<String> ownStore = scope.store();
        if (ownStore.isPresent() && storeCode != null && !storeCode.equals(ownStore.get())) {
            // Another store's tickets are not there for a store clerk: an empty page, as for a store with none.
            return ResponseEntity.ok(new TicketView.Page(List.of(), null));
        }
        TicketFilter filter = new TicketFilter(status, type, customerId, serialNumber, model,
                ownStore.orElse(storeCode), technicianId, slaState, createdFrom, createdTo);
        // The store scope is in the filter, before the limit; one extra row tells whether another page follows.
        KeysetPage<TicketView> page = KeysetPage.of(tickets.search(filter, after, size + 1), size,
                (Ticket t) -> PageToken.of(t.openedAt(), t.id())).map(t -> TicketView.of(t));
        return PageLinks.ok(new TicketView.Page(page.items(), page.nextPageToken()), page.nextPageToken());
    }

    @GetMapping("/{id}/timeline")
    @Operation(summary = "What happened to a ticket, in order",
            description = "The ticket's own history merged with what dispatch reported about it (assignment, visits, "
                    + "parts, depot repair).")
    @ApiResponse(responseCode = "404", description = "No such ticket", content = @Content(mediaType = PROBLEM_JSON))
    List<TicketView.TimelineEntryView> timeline(@PathVariable UUID id) {
        return visibleDetails(id).timeline().stream().map(TicketView.TimelineEntryView::of).toList();
    }

    @PostMapping(path = "/{id}/transitions", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Move a ticket to another status",
            description = "Illegal moves are 409 illegal-ticket-transition problems naming the current and allowed "
                    + "statuses; moves a rule refuses (charge basis before dispatch, reopen window) are 409 "
                    + "ticket-rule-violated naming the rule. If-Match with a stale ETag is a 409 concurrent-modification.")
    @ApiResponse(responseCode = "404", description = "No such ticket", content = @Content(mediaType = PROBLEM_JSON))
    @ApiResponse(responseCode = "409", description = "Illegal transition, rule violation or concurrent change", content = @Content(mediaType = PROBLEM_JSON))
    ResponseEntity<TicketView> transition(@PathVariable UUID id,
                                          @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
                                          @Valid @RequestBody TicketCommands.Transition command) {
        tickets.transition(id, command, ifMatch, actors.get().label());
        return view(id);
    }

    @PatchMapping(path = "/{id}", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Correct priority or fault details",
            description = "Absent fields stay as they are; the change is recorded in the timeline. Send If-Match with "
                    + "the ETag you read: if another agent changed the ticket since, the answer is a 409 "
                    + "concurrent-modification problem and nothing is overwritten. SLA targets stay those set at intake.")
    @ApiResponse(responseCode = "404", description = "No such ticket", content = @Content(mediaType = PROBLEM_JSON))
    @ApiResponse(responseCode = "409", description = "Changed by someone else", content = @Content(mediaType = PROBLEM_JSON))
    ResponseEntity<TicketView> amend(@PathVariable UUID id,
                                     @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
                                     @Valid @RequestBody TicketCommands.Amend command) {
        tickets.amend(id, command, ifMatch, actors.get().label());
        return view(id);
    }

    @PostMapping(path = "/{id}/charge-basis", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Record that the customer was told the charge basis",
            description = "Required before chargeable (out-of-warranty or unverified) work is dispatched. Publishes "
                    + "aftersales.ticket.charge-basis-communicated.v1; recording it twice is a 409.")
    @ApiResponse(responseCode = "404", description = "No such ticket", content = @Content(mediaType = PROBLEM_JSON))
    @ApiResponse(responseCode = "409", description = "Already recorded or concurrent change", content = @Content(mediaType = PROBLEM_JSON))
    ResponseEntity<TicketView> chargeBasis(@PathVariable UUID id,
                                           @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
                                           @Valid @RequestBody TicketCommands.ChargeBasis command) {
        tickets.chargeBasisCommunicated(id, command, ifMatch, actors.get().label());
        return view(id);
    }

    @PostMapping(path = "/{id}/escalation", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Escalate to a supervisor or the manufacturer",
            description = "A flag beside the status with its own timeline entries; the ticket goes on.")
    @ApiResponse(responseCode = "404", description = "No such ticket", content = @Content(mediaType = PROBLEM_JSON))
    @ApiResponse(responseCode = "409", description = "Nothing to escalate or concurrent change", content = @Content(mediaType = PROBLEM_JSON))
    ResponseEntity<TicketView> escalate(@PathVariable UUID id,
                                        @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
                                        @Valid @RequestBody TicketCommands.Escalate command) {
        tickets.escalate(id, command, ifMatch, actors.get().label());
        return view(id);
    }

    @PostMapping(path = "/{id}/escalation/end", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "End an escalation")
    @ApiResponse(responseCode = "404", description = "No such ticket", content = @Content(mediaType = PROBLEM_JSON))
    @ApiResponse(responseCode = "409", description = "Not escalated or concurrent change", content = @Content(mediaType = PROBLEM_JSON))
    ResponseEntity<TicketView> endEscalation(@PathVariable UUID id,
                                             @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
                                             @Valid @RequestBody TicketCommands.EndEscalation command) {
        tickets.endEscalation(id, command, ifMatch, actors.get().label());
        return view(id);
    }

    @GetMapping("/{id}/knowledge-suggestions")
    @Operation(summary = "Knowledge articles that may fix this ticket's fault, ranked, each saying why")
    @ApiResponse(responseCode = "404", description = "No such ticket", content = @Content(mediaType = PROBLEM_JSON))
    List<ArticleView.Suggestion> suggestions(@PathVariable UUID id,
                                             @RequestHeader(name = HttpHeaders.ACCEPT_LANGUAGE, required = false) String acceptLanguage) {
        return tickets.suggestions(id, ProblemMessages.resolve(acceptLanguage));
    }

    @PostMapping(path = "/{id}/knowledge-outcomes", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Record whether a knowledge article solved the problem",
            description = "Counts towards the article's success rate (once per ticket and article). When it solved the "
                    + "problem and the ticket can still be resolved remotely, the ticket moves to RESOLVED_REMOTELY.")
    @ApiResponse(responseCode = "404", description = "No such ticket or article", content = @Content(mediaType = PROBLEM_JSON))
    @ApiResponse(responseCode = "409", description = "Already recorded or concurrent change", content = @Content(mediaType = PROBLEM_JSON))
    ResponseEntity<TicketView> knowledgeOutcome(@PathVariable UUID id,
                                                @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
                                                @Valid @RequestBody TicketCommands.KnowledgeOutcome command) {
        tickets.knowledgeOutcome(id, command, ifMatch, actors.get().label());
        return view(id);
    }

    private ResponseEntity<TicketView> view(UUID id) {
        TicketService.TicketDetails details = visibleDetails(id);
        return ResponseEntity.ok().eTag(Versions.etag(details.ticket().version()))
                .body(TicketView.of(details));
    }

    /** The ticket, or 404 when it is another store's (exactly as an unknown id) for a store clerk. */
    private TicketService.TicketDetails visibleDetails(UUID id) {
        TicketService.TicketDetails details = tickets.details(id);
        if (!scope.storeVisible(details.ticket().subject().storeCode())) {
            throw ProblemException.notFound("ticket", id);
        }
        return details;
    }
}
