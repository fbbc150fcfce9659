package com.aftersales.ticket.ticket;

import com.aftersales.platform.idempotency.IdempotentRequests;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.util.List;
import java.util.UUID;

@RestController
@RequestMapping(path = "/api/tickets", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Tickets", description = "Service requests (工单) from intake to closing")
class TicketController {

    static final String OPEN_SCOPE = "POST /api/tickets";
    /** Until identities arrive with the gateway security issue, API actions are attributed to this actor. */
    static final String UNAUTHENTICATED_ACTOR = "agent:unauthenticated";

    private final TicketService tickets;
    private final IdempotentRequests idempotency;

    TicketController(TicketService tickets, IdempotentRequests idempotency) {
        this.tickets = tickets;
        this.idempotency = idempotency;
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Open a ticket for a customer's product",
            description = "Records the request and publishes aftersales.ticket.opened.v1 in the same transaction. "
                    + "Send an Idempotency-Key to make retries safe: the same key and body return the same ticket, "
                    + "the same key with another body is a 422 problem.")
    @ApiResponse(responseCode = "201", description = "Opened",
            content = @Content(schema = @Schema(implementation = TicketView.class)))
    @ApiResponse(responseCode = "400", description = "Invalid fields",
            content = @Content(mediaType = "application/problem+json"))
    @ApiResponse(responseCode = "422", description = "Idempotency-Key reused with a different body",
            content = @Content(mediaType = "application/problem+json"))
    ResponseEntity<Object> open(
            @Parameter(description = "Client-chosen key that makes the request safe to retry")
            @RequestHeader(name = IdempotentRequests.HEADER, required = false) String idempotencyKey,
            @Valid @RequestBody OpenTicketRequest request) {
        return idempotency.create(OPEN_SCOPE, idempotencyKey, request, () -> {
            Ticket ticket = tickets.open(request, UNAUTHENTICATED_ACTOR);
            return new IdempotentRequests.Created(URI.create("/api/tickets/" + ticket.id()),
                    TicketView.of(ticket, ticket.newTimelineEntries()));
        });
    }

    @GetMapping("/{id}")
    @Operation(summary = "A ticket with its status and timeline")
    @ApiResponse(responseCode = "404", description = "No such ticket", content = @Content(mediaType = "application/problem+json"))
    TicketView get(@PathVariable UUID id) {
        TicketService.TicketDetails details = tickets.details(id);
        return TicketView.of(details.ticket(), details.timeline());
    }

    @GetMapping("/{id}/timeline")
    @Operation(summary = "What happened to a ticket, in order")
    @ApiResponse(responseCode = "404", description = "No such ticket", content = @Content(mediaType = "application/problem+json"))
    List<TicketView.TimelineEntryView> timeline(@PathVariable UUID id) {
        return tickets.timeline(id).stream().map(TicketView.TimelineEntryView::of).toList();
    }
}
